// Repository, contents, branches and Pages routes.
import {
  HttpError,
  notFound,
  paged,
  unprocessable,
  type Ctx,
  type Reply,
  type RouteHandler
} from './route-kit.js'
import { fill } from './shapes-repo.js'
import { responseExamples } from './openapi.js'

const R = '/repos/{owner}/{repo}'

function refName(c: Ctx, ref: string | null): string {
  return ref ?? c.s.defaultBranch
}

function getContent(c: Ctx): Reply {
  const path = c.params.path!.replace(/^\/+|\/+$/g, '')
  const ref = refName(c, c.query.get('ref'))
  const commit = c.s.resolve(ref)
  if (!commit)
    throw new HttpError(404, {
      message: `No commit found for the ref ${ref}`,
      documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
      status: '404'
    })
  const files = c.s.filesAt(commit)
  const file = files.get(path)
  if (file) return { status: 200, body: c.shapes.contentFile(path, file.sha, ref, true) }
  const under = [...files.keys()].filter(k => k.startsWith(`${path}/`))
  if (!under.length) throw notFound()
  const tree = c.s.git.readCommit(commit).tree
  // Walk down to the directory's tree for the entries' own SHAs.
  let entries = c.s.git.readTree(tree)
  for (const part of path.split('/'))
    entries = c.s.git.readTree(entries.find(e => e.name === part)!.sha)
  const list = entries.map(e =>
    e.type === 'tree'
      ? c.shapes.contentDir(`${path}/${e.name}`, e.sha, ref)
      : c.shapes.contentFile(`${path}/${e.name}`, e.sha, ref, false)
  )
  return { status: 200, body: list }
}

function putContent(c: Ctx): Reply {
  const path = c.params.path!.replace(/^\/+|\/+$/g, '')
  const branch = (c.body.branch as string | undefined) ?? c.s.defaultBranch
  if (!c.s.branchSha(branch) && c.s.refs.size)
    throw new HttpError(404, {
      message: `Branch ${branch} not found`,
      documentation_url:
        'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
      status: '404'
    })
  const existing = c.s.filesAt(c.s.branchSha(branch)).get(path)
  if (existing && !c.body.sha) throw unprocessable(`Invalid request.\n\n"sha" wasn't supplied.`)
  if (existing && c.body.sha !== existing.sha)
    throw new HttpError(409, {
      message: `${path} does not match ${String(c.body.sha)}`,
      documentation_url:
        'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
      status: '409'
    })
  const sha = c.s.commitFiles(
    branch,
    { [path]: Buffer.from(c.body.content as string, 'base64') },
    c.body.message as string
  )
  const blob = c.s.filesAt(sha).get(path)!.sha
  return {
    status: existing ? 200 : 201,
    body: {
      content: c.shapes.contentFile(path, blob, branch, false),
      commit: c.shapes.fileCommit(sha)
    }
  }
}

function deleteContent(c: Ctx): Reply {
  const path = c.params.path!.replace(/^\/+|\/+$/g, '')
  const branch = (c.body.branch as string | undefined) ?? c.s.defaultBranch
  const existing = c.s.filesAt(c.s.branchSha(branch)).get(path)
  if (!existing) throw notFound()
  if (c.body.sha !== existing.sha)
    throw new HttpError(409, {
      message: `${path} does not match ${String(c.body.sha)}`,
      documentation_url: 'https://docs.github.com/rest/repos/contents#delete-a-file',
      status: '409'
    })
  const sha = c.s.commitFiles(branch, { [path]: null }, c.body.message as string)
  return { status: 200, body: { content: null, commit: c.shapes.fileCommit(sha) } }
}

function createPages(c: Ctx): Reply {
  if (c.settings.pages)
    throw new HttpError(409, {
      message: 'GitHub Pages is already enabled.',
      documentation_url: 'https://docs.github.com/rest/pages/pages#create-a-github-pages-site',
      status: '409'
    })
  const source = c.body.source as { branch: string; path?: string } | undefined
  c.settings.pages = { branch: source?.branch ?? c.s.defaultBranch, path: source?.path ?? '/' }
  return { ...getPages(c), status: 201 }
}

function updatePages(c: Ctx): Reply {
  if (!c.settings.pages) throw notFound()
  const source = c.body.source as { branch: string; path?: string } | string | undefined
  if (source && typeof source === 'object')
    c.settings.pages = { branch: source.branch, path: source.path ?? '/' }
  return { status: 204 }
}

function getPages(c: Ctx): Reply {
  const p = c.settings.pages
  if (!p) throw notFound()
  const t = (responseExamples('get', `${R}/pages`, 200)[0] ?? {}) as Record<string, unknown>
  const html = `https://${c.s.owner.toLowerCase()}.github.io/${c.s.name}/`
  return {
    status: 200,
    body: fill(t, {
      url: `${c.shapes.repoApi}/pages`,
      status: 'built',
      cname: null,
      custom_404: false,
      html_url: html,
      build_type: 'legacy',
      source: { branch: p.branch, path: p.path },
      public: true,
      https_enforced: true
    })
  }
}

export const repoRoutes: Record<string, RouteHandler> = {
  [`GET ${R}`]: c => ({ status: 200, body: c.shapes.repository(true) }),
  [`GET ${R}/contents/{path}`]: getContent,
  [`PUT ${R}/contents/{path}`]: putContent,
  [`DELETE ${R}/contents/{path}`]: deleteContent,
  [`GET ${R}/branches`]: c =>
    paged(
      c,
      [...c.s.refs.keys()]
        .filter(r => r.startsWith('refs/heads/'))
        .map(r => r.slice('refs/heads/'.length))
        .sort()
        .map(b => c.shapes.branch(b, false))
    ),
  [`GET ${R}/branches/{branch}`]: c => {
    if (!c.s.branchSha(c.params.branch!))
      throw new HttpError(404, {
        message: 'Branch not found',
        documentation_url: 'https://docs.github.com/rest/branches/branches#get-a-branch',
        status: '404'
      })
    return { status: 200, body: c.shapes.branch(c.params.branch!, true) }
  },
  [`GET ${R}/commits/{ref}`]: c => {
    const sha = c.s.resolve(c.params.ref)
    if (!sha) throw unprocessable(`No commit found for SHA: ${c.params.ref}`)
    return { status: 200, body: c.shapes.commit(sha) }
  },
  [`GET ${R}/pages`]: getPages,
  [`POST ${R}/pages`]: createPages,
  [`PUT ${R}/pages`]: updatePages
}
