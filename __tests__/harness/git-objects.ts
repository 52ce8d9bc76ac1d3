// Real git objects for the emulator: blobs, trees and commits hashed exactly as git does
// ("<type> <len>\0<body>", SHA-1), so SHAs match what `git hash-object` would print.
import { createHash } from 'node:crypto'

export interface TreeEntry {
  name: string
  /** git modes: 100644, 100755, 120000, 160000, 040000 (shown as GitHub does) */
  mode: string
  type: 'blob' | 'tree' | 'commit'
  sha: string
}
export interface Person {
  name: string
  email: string
  /** ISO 8601 */
  date: string
}
export interface CommitData {
  tree: string
  parents: string[]
  message: string
  author: Person
  committer: Person
}
export interface FileEntry {
  mode: string
  sha: string
}

type Stored =
  | { type: 'blob'; body: Buffer }
  | { type: 'tree'; body: Buffer; entries: TreeEntry[] }
  | { type: 'commit'; body: Buffer; commit: CommitData }

function hash(type: string, body: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex')
}

function gitTime(iso: string): string {
  return `${Math.floor(Date.parse(iso) / 1000)} +0000`
}

// git orders tree entries by name, comparing a subtree's name as if it ended in "/".
function sortKey(e: TreeEntry): string {
  return e.type === 'tree' ? `${e.name}/` : e.name
}

export class GitStore {
  private objects = new Map<string, Stored>()

  has(sha: string): boolean {
    return this.objects.has(sha)
  }
  typeOf(sha: string): Stored['type'] | undefined {
    return this.objects.get(sha)?.type
  }

  blob(content: Buffer | string): string {
    const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8')
    const sha = hash('blob', body)
    this.objects.set(sha, { type: 'blob', body })
    return sha
  }

  tree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort((a, b) =>
      Buffer.compare(Buffer.from(sortKey(a)), Buffer.from(sortKey(b)))
    )
    const body = Buffer.concat(
      sorted.map(e =>
        Buffer.concat([
          Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`),
          Buffer.from(e.sha, 'hex')
        ])
      )
    )
    const sha = hash('tree', body)
    this.objects.set(sha, { type: 'tree', body, entries: sorted })
    return sha
  }

  commit(c: CommitData): string {
    const lines = [`tree ${c.tree}`, ...c.parents.map(p => `parent ${p}`)]
    lines.push(`author ${c.author.name} <${c.author.email}> ${gitTime(c.author.date)}`)
    lines.push(`committer ${c.committer.name} <${c.committer.email}> ${gitTime(c.committer.date)}`)
    const body = Buffer.from(`${lines.join('\n')}\n\n${c.message}`)
    const sha = hash('commit', body)
    this.objects.set(sha, { type: 'commit', body, commit: structuredClone(c) })
    return sha
  }

  readBlob(sha: string): Buffer {
    const o = this.objects.get(sha)
    if (o?.type !== 'blob') throw new Error(`no blob ${sha}`)
    return o.body
  }
  readTree(sha: string): TreeEntry[] {
    const o = this.objects.get(sha)
    if (o?.type !== 'tree') throw new Error(`no tree ${sha}`)
    return o.entries
  }
  readCommit(sha: string): CommitData {
    const o = this.objects.get(sha)
    if (o?.type !== 'commit') throw new Error(`no commit ${sha}`)
    return o.commit
  }
  size(sha: string): number {
    return this.objects.get(sha)?.body.length ?? 0
  }

  /** Every file (blob or submodule) below a tree, by slash-separated path. */
  flatten(treeSha: string, prefix = ''): Map<string, FileEntry> {
    const out = new Map<string, FileEntry>()
    for (const e of this.readTree(treeSha)) {
      const p = prefix + e.name
      if (e.type === 'tree') for (const [k, v] of this.flatten(e.sha, `${p}/`)) out.set(k, v)
      else out.set(p, { mode: e.mode, sha: e.sha })
    }
    return out
  }

  /** Builds nested trees from a flat path map; empty directories vanish, as in git. */
  buildTree(files: Map<string, FileEntry>): string {
    const here: TreeEntry[] = []
    const dirs = new Map<string, Map<string, FileEntry>>()
    for (const [p, f] of files) {
      const slash = p.indexOf('/')
      if (slash < 0) {
        here.push({
          name: p,
          mode: f.mode,
          type: f.mode === '160000' ? 'commit' : 'blob',
          sha: f.sha
        })
        continue
      }
      const dir = p.slice(0, slash)
      if (!dirs.has(dir)) dirs.set(dir, new Map())
      dirs.get(dir)!.set(p.slice(slash + 1), f)
    }
    for (const [name, sub] of dirs)
      here.push({ name, mode: '040000', type: 'tree', sha: this.buildTree(sub) })
    return this.tree(here)
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    const seen = new Set<string>()
    const queue = [descendant]
    while (queue.length) {
      const s = queue.pop()!
      if (s === ancestor) return true
      if (seen.has(s) || this.typeOf(s) !== 'commit') continue
      seen.add(s)
      queue.push(...this.readCommit(s).parents)
    }
    return false
  }
}
