// The emulated repository's state: git objects and refs, pulls, issues, comments, labels,
// SARIF uploads. Routes and seed helpers both go through these methods.
import { GitStore, type FileEntry, type Person } from './git-objects.js'

export interface PullRecord {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  head: string
  base: string
  draft: boolean
  user: string
  created_at: string
  updated_at: string
  closed_at: string | null
  maintainer_can_modify: boolean
}
export interface IssueRecord {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  state_reason: string | null
  labels: string[]
  assignees: string[]
  user: string
  created_at: string
  updated_at: string
  closed_at: string | null
  /** Set when this number belongs to a pull request (GitHub lists PRs as issues too). */
  pull?: boolean
}
export interface CommentRecord {
  id: number
  issue_number: number
  body: string
  user: string
  created_at: string
  updated_at: string
}
export interface LabelRecord {
  id: number
  name: string
  color: string
  description: string | null
  default: boolean
}
export interface SarifUpload {
  id: string
  commit_sha: string
  ref: string
  checkout_uri?: string
  started_at?: string
  tool_name?: string
  /** The decoded SARIF document; undefined when it was not valid JSON. */
  sarif: unknown
  /** Decoded text (after gunzip) */
  text: string
  errors: string[]
  polls: number
  received_at: string
}

export const BOT = 'github-actions[bot]'

export class RepoState {
  readonly git = new GitStore()
  readonly refs = new Map<string, string>()
  readonly pulls: PullRecord[] = []
  readonly issues: IssueRecord[] = []
  readonly comments: CommentRecord[] = []
  readonly labels: LabelRecord[] = []
  readonly sarifs: SarifUpload[] = []
  private nextNumber = 1
  private nextId = 1000
  private clock = Date.parse('2026-01-05T10:00:00Z')

  constructor(
    readonly owner: string,
    readonly name: string,
    readonly defaultBranch: string
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.name}`
  }

  /** A strictly increasing timestamp so commits made in one millisecond still differ. */
  now(): string {
    this.clock = Math.max(this.clock + 1000, Date.now())
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
  id(): number {
    return this.nextId++
  }
  number(): number {
    return this.nextNumber++
  }

  person(p?: Partial<Person>): Person {
    return {
      name: p?.name ?? BOT,
      email: p?.email ?? '41898282+github-actions[bot]@users.noreply.github.com',
      date: p?.date ?? this.now()
    }
  }

  branchSha(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`)
  }

  /** Resolves a branch, tag, full ref or commit SHA to a commit SHA. */
  resolve(ref: string | undefined): string | undefined {
    if (!ref) return this.branchSha(this.defaultBranch)
    return (
      this.refs.get(ref) ??
      this.refs.get(`refs/heads/${ref}`) ??
      this.refs.get(`refs/tags/${ref}`) ??
      (this.git.typeOf(ref) === 'commit' ? ref : undefined)
    )
  }

  filesAt(commitSha: string | undefined): Map<string, FileEntry> {
    if (!commitSha) return new Map()
    return this.git.flatten(this.git.readCommit(commitSha).tree)
  }

  /** Commits a set of changes (null deletes) on top of a branch, creating it if needed. */
  commitFiles(
    branch: string,
    changes: Record<string, string | Buffer | null>,
    message = 'Update files',
    from?: string
  ): string {
    const parent = this.branchSha(branch) ?? (from ? this.resolve(from) : undefined)
    const files = this.filesAt(parent)
    for (const [p, content] of Object.entries(changes)) {
      const clean = p.replace(/^\/+/, '')
      if (content === null) {
        for (const k of [...files.keys()])
          if (k === clean || k.startsWith(`${clean}/`)) files.delete(k)
      } else files.set(clean, { mode: '100644', sha: this.git.blob(content) })
    }
    const tree = this.git.buildTree(files)
    const author = this.person()
    const sha = this.git.commit({
      tree,
      parents: parent ? [parent] : [],
      message,
      author,
      committer: author
    })
    this.refs.set(`refs/heads/${branch}`, sha)
    return sha
  }

  /** path -> UTF-8 content of every file at a branch, tag or SHA. */
  readFiles(ref: string): Record<string, string> {
    const sha = this.resolve(ref)
    if (!sha) throw new Error(`unknown ref ${ref}`)
    const out: Record<string, string> = {}
    for (const [p, f] of [...this.filesAt(sha)].sort(([a], [b]) => (a < b ? -1 : 1)))
      out[p] = this.git.readBlob(f.sha).toString('utf8')
    return out
  }

  label(name: string, color = 'ededed', description: string | null = null): LabelRecord {
    const existing = this.labels.find(l => l.name.toLowerCase() === name.toLowerCase())
    if (existing) return existing
    const rec = { id: this.id(), name, color, description, default: false }
    this.labels.push(rec)
    return rec
  }

  /** A new issue, numbered in the sequence it shares with pulls; labels are created as needed. */
  addIssue(i: {
    title: string
    body?: string | null
    labels?: string[]
    assignees?: string[]
    state?: 'open' | 'closed'
  }): IssueRecord {
    const now = this.now()
    const closed = i.state === 'closed'
    const rec: IssueRecord = {
      number: this.number(),
      title: i.title,
      body: i.body ?? null,
      state: closed ? 'closed' : 'open',
      state_reason: closed ? 'completed' : null,
      labels: i.labels ?? [],
      assignees: i.assignees ?? [],
      user: BOT,
      created_at: now,
      updated_at: now,
      closed_at: closed ? now : null
    }
    for (const l of rec.labels) this.label(l)
    this.issues.push(rec)
    return rec
  }

  /** A new open pull request plus its issue twin (GitHub lists pulls among issues). */
  addPull(p: {
    head: string
    base: string
    title: string
    body?: string | null
    draft?: boolean
    maintainer_can_modify?: boolean
  }): PullRecord {
    const now = this.now()
    const rec: PullRecord = {
      number: this.number(),
      title: p.title,
      body: p.body ?? null,
      state: 'open',
      head: p.head,
      base: p.base,
      draft: !!p.draft,
      user: BOT,
      created_at: now,
      updated_at: now,
      closed_at: null,
      maintainer_can_modify: p.maintainer_can_modify !== false
    }
    this.pulls.push(rec)
    const { number, title, body, state, user, created_at, updated_at, closed_at } = rec
    this.issues.push({
      number,
      title,
      body,
      state,
      user,
      created_at,
      updated_at,
      closed_at,
      labels: [],
      assignees: [],
      state_reason: null,
      pull: true
    })
    return rec
  }

  issue(n: number): IssueRecord | undefined {
    return this.issues.find(i => i.number === n)
  }
  pull(n: number): PullRecord | undefined {
    return this.pulls.find(p => p.number === n)
  }
}
