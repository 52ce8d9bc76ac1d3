// Git data API: blobs, trees (with base_tree and `sha: null` deletions), commits and refs.
import type { FileEntry } from './git-objects.js'
import { notFound, unprocessable, type Ctx, type Reply, type RouteHandler } from './route-kit.js'

const R = '/repos/{owner}/{repo}/git'

interface TreeInput {
  path: string
  mode: string
  type: 'blob' | 'tree' | 'commit'
  sha?: string | null
  content?: string
}

function createTree(c: Ctx): Reply {
  const { git } = c.s
  const files = new Map<string, FileEntry>()
  const base = c.body.base_tree as string | undefined
  if (base) {
    if (git.typeOf(base) !== 'tree') throw unprocessable('base_tree is not a valid tree oid')
    for (const [k, v] of git.flatten(base)) files.set(k, v)
  }
  const dropUnder = (p: string): void => {
    for (const k of [...files.keys()]) if (k === p || k.startsWith(`${p}/`)) files.delete(k)
  }
  for (const e of c.body.tree as TreeInput[]) {
    const p = e.path.replace(/^\/+|\/+$/g, '')
    if (e.sha === null) {
      dropUnder(p)
      continue
    }
    if (e.content !== undefined) {
      dropUnder(p)
      files.set(p, { mode: e.mode, sha: git.blob(e.content) })
      continue
    }
    const sha = e.sha!
    if (e.type === 'tree') {
      if (git.typeOf(sha) !== 'tree') throw unprocessable(`GitRPC::BadObjectState`)
      dropUnder(p)
      for (const [k, v] of git.flatten(sha)) files.set(`${p}/${k}`, v)
    } else if (e.type === 'commit') {
      dropUnder(p)
      files.set(p, { mode: '160000', sha })
    } else {
      if (git.typeOf(sha) !== 'blob') throw unprocessable(`GitRPC::BadObjectState`)
      dropUnder(p)
      files.set(p, { mode: e.mode, sha })
    }
  }
  const sha = git.buildTree(files)
  return { status: 201, body: c.shapes.tree(sha, false) }
}

function createCommit(c: Ctx): Reply {
  const { git } = c.s
  const tree = c.body.tree as string
  if (git.typeOf(tree) !== 'tree') throw unprocessable('Tree SHA does not exist')
  const parents = (c.body.parents as string[] | undefined) ?? []
  for (const p of parents)
    if (git.typeOf(p) !== 'commit')
      throw unprocessable('Parent SHA does not exist or is not a commit object')
  const author = c.s.person(c.body.author)
  const committer = c.body.committer ? c.s.person(c.body.committer) : author
  const sha = git.commit({ tree, parents, message: c.body.message as string, author, committer })
  return { status: 201, body: c.shapes.gitCommit(sha) }
}

function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`
}

function getRef(c: Ctx): Reply {
  const ref = fullRef(c.params.ref!)
  const sha = c.s.refs.get(ref)
  if (!sha) throw notFound()
  return { status: 200, body: c.shapes.ref(ref, sha) }
}

function matchingRefs(c: Ctx): Reply {
  const prefix = fullRef(c.params.ref!)
  const refs = [...c.s.refs]
    .filter(([r]) => r.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([r, sha]) => c.shapes.ref(r, sha))
  return { status: 200, body: refs }
}

function createRef(c: Ctx): Reply {
  const ref = c.body.ref as string
  const sha = c.body.sha as string
  if (!/^refs\/[^/]+\/.+/.test(ref)) throw unprocessable('Reference name is not valid')
  if (c.s.refs.has(ref)) throw unprocessable('Reference already exists')
  if (c.s.git.typeOf(sha) !== 'commit') throw unprocessable('Object does not exist')
  c.s.refs.set(ref, sha)
  return { status: 201, body: c.shapes.ref(ref, sha) }
}

function updateRef(c: Ctx): Reply {
  const ref = fullRef(c.params.ref!)
  const old = c.s.refs.get(ref)
  const sha = c.body.sha as string
  if (!old) throw unprocessable('Reference does not exist')
  if (c.s.git.typeOf(sha) !== 'commit') throw unprocessable('Object does not exist')
  if (!c.body.force && !c.s.git.isAncestor(old, sha))
    throw unprocessable('Update is not a fast forward')
  c.s.refs.set(ref, sha)
  return { status: 200, body: c.shapes.ref(ref, sha) }
}

function deleteRef(c: Ctx): Reply {
  const ref = fullRef(c.params.ref!)
  if (!c.s.refs.delete(ref)) throw unprocessable('Reference does not exist')
  return { status: 204 }
}

export const gitRoutes: Record<string, RouteHandler> = {
  [`GET ${R}/blobs/{file_sha}`]: c => {
    const sha = c.params.file_sha!
    if (c.s.git.typeOf(sha) !== 'blob') throw notFound()
    const body = c.s.git.readBlob(sha)
    return {
      status: 200,
      body: {
        content: body.toString('base64'),
        encoding: 'base64',
        url: `${c.shapes.repoApi}/git/blobs/${sha}`,
        sha,
        size: body.length,
        node_id: 'B_kwDO'
      }
    }
  },
  [`POST ${R}/blobs`]: c => {
    const enc = (c.body.encoding as string | undefined) ?? 'utf-8'
    const data = Buffer.from(c.body.content as string, enc === 'base64' ? 'base64' : 'utf8')
    const sha = c.s.git.blob(data)
    return { status: 201, body: { url: `${c.shapes.repoApi}/git/blobs/${sha}`, sha } }
  },
  [`GET ${R}/trees/{tree_sha}`]: c => {
    let sha = c.params.tree_sha!
    if (c.s.git.typeOf(sha) !== 'tree') {
      const commit = c.s.resolve(sha)
      if (!commit) throw notFound()
      sha = c.s.git.readCommit(commit).tree
    }
    const recursive = !!c.query.get('recursive') && c.query.get('recursive') !== 'false'
    return { status: 200, body: c.shapes.tree(sha, recursive) }
  },
  [`POST ${R}/trees`]: createTree,
  [`GET ${R}/commits/{commit_sha}`]: c => {
    if (c.s.git.typeOf(c.params.commit_sha!) !== 'commit') throw notFound()
    return { status: 200, body: c.shapes.gitCommit(c.params.commit_sha!) }
  },
  [`POST ${R}/commits`]: createCommit,
  [`GET ${R}/ref/{ref}`]: getRef,
  [`GET ${R}/matching-refs/{ref}`]: matchingRefs,
  [`POST ${R}/refs`]: createRef,
  [`PATCH ${R}/refs/{ref}`]: updateRef,
  [`DELETE ${R}/refs/{ref}`]: deleteRef
}
