// Renders repository, git, contents and branch objects as GitHub sends them. The spec's own
// examples are the templates (so every required field exists); real values override them.
import { responseExamples } from './openapi.js'
import type { RepoState } from './github-state.js'

export type Json = Record<string, unknown>

const templates = new Map<string, Json>()

/** First example of an operation's response (the first array item for list answers). */
export function template(method: string, route: string, status: number, pick = 0): Json {
  const key = `${method} ${route} ${status} ${pick}`
  if (!templates.has(key)) {
    let ex = responseExamples(method, route, status)[pick]
    if (Array.isArray(ex)) ex = ex[0]
    templates.set(key, (ex ?? {}) as Json)
  }
  return structuredClone(templates.get(key)!)
}

function isObject(v: unknown): v is Json {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

/** Deep merge where `real` wins; arrays and scalars replace. */
export function fill<T extends Json>(base: Json, real: T): Json {
  const out: Json = { ...base }
  for (const [k, v] of Object.entries(real))
    out[k] = isObject(v) && isObject(out[k]) ? fill(out[k] as Json, v) : v
  return out
}

export const R = '/repos/{owner}/{repo}'

export class RepoShapes {
  constructor(
    readonly s: RepoState,
    readonly api: string,
    readonly web: string,
    readonly permissions: Record<string, boolean>
  ) {}

  get repoApi(): string {
    return `${this.api}/repos/${this.s.fullName}`
  }
  get repoWeb(): string {
    return `${this.web}/${this.s.fullName}`
  }

  user(login: string): Json {
    const bot = login.endsWith('[bot]')
    const u = `${this.api}/users/${encodeURIComponent(login)}`
    return {
      login,
      id: bot ? 41898282 : 1,
      node_id: bot ? 'MDM6Qm90NDE4OTgyODI=' : 'MDQ6VXNlcjE=',
      avatar_url: `https://avatars.githubusercontent.com/u/${bot ? 41898282 : 1}?v=4`,
      gravatar_id: '',
      url: u,
      html_url: `${this.web}/${bot ? 'apps/github-actions' : login}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: bot ? 'Bot' : 'User',
      user_view_type: 'public',
      site_admin: false
    }
  }

  repository(full = false): Json {
    const real = {
      id: 1296269,
      name: this.s.name,
      full_name: this.s.fullName,
      owner: this.user(this.s.owner),
      private: false,
      html_url: this.repoWeb,
      url: this.repoApi,
      default_branch: this.s.defaultBranch,
      permissions: this.permissions
    }
    if (full) {
      // Not a fork: GitHub sends no parent/source then.
      const {
        parent: _p,
        source: _s,
        ...rest
      } = fill(template('get', R, 200), { ...real, fork: false, language: null })
      return rest
    }
    const t = template('get', `${R}/pulls/{pull_number}`, 200)
    return fill((t.base as Json).repo as Json, real)
  }

  ref(ref: string, sha: string): Json {
    return {
      ref,
      node_id: 'REF_kwDO',
      url: `${this.repoApi}/git/${ref}`,
      object: { type: 'commit', sha, url: `${this.repoApi}/git/commits/${sha}` }
    }
  }

  gitCommit(sha: string): Json {
    const c = this.s.git.readCommit(sha)
    return {
      sha,
      node_id: 'C_kwDO',
      url: `${this.repoApi}/git/commits/${sha}`,
      html_url: `${this.repoWeb}/commit/${sha}`,
      author: c.author,
      committer: c.committer,
      tree: { sha: c.tree, url: `${this.repoApi}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map(p => ({
        sha: p,
        url: `${this.repoApi}/git/commits/${p}`,
        html_url: `${this.repoWeb}/commit/${p}`
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null
      }
    }
  }

  tree(sha: string, recursive: boolean): Json {
    const entries: Json[] = []
    const walk = (tsha: string, prefix: string): void => {
      for (const e of this.s.git.readTree(tsha)) {
        const path = prefix + e.name
        const kind = e.type === 'tree' ? 'trees' : 'blobs'
        entries.push({
          path,
          mode: e.mode,
          type: e.type,
          sha: e.sha,
          ...(e.type === 'blob' ? { size: this.s.git.size(e.sha) } : {}),
          url: `${this.repoApi}/git/${kind}/${e.sha}`
        })
        if (recursive && e.type === 'tree') walk(e.sha, `${path}/`)
      }
    }
    walk(sha, '')
    return { sha, url: `${this.repoApi}/git/trees/${sha}`, tree: entries, truncated: false }
  }

  contentFile(path: string, sha: string, ref: string, withContent: boolean): Json {
    const name = path.split('/').pop()!
    const body = this.s.git.readBlob(sha)
    const url = `${this.repoApi}/contents/${path}?ref=${ref}`
    const html = `${this.repoWeb}/blob/${ref}/${path}`
    const git = `${this.repoApi}/git/blobs/${sha}`
    return {
      type: 'file',
      ...(withContent ? { encoding: 'base64', content: body.toString('base64') } : {}),
      size: body.length,
      name,
      path,
      sha,
      url,
      git_url: git,
      html_url: html,
      download_url: `${this.web.replace('://', '://raw.')}/${this.s.fullName}/${ref}/${path}`,
      _links: { self: url, git, html }
    }
  }

  contentDir(path: string, sha: string, ref: string): Json {
    const name = path.split('/').pop()!
    const url = `${this.repoApi}/contents/${path}?ref=${ref}`
    const git = `${this.repoApi}/git/trees/${sha}`
    const html = `${this.repoWeb}/tree/${ref}/${path}`
    return {
      type: 'dir',
      size: 0,
      name,
      path,
      sha,
      url,
      git_url: git,
      html_url: html,
      download_url: null,
      _links: { self: url, git, html }
    }
  }

  fileCommit(commitSha: string): Json {
    const g = this.gitCommit(commitSha)
    return {
      sha: commitSha,
      node_id: g.node_id,
      url: g.url,
      html_url: g.html_url,
      author: g.author,
      committer: g.committer,
      tree: g.tree,
      message: g.message,
      parents: g.parents,
      verification: g.verification
    }
  }

  branch(name: string, full: boolean): Json {
    const sha = this.s.branchSha(name)!
    if (!full)
      return {
        name,
        commit: { sha, url: `${this.repoApi}/commits/${sha}` },
        protected: false
      }
    const t = template('get', `${R}/branches/{branch}`, 200)
    return fill(t, {
      name,
      commit: this.commit(sha, t.commit as Json),
      _links: { self: `${this.repoApi}/branches/${name}`, html: `${this.repoWeb}/tree/${name}` },
      protected: false,
      protection: {
        enabled: false,
        required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] }
      },
      protection_url: `${this.repoApi}/branches/${name}/protection`
    })
  }

  /** A commit as the REST commits API shows it (files left empty: no diffs are computed). */
  commit(sha: string, base: Json = template('get', `${R}/commits/{ref}`, 200)): Json {
    const c = this.s.git.readCommit(sha)
    const {
      stats: _s,
      files: _f,
      ...rest
    } = fill(base, {
      sha,
      node_id: 'C_kwDO',
      url: `${this.repoApi}/commits/${sha}`,
      html_url: `${this.repoWeb}/commit/${sha}`,
      comments_url: `${this.repoApi}/commits/${sha}/comments`,
      commit: fill(base.commit as Json, {
        author: c.author,
        committer: c.committer,
        message: c.message,
        tree: { sha: c.tree, url: `${this.repoApi}/git/trees/${c.tree}` },
        url: `${this.repoApi}/git/commits/${sha}`,
        comment_count: 0,
        verification: {
          verified: false,
          reason: 'unsigned',
          signature: null,
          payload: null,
          verified_at: null
        }
      }),
      parents: c.parents.map(p => ({
        sha: p,
        url: `${this.repoApi}/commits/${p}`,
        html_url: `${this.repoWeb}/commit/${p}`
      })),
      author: this.user(this.s.owner),
      committer: this.user(this.s.owner)
    })
    return rest
  }
}
