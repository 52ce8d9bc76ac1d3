// Pulls, issues, issue comments and labels. Issues and pulls share one number sequence and
// issue listings include pulls, as on GitHub.
import { BOT, type IssueRecord, type PullRecord } from './github-state.js'
import {
  HttpError,
  notFound,
  paged,
  validationFailed,
  type Ctx,
  type Reply,
  type RouteHandler
} from './route-kit.js'

const R = '/repos/{owner}/{repo}'

function headBranch(c: Ctx, head: string): string {
  const i = head.indexOf(':')
  return i < 0 ? head : head.slice(i + 1)
}

function createPull(c: Ctx): Reply {
  const { s } = c
  const head = headBranch(c, c.body.head as string)
  const base = c.body.base as string
  const errors: Record<string, unknown>[] = []
  if (!s.branchSha(base)) errors.push({ resource: 'PullRequest', field: 'base', code: 'invalid' })
  if (!s.branchSha(head)) errors.push({ resource: 'PullRequest', field: 'head', code: 'invalid' })
  if (errors.length) throw validationFailed(errors)
  if (s.pulls.some(p => p.state === 'open' && p.head === head && p.base === base))
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${s.owner}:${head}.`
      }
    ])
  if (s.git.isAncestor(s.branchSha(head)!, s.branchSha(base)!))
    throw validationFailed([
      { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` }
    ])
  const rec = s.addPull({
    head,
    base,
    title: c.body.title as string,
    body: c.body.body as string | undefined,
    draft: c.body.draft as boolean | undefined,
    maintainer_can_modify: c.body.maintainer_can_modify as boolean | undefined
  })
  return { status: 201, body: c.shapes.pull(rec, false) }
}

function issueFields(
  p: PullRecord
): Pick<
  IssueRecord,
  'number' | 'title' | 'body' | 'state' | 'user' | 'created_at' | 'updated_at' | 'closed_at'
> {
  const { number, title, body, state, user, created_at, updated_at, closed_at } = p
  return { number, title, body, state, user, created_at, updated_at, closed_at }
}

function setState<
  T extends { state: 'open' | 'closed'; closed_at: string | null; updated_at: string }
>(rec: T, state: string | undefined, now: string): void {
  if (state === 'closed' && rec.state === 'open') Object.assign(rec, { state, closed_at: now })
  if (state === 'open' && rec.state === 'closed') Object.assign(rec, { state, closed_at: null })
  rec.updated_at = now
}

function updatePull(c: Ctx): Reply {
  const p = c.s.pull(Number(c.params.pull_number))
  if (!p) throw notFound()
  const now = c.s.now()
  if (c.body.title !== undefined) p.title = c.body.title as string
  if (c.body.body !== undefined) p.body = c.body.body as string
  if (c.body.base !== undefined) p.base = c.body.base as string
  if (
    c.body.state === 'open' &&
    p.state === 'closed' &&
    c.s.pulls.some(o => o !== p && o.state === 'open' && o.head === p.head)
  )
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${c.s.owner}:${p.head}.`
      }
    ])
  setState(p, c.body.state as string | undefined, now)
  Object.assign(c.s.issue(p.number)!, issueFields(p))
  return { status: 200, body: c.shapes.pull(p, false) }
}

function listPulls(c: Ctx): Reply {
  const state = c.query.get('state') ?? 'open'
  const head = c.query.get('head')
  const base = c.query.get('base')
  let list = c.s.pulls.filter(p => state === 'all' || p.state === state)
  if (head) {
    const [owner, branch] = head.includes(':') ? head.split(':') : [c.s.owner, head]
    list =
      owner!.toLowerCase() === c.s.owner.toLowerCase() ? list.filter(p => p.head === branch) : []
  }
  if (base) list = list.filter(p => p.base === base)
  const asc = c.query.get('direction') === 'asc'
  list = [...list].sort((a, b) => (asc ? a.number - b.number : b.number - a.number))
  return paged(
    c,
    list.map(p => c.shapes.pull(p, true))
  )
}

function labelNames(raw: unknown): string[] {
  return ((raw as (string | { name?: string })[] | undefined) ?? []).map(l =>
    typeof l === 'string' ? l : (l.name ?? '')
  )
}

function createIssue(c: Ctx): Reply {
  const rec = c.s.addIssue({
    title: String(c.body.title),
    body: c.body.body as string | undefined,
    labels: labelNames(c.body.labels),
    assignees: c.body.assignees as string[] | undefined
  })
  return { status: 201, body: c.shapes.issue(rec) }
}

function listIssues(c: Ctx): Reply {
  const state = c.query.get('state') ?? 'open'
  const labels = (c.query.get('labels') ?? '')
    .split(',')
    .map(l => l.trim().toLowerCase())
    .filter(Boolean)
  const creator = c.query.get('creator')
  let list = c.s.issues.filter(i => state === 'all' || i.state === state)
  if (labels.length)
    list = list.filter(i => labels.every(l => i.labels.some(x => x.toLowerCase() === l)))
  if (creator) list = list.filter(i => i.user.toLowerCase() === creator.toLowerCase())
  const asc = c.query.get('direction') === 'asc'
  list = [...list].sort((a, b) => (asc ? a.number - b.number : b.number - a.number))
  return paged(
    c,
    list.map(i => c.shapes.issue(i))
  )
}

function updateIssue(c: Ctx): Reply {
  const i = c.s.issue(Number(c.params.issue_number))
  if (!i) throw notFound()
  const now = c.s.now()
  if (c.body.title !== undefined && c.body.title !== null) i.title = String(c.body.title)
  if (c.body.body !== undefined) i.body = c.body.body as string | null
  if (c.body.labels !== undefined) {
    i.labels = labelNames(c.body.labels)
    for (const l of i.labels) c.s.label(l)
  }
  if (c.body.assignees !== undefined) i.assignees = c.body.assignees as string[]
  setState(i, c.body.state as string | undefined, now)
  if (c.body.state === 'closed')
    i.state_reason = (c.body.state_reason as string | undefined) ?? 'completed'
  if (c.body.state === 'open') i.state_reason = 'reopened'
  const p = i.pull ? c.s.pull(i.number) : undefined
  if (p)
    Object.assign(p, {
      title: i.title,
      body: i.body,
      state: i.state,
      closed_at: i.closed_at,
      updated_at: now
    })
  return { status: 200, body: c.shapes.issue(i) }
}

function createComment(c: Ctx): Reply {
  const i = c.s.issue(Number(c.params.issue_number))
  if (!i) throw notFound()
  const now = c.s.now()
  const rec = {
    id: c.s.id(),
    issue_number: i.number,
    body: String(c.body.body),
    user: BOT,
    created_at: now,
    updated_at: now
  }
  c.s.comments.push(rec)
  i.updated_at = now
  return { status: 201, body: c.shapes.comment(rec) }
}

function createLabel(c: Ctx): Reply {
  const name = String(c.body.name)
  if (c.s.labels.some(l => l.name.toLowerCase() === name.toLowerCase()))
    throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }])
  const l = c.s.label(
    name,
    (c.body.color as string | undefined)?.replace(/^#/, '') ?? 'ededed',
    (c.body.description as string | undefined) ?? null
  )
  return { status: 201, body: c.shapes.label(l) }
}

export const issueRoutes: Record<string, RouteHandler> = {
  [`POST ${R}/pulls`]: createPull,
  [`GET ${R}/pulls`]: listPulls,
  [`GET ${R}/pulls/{pull_number}`]: c => {
    const p = c.s.pull(Number(c.params.pull_number))
    if (!p) throw notFound()
    return { status: 200, body: c.shapes.pull(p, false) }
  },
  [`PATCH ${R}/pulls/{pull_number}`]: updatePull,
  [`POST ${R}/issues`]: createIssue,
  [`GET ${R}/issues`]: listIssues,
  [`GET ${R}/issues/{issue_number}`]: c => {
    const i = c.s.issue(Number(c.params.issue_number))
    if (!i) throw notFound()
    return { status: 200, body: c.shapes.issue(i) }
  },
  [`PATCH ${R}/issues/{issue_number}`]: updateIssue,
  [`POST ${R}/issues/{issue_number}/comments`]: createComment,
  [`GET ${R}/issues/{issue_number}/comments`]: c => {
    if (!c.s.issue(Number(c.params.issue_number))) throw notFound()
    return paged(
      c,
      c.s.comments
        .filter(x => x.issue_number === Number(c.params.issue_number))
        .map(x => c.shapes.comment(x))
    )
  },
  [`PATCH ${R}/issues/comments/{comment_id}`]: c => {
    const rec = c.s.comments.find(x => x.id === Number(c.params.comment_id))
    if (!rec) throw notFound()
    rec.body = String(c.body.body)
    rec.updated_at = c.s.now()
    return { status: 200, body: c.shapes.comment(rec) }
  },
  [`POST ${R}/issues/{issue_number}/labels`]: c => {
    const i = c.s.issue(Number(c.params.issue_number))
    if (!i) throw notFound()
    const raw = Array.isArray(c.body) ? c.body : (c.body.labels ?? [])
    for (const n of labelNames(raw)) {
      c.s.label(n)
      if (!i.labels.includes(n)) i.labels.push(n)
    }
    return { status: 200, body: i.labels.map(n => c.shapes.label(c.s.label(n))) }
  },
  [`PUT ${R}/issues/{issue_number}/labels`]: c => {
    const i = c.s.issue(Number(c.params.issue_number))
    if (!i) throw notFound()
    const raw = Array.isArray(c.body) ? c.body : (c.body.labels ?? [])
    i.labels = labelNames(raw)
    for (const n of i.labels) c.s.label(n)
    return { status: 200, body: i.labels.map(n => c.shapes.label(c.s.label(n))) }
  },
  [`DELETE ${R}/issues/{issue_number}/labels/{name}`]: c => {
    const i = c.s.issue(Number(c.params.issue_number))
    const name = c.params.name!.toLowerCase()
    if (!i || !i.labels.some(l => l.toLowerCase() === name))
      throw new HttpError(404, {
        message: 'Label does not exist',
        documentation_url:
          'https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue',
        status: '404'
      })
    i.labels = i.labels.filter(l => l.toLowerCase() !== name)
    return { status: 200, body: i.labels.map(n => c.shapes.label(c.s.label(n))) }
  },
  [`GET ${R}/labels`]: c =>
    paged(
      c,
      c.s.labels.map(l => c.shapes.label(l))
    ),
  [`GET ${R}/labels/{name}`]: c => {
    const l = c.s.labels.find(x => x.name.toLowerCase() === c.params.name!.toLowerCase())
    if (!l)
      throw new HttpError(404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest/issues/labels#get-a-label',
        status: '404'
      })
    return { status: 200, body: c.shapes.label(l) }
  },
  [`POST ${R}/labels`]: createLabel
}
