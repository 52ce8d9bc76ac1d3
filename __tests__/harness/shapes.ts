// Renders the emulator's records as complete GitHub response objects. The spec's own examples
// are the templates (so every required field exists); the emulator's real values override them.
import { responseExamples } from './openapi.js'
import type {
  CommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RepoState
} from './github-state.js'

type Json = Record<string, unknown>

const templates = new Map<string, Json>()

/** First example of an operation's response (the first array item for list answers). */
function template(method: string, route: string, status: number, pick = 0): Json {
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

const R = '/repos/{owner}/{repo}'

export class Shapes {
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
    const c = this.s.git.readCommit(sha)
    return fill(t, {
      name,
      commit: fill(t.commit as Json, {
        sha,
        node_id: 'C_kwDO',
        url: `${this.repoApi}/commits/${sha}`,
        html_url: `${this.repoWeb}/commit/${sha}`,
        comments_url: `${this.repoApi}/commits/${sha}/comments`,
        commit: fill((t.commit as Json).commit as Json, {
          author: c.author,
          committer: c.committer,
          message: c.message,
          tree: { sha: c.tree, url: `${this.repoApi}/git/trees/${c.tree}` },
          url: `${this.repoApi}/git/commits/${sha}`
        }),
        parents: c.parents.map(p => ({
          sha: p,
          url: `${this.repoApi}/commits/${p}`,
          html_url: `${this.repoWeb}/commit/${p}`
        })),
        author: this.user(this.s.owner),
        committer: this.user(this.s.owner)
      }),
      _links: { self: `${this.repoApi}/branches/${name}`, html: `${this.repoWeb}/tree/${name}` },
      protected: false,
      protection: {
        enabled: false,
        required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] }
      },
      protection_url: `${this.repoApi}/branches/${name}/protection`
    })
  }

  label(l: LabelRecord): Json {
    return {
      id: l.id,
      node_id: 'LA_kwDO',
      url: `${this.repoApi}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      description: l.description,
      color: l.color,
      default: l.default
    }
  }

  private labelsOf(names: string[]): Json[] {
    return names.map(n => this.label(this.s.label(n)))
  }

  issue(i: IssueRecord): Json {
    const t = template('get', `${R}/issues/{issue_number}`, 200)
    const url = `${this.repoApi}/issues/${i.number}`
    const comments = this.s.comments.filter(c => c.issue_number === i.number).length
    const real: Json = {
      id: 500000 + i.number,
      node_id: 'I_kwDO',
      url,
      repository_url: this.repoApi,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.repoWeb}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
      number: i.number,
      state: i.state,
      state_reason: i.state_reason,
      title: i.title,
      body: i.body,
      user: this.user(i.user),
      labels: this.labelsOf(i.labels),
      assignee: i.assignees[0] ? this.user(i.assignees[0]) : null,
      assignees: i.assignees.map(a => this.user(a)),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments,
      closed_at: i.closed_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_by: i.state === 'closed' ? this.user(i.user) : null,
      author_association: 'NONE',
      reactions: t.reactions
    }
    const out = fill(t, real)
    if (i.pull) {
      out.pull_request = {
        url: `${this.repoApi}/pulls/${i.number}`,
        html_url: `${this.repoWeb}/pull/${i.number}`,
        diff_url: `${this.repoWeb}/pull/${i.number}.diff`,
        patch_url: `${this.repoWeb}/pull/${i.number}.patch`,
        merged_at: null
      }
    } else delete out.pull_request
    return out
  }

  comment(c: CommentRecord): Json {
    const t = template('post', `${R}/issues/{issue_number}/comments`, 201)
    return fill(t, {
      id: c.id,
      node_id: 'IC_kwDO',
      url: `${this.repoApi}/issues/comments/${c.id}`,
      html_url: `${this.repoWeb}/issues/${c.issue_number}#issuecomment-${c.id}`,
      issue_url: `${this.repoApi}/issues/${c.issue_number}`,
      body: c.body,
      user: this.user(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: 'NONE'
    })
  }

  private pullSide(branch: string): Json {
    const sha = this.s.branchSha(branch) ?? ''
    return {
      label: `${this.s.owner}:${branch}`,
      ref: branch,
      sha,
      user: this.user(this.s.owner),
      repo: this.repository()
    }
  }

  pull(p: PullRecord, simple: boolean): Json {
    const t = simple
      ? template('get', `${R}/pulls`, 200)
      : template('get', `${R}/pulls/{pull_number}`, 200)
    const url = `${this.repoApi}/pulls/${p.number}`
    const html = `${this.repoWeb}/pull/${p.number}`
    const issue = `${this.repoApi}/issues/${p.number}`
    const real: Json = {
      url,
      id: 700000 + p.number,
      node_id: 'PR_kwDO',
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${this.repoApi}/pulls/comments{/number}`,
      comments_url: `${issue}/comments`,
      statuses_url: `${this.repoApi}/statuses/${this.s.branchSha(p.head) ?? ''}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.user(p.user),
      body: p.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: p.created_at,
      updated_at: p.updated_at,
      closed_at: p.closed_at,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: this.pullSide(p.head),
      base: this.pullSide(p.base),
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: issue },
        comments: { href: `${issue}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${this.repoApi}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${this.repoApi}/statuses/${this.s.branchSha(p.head) ?? ''}` }
      },
      author_association: 'NONE',
      auto_merge: null,
      draft: p.draft
    }
    if (!simple)
      Object.assign(real, {
        merged: false,
        mergeable: null,
        rebaseable: null,
        mergeable_state: 'unknown',
        merged_by: null,
        comments: 0,
        review_comments: 0,
        maintainer_can_modify: p.maintainer_can_modify,
        commits: 1,
        additions: 0,
        deletions: 0,
        changed_files: 0
      })
    return fill(t, real)
  }
}
