// Commits a set of file changes onto a branch through the Git data API (no clone, no git CLI):
// ref -> base tree -> blobs -> tree (sha:null deletes) -> commit -> ref, retried on a moved ref.
import { createHash } from 'node:crypto'
import type { Octokit } from '@octokit/rest'

/** One file in a branch's tree (blobs only; submodules and folders are not listed). */
export interface TreeFile {
  path: string
  /** Git blob sha. */
  sha: string
  mode: string
}

/** The state of a branch a change set is computed from. */
export interface BranchHead {
  branch: string
  /** null while the branch does not exist. */
  commitSha: string | null
  treeSha: string | null
  /** Every file of the tree by path (empty for a missing branch). */
  files: Map<string, TreeFile>
  /** GitHub truncated the recursive tree (over 100,000 entries): `files` is incomplete. */
  truncated: boolean
  /** A file's bytes at this head, or null when it is not there. */
  read(path: string): Promise<Buffer | null>
}

/**
 * Add or update a file (`content`), or delete a file or a whole folder (`delete: true`; a folder
 * is every file under `path/`). Paths are repository-relative POSIX paths without a leading '/'.
 */
export type FileChange =
  | { path: string; content: string | Uint8Array; mode?: '100644' | '100755' }
  | { path: string; delete: true }

export interface CommitFilesRequest {
  owner: string
  repo: string
  /** Branch name without `refs/heads/`. */
  branch: string
  message: string
  /**
   * The changes, computed from the branch head. Called again with the new head when the ref moved
   * while committing, so derive everything that depends on the branch content from `head`.
   */
  changes: (head: BranchHead) => FileChange[] | Promise<FileChange[]>
  /** When the branch is missing: an orphan commit (default) or a commit on top of this sha. */
  createFrom?: 'orphan' | { sha: string }
  /**
   * Build on this commit instead of the branch head and force-move the branch to the result
   * (a branch rebuilt on the default branch each run, like a cleanup PR). No race retry then.
   */
  resetTo?: string
  /** Commit even when the tree would not change (default false: then nothing is written). */
  allowEmpty?: boolean
  /** Most attempts when the ref moved under us (default 5). */
  maxAttempts?: number
  author?: { name: string; email: string }
}

export interface CommitFilesResult {
  /** The branch head after the call (the new commit, or the unchanged head). */
  commitSha: string
  /** A commit was made (false when the changes left the tree as it was). */
  committed: boolean
  /** The branch did not exist and was created. */
  created: boolean
  /** Attempts used (more than 1 when the ref moved concurrently). */
  attempts: number
  /** Paths written and removed in the commit. */
  written: string[]
  deleted: string[]
}

/** Thrown when the ref kept moving for every attempt. */
export class RefRaceError extends Error {
  constructor(branch: string, attempts: number) {
    super(`branch ${branch} kept moving while committing (${attempts} attempts)`)
    this.name = 'RefRaceError'
  }
}

interface HttpError {
  status?: number
  message?: string
}

const status = (e: unknown): number | undefined => (e as HttpError).status

/** The sha git gives a blob with these bytes (lets unchanged files be skipped without a request). */
export function gitBlobSha(content: string | Uint8Array): string {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex')
}

export function normalizePath(p: string): string {
  const clean = p.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '')
  if (!clean || clean.split('/').some(s => s === '' || s === '.' || s === '..'))
    throw new Error(`invalid repository path: ${JSON.stringify(p)}`)
  return clean
}

interface TreeEntry {
  path: string
  mode: '100644' | '100755'
  type: 'blob'
  sha: string | null
}

/**
 * The tree entries a change set needs against `files`: writes of changed content, deletes of
 * files that exist (a folder delete expands to each file under it). A later change to the same
 * path wins. Pure, so it is unit-tested without a server.
 */
export function planTree(
  files: Map<string, TreeFile>,
  changes: FileChange[]
): { writes: Map<string, { content: Buffer; mode: '100644' | '100755' }>; deletes: Set<string> } {
  const writes = new Map<string, { content: Buffer; mode: '100644' | '100755' }>()
  const deletes = new Set<string>()
  for (const c of changes) {
    const p = normalizePath(c.path)
    if ('delete' in c) {
      for (const f of files.keys()) {
        if (f === p || f.startsWith(`${p}/`)) deletes.add(f)
      }
      for (const w of [...writes.keys()]) if (w === p || w.startsWith(`${p}/`)) writes.delete(w)
    } else {
      deletes.delete(p)
      const content =
        typeof c.content === 'string' ? Buffer.from(c.content, 'utf8') : Buffer.from(c.content)
      writes.set(p, { content, mode: c.mode ?? '100644' })
    }
  }
  for (const [p, w] of [...writes]) {
    const old = files.get(p)
    if (old && old.sha === gitBlobSha(w.content) && old.mode === w.mode) writes.delete(p)
  }
  // A write under a deleted path is a replacement, not a delete.
  for (const p of writes.keys()) deletes.delete(p)
  return { writes, deletes }
}

/** Reads a branch: its head commit, tree and file list (an empty head when it does not exist). */
export async function readBranch(
  octokit: Octokit,
  owner: string,
  repo: string,
  branch: string,
  at?: string
): Promise<BranchHead> {
  let commitSha: string | null = at ?? null
  if (!at) {
    try {
      const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
      commitSha = data.object.sha
    } catch (e) {
      if (status(e) !== 404) throw e
    }
  }
  const files = new Map<string, TreeFile>()
  let treeSha: string | null = null
  let truncated = false
  if (commitSha) {
    const { data: commit } = await octokit.rest.git.getCommit({
      owner,
      repo,
      commit_sha: commitSha
    })
    treeSha = commit.tree.sha
    const { data: tree } = await octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: treeSha,
      recursive: 'true'
    })
    truncated = tree.truncated
    for (const t of tree.tree) {
      if (t.type === 'blob' && t.path && t.sha)
        files.set(t.path, { path: t.path, sha: t.sha, mode: t.mode ?? '100644' })
    }
  }
  return {
    branch,
    commitSha,
    treeSha,
    files,
    truncated,
    async read(path: string): Promise<Buffer | null> {
      const f = files.get(normalizePath(path))
      if (!f) return null
      const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: f.sha })
      return Buffer.from(data.content, (data.encoding as BufferEncoding) || 'base64')
    }
  }
}

function isRefRace(e: unknown): boolean {
  const s = status(e)
  const m = (e as HttpError).message ?? ''
  // PATCH: "Update is not a fast forward"; POST on a ref someone just made: "Reference already exists".
  return s === 422 && /fast.forward|already exists/i.test(m)
}

async function attempt(
  octokit: Octokit,
  req: CommitFilesRequest,
  head: BranchHead,
  branchSha: string | null
): Promise<CommitFilesResult & { raced?: boolean }> {
  const { owner, repo, branch } = req
  const missing = branchSha === null
  const { writes, deletes } = planTree(head.files, await req.changes(head))
  const parent = head.commitSha
  const unchanged = writes.size === 0 && deletes.size === 0
  // Nothing to change: leave the branch alone (with resetTo too: the base already has it all).
  if (unchanged && !req.allowEmpty && !missing) {
    return {
      commitSha: branchSha,
      committed: false,
      created: false,
      attempts: 1,
      written: [],
      deleted: []
    }
  }
  // Identical content (e.g. latest/ and runs/<id>/) becomes one blob.
  const blobBySha = new Map<string, Promise<string>>()
  const entries: TreeEntry[] = []
  for (const [path, w] of writes) {
    const local = gitBlobSha(w.content)
    if (!blobBySha.has(local)) {
      blobBySha.set(
        local,
        octokit.rest.git
          .createBlob({ owner, repo, content: w.content.toString('base64'), encoding: 'base64' })
          .then(r => r.data.sha)
      )
    }
    entries.push({ path, mode: w.mode, type: 'blob', sha: await blobBySha.get(local)! })
  }
  const baseTree = head.treeSha
  for (const path of deletes) entries.push({ path, mode: '100644', type: 'blob', sha: null })
  let treeSha: string
  if (entries.length === 0 && baseTree) treeSha = baseTree
  else {
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      // An orphan tree has no base: every entry is a write there (deletes cannot exist).
      ...(baseTree ? { base_tree: baseTree } : {}),
      tree: entries
    })
    treeSha = tree.sha
  }
  const parents: string[] = parent ? [parent] : []
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: req.message,
    tree: treeSha,
    parents,
    ...(req.author ? { author: req.author, committer: req.author } : {})
  })
  const result = {
    commitSha: commit.sha,
    committed: true,
    created: missing,
    attempts: 1,
    written: [...writes.keys()],
    deleted: [...deletes]
  }
  try {
    if (missing) {
      await octokit.rest.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${branch}`,
        sha: commit.sha
      })
    } else {
      await octokit.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${branch}`,
        sha: commit.sha,
        force: !!req.resetTo
      })
    }
  } catch (e) {
    if (isRefRace(e) && (missing || !req.resetTo)) return { ...result, raced: true }
    throw e
  }
  return result
}

/**
 * Commits `changes(head)` onto `branch`, creating it when missing. When the ref moved between
 * reading and updating it (another run committed), re-reads the new head and recomputes the
 * changes from it, up to `maxAttempts` times.
 */
export async function commitFiles(
  octokit: Octokit,
  req: CommitFilesRequest
): Promise<CommitFilesResult> {
  const max = Math.max(1, req.maxAttempts ?? 5)
  for (let i = 1; i <= max; i++) {
    let head = await readBranch(octokit, req.owner, req.repo, req.branch)
    const branchSha = head.commitSha
    // The commit's parent: resetTo, else the branch head, else createFrom's sha for a new branch.
    const base =
      req.resetTo ??
      (branchSha === null && req.createFrom && req.createFrom !== 'orphan'
        ? req.createFrom.sha
        : null)
    if (base) head = await readBranch(octokit, req.owner, req.repo, req.branch, base)
    if (head.truncated)
      throw new Error(`the tree of ${req.branch} is too large to read through the API`)
    const r = await attempt(octokit, req, head, branchSha)
    if (!r.raced) return { ...r, attempts: i }
  }
  throw new RefRaceError(req.branch, max)
}
