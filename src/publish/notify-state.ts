// What the previous run notified about, kept where the next run can read it: the maintenance
// issue's hidden marker, or (no issue) one file on the `pymaint/state` branch. Plus the pure
// decisions that read it, so re-runs neither re-comment nor re-notify.
import type { Octokit } from '@octokit/rest'
import type { Verdict } from '../findings/model.js'

export interface NotifyState {
  v: 1
  /** Verdict and failing gate ids of the last run that wrote the state. */
  verdict: Verdict
  failingGates: string[]
  /** Last Slack message sent: when and for which verdict. */
  slackAt?: string
  slackVerdict?: Verdict
  /** Last comment the issue publisher added. */
  commentAt?: string
  runId?: string
  updatedAt?: string
}

export const ISSUE_MARKER = 'pymaint:issue'
export const STATE_BRANCH = 'pymaint/state'
const STATE_FILE = 'state.json'
const VERDICTS: readonly string[] = ['passing', 'warning', 'failing']

/** The hidden comment carrying the state; `>` escaped so the JSON cannot end the comment. */
export function encodeMarker(state: NotifyState): string {
  return `<!-- ${ISSUE_MARKER} ${JSON.stringify(state).replace(/>/g, '\\u003e').replace(/--/g, '-\\u002d')} -->`
}

export function hasMarker(body: string | null | undefined): boolean {
  return typeof body === 'string' && body.includes(`<!-- ${ISSUE_MARKER}`)
}

/** The state from an issue body; null when absent or unreadable (someone edited it). */
export function decodeMarker(body: string | null | undefined): NotifyState | null {
  if (!body) return null
  const m = new RegExp(`<!-- ${ISSUE_MARKER} (\\{.*?\\}) -->`, 's').exec(body)
  if (!m) return null
  return parseState(m[1]!)
}

export function parseState(text: string): NotifyState | null {
  try {
    const o = JSON.parse(text) as Partial<NotifyState>
    if (o.v !== 1 || !VERDICTS.includes(o.verdict as string) || !Array.isArray(o.failingGates))
      return null
    const s: NotifyState = {
      v: 1,
      verdict: o.verdict as Verdict,
      failingGates: o.failingGates.filter((g): g is string => typeof g === 'string')
    }
    if (typeof o.slackAt === 'string' && !Number.isNaN(Date.parse(o.slackAt))) s.slackAt = o.slackAt
    if (VERDICTS.includes(o.slackVerdict as string)) s.slackVerdict = o.slackVerdict as Verdict
    if (typeof o.commentAt === 'string') s.commentAt = o.commentAt
    if (typeof o.runId === 'string') s.runId = o.runId
    if (typeof o.updatedAt === 'string') s.updatedAt = o.updatedAt
    return s
  } catch {
    return null
  }
}

/** Replaces (or appends) the marker in a body. */
export function withMarker(body: string, state: NotifyState): string {
  const re = new RegExp(`<!-- ${ISSUE_MARKER} .*? -->`, 's')
  return re.test(body)
    ? body.replace(re, () => encodeMarker(state))
    : `${body}\n\n${encodeMarker(state)}`
}

function sameGates(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort()
  const y = [...b].sort()
  return x.length === y.length && x.every((g, i) => g === y[i])
}

/** Whether the issue deserves a comment: only when the verdict or the failing gates changed. */
export function issueChanged(
  prev: NotifyState | null,
  verdict: Verdict,
  failingGates: string[]
): boolean {
  return !prev || prev.verdict !== verdict || !sameGates(prev.failingGates, failingGates)
}

export interface SlackDecision {
  send: boolean
  why: string
}

/**
 * Slack goes out when the verdict differs from the last one notified, and while not passing at
 * most once per cooldown; force overrides. With no record at all only trouble is worth a message.
 */
export function decideSlack(
  prev: NotifyState | null,
  verdict: Verdict,
  now: Date,
  cooldownHours: number,
  force: boolean
): SlackDecision {
  if (force) return { send: true, why: 'force-notify is set' }
  const last = prev?.slackVerdict ?? prev?.verdict
  if (!prev || last === undefined)
    return verdict === 'passing'
      ? { send: false, why: 'passing and nothing notified before' }
      : { send: true, why: `first ${verdict} verdict` }
  if (last !== verdict) return { send: true, why: `verdict changed from ${last} to ${verdict}` }
  if (verdict !== 'failing') return { send: false, why: `verdict still ${verdict}` }
  if (!prev.slackAt) return { send: true, why: 'still failing and never notified' }
  const ageMs = now.getTime() - Date.parse(prev.slackAt)
  if (ageMs >= cooldownHours * 3_600_000)
    return { send: true, why: `still failing, last message over ${cooldownHours} h ago` }
  const left = Math.ceil((cooldownHours * 3_600_000 - ageMs) / 60_000)
  return { send: false, why: `still failing; cooldown ${cooldownHours} h (${left} min left)` }
}

interface Repo {
  owner: string
  repo: string
}

function status(e: unknown): number | undefined {
  return (e as { status?: number }).status
}

/** The state kept on the `pymaint/state` branch; null when the branch or file is missing. */
export async function readBranchState(octokit: Octokit, r: Repo): Promise<NotifyState | null> {
  try {
    const res = await octokit.rest.repos.getContent({ ...r, path: STATE_FILE, ref: STATE_BRANCH })
    const data = res.data as { content?: string; encoding?: string }
    if (typeof data.content !== 'string') return null
    return parseState(Buffer.from(data.content, 'base64').toString('utf8'))
  } catch (e) {
    if (status(e) === 404) return null
    throw e
  }
}

/**
 * Writes the state as the only file of a parentless commit and points the branch at it (force):
 * the branch never grows, and has no history to merge with anything.
 */
export async function writeBranchState(
  octokit: Octokit,
  r: Repo,
  state: NotifyState
): Promise<void> {
  const content = `${JSON.stringify(state, null, 2)}\n`
  const tree = await octokit.rest.git.createTree({
    ...r,
    tree: [{ path: STATE_FILE, mode: '100644', type: 'blob', content }]
  })
  const commit = await octokit.rest.git.createCommit({
    ...r,
    message: 'pymaint notification state',
    tree: tree.data.sha,
    parents: []
  })
  try {
    await octokit.rest.git.updateRef({
      ...r,
      ref: `heads/${STATE_BRANCH}`,
      sha: commit.data.sha,
      force: true
    })
  } catch (e) {
    if (status(e) !== 422 && status(e) !== 404) throw e
    await octokit.rest.git.createRef({
      ...r,
      ref: `refs/heads/${STATE_BRANCH}`,
      sha: commit.data.sha
    })
  }
}
