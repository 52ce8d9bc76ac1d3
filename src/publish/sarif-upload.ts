// The pure half of the code scanning upload: which ref and commit a SARIF belongs to (as
// github/codeql-action's upload-sarif decides), and the checked, gzipped payload for one check.
import { gzipSync } from 'node:zlib'
import type { GitHubRun } from '../github/context.js'

/** GitHub refuses uploads above 10 MB gzipped. */
export const MAX_GZIP_BYTES = 10 * 1024 * 1024
/** And more than 20 runs in one file. */
export const MAX_RUNS = 20

export type Target = { ref: string; commitSha: string } | { error: string }

const SHA = /^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/
const REF = /^refs\/(heads|tags|pull)\/.+$/

interface PullRequestEvent {
  number?: number
  pull_request?: {
    number?: number
    head?: { sha?: string; repo?: { full_name?: string } | null }
  }
}

/** The pull request number of a pull_request event, or null. */
export function pullNumber(gh: Pick<GitHubRun, 'eventName' | 'event' | 'ref'>): number | null {
  if (gh.eventName !== 'pull_request') return null
  const ev = gh.event as PullRequestEvent
  const n = ev.pull_request?.number ?? ev.number
  if (typeof n === 'number') return n
  const m = /^refs\/pull\/(\d+)\//.exec(gh.ref)
  return m ? Number(m[1]) : null
}

/**
 * A pull request from a fork runs with a read-only token: uploads cannot work. The head repo is
 * null when the fork was deleted, which is a fork too.
 */
export function isForkPullRequest(
  gh: Pick<GitHubRun, 'eventName' | 'event' | 'owner' | 'repo'>
): boolean {
  if (gh.eventName !== 'pull_request') return false
  const head = (gh.event as PullRequestEvent).pull_request?.head
  if (!head) return false
  if (head.repo === null) return true
  const full = head.repo?.full_name
  return typeof full === 'string' && full.toLowerCase() !== `${gh.owner}/${gh.repo}`.toLowerCase()
}

/**
 * The ref and commit an upload is for. Like codeql-action: on a pull request the merge ref
 * `refs/pull/N/merge` with the merge commit GITHUB_SHA; when the workflow checked out the PR head
 * instead (checkoutHead is the head sha), `refs/pull/N/head` with that sha. Elsewhere GITHUB_REF
 * and GITHUB_SHA: codeql-action notes the checkout differs from GITHUB_SHA only in that PR case.
 */
export function uploadTarget(
  gh: Pick<GitHubRun, 'eventName' | 'event' | 'ref' | 'sha'>,
  checkoutHead?: string | null
): Target {
  const head = checkoutHead && SHA.test(checkoutHead) ? checkoutHead : null
  const pr = pullNumber(gh)
  if (pr !== null) {
    const prHead = (gh.event as PullRequestEvent).pull_request?.head?.sha
    if (head && head !== gh.sha && prHead && head === prHead)
      return { ref: `refs/pull/${pr}/head`, commitSha: head }
    if (!SHA.test(gh.sha)) return { error: `GITHUB_SHA is not a commit sha (${gh.sha || 'unset'})` }
    return { ref: `refs/pull/${pr}/merge`, commitSha: gh.sha }
  }
  if (!REF.test(gh.ref))
    return {
      error: `GITHUB_REF (${gh.ref || 'unset'}) is not a branch, tag or pull request ref`
    }
  if (!SHA.test(gh.sha)) return { error: `GITHUB_SHA is not a commit sha (${gh.sha || 'unset'})` }
  return { ref: gh.ref, commitSha: gh.sha }
}

interface SarifLog {
  version?: string
  runs?: Array<{
    tool?: { driver?: { name?: string } }
    automationDetails?: { id?: string }
    results?: unknown[]
  }>
}

export interface PreparedSarif {
  checkId: string
  category: string
  toolName: string
  results: number
  /** gzip then base64, as the API wants it. */
  sarif: string
  gzipBytes: number
}

/** `pymaint/<check-id>/`: one category per check, so each check's alerts close independently. */
export function categoryFor(checkId: string): string {
  return `pymaint/${checkId}/`
}

/**
 * Parses and checks one check's SARIF and builds the upload payload. Every run gets the check's
 * category when it has none; two runs with the same tool and category, more than 20 runs, or
 * more than 10 MB gzipped are refused here rather than by GitHub.
 */
export function prepareSarif(checkId: string, text: string): PreparedSarif | { error: string } {
  let log: SarifLog
  try {
    log = JSON.parse(text) as SarifLog
  } catch (e) {
    return { error: `sarif/${checkId}.sarif is not JSON (${(e as Error).message})` }
  }
  if (!log || typeof log !== 'object' || !Array.isArray(log.runs) || log.runs.length === 0)
    return { error: `sarif/${checkId}.sarif has no runs` }
  if (log.runs.length > MAX_RUNS)
    return {
      error: `sarif/${checkId}.sarif has ${log.runs.length} runs; GitHub accepts ${MAX_RUNS}`
    }
  let changed = false
  const seen = new Set<string>()
  for (const run of log.runs) {
    if (!run.automationDetails?.id) {
      run.automationDetails = { ...(run.automationDetails ?? {}), id: categoryFor(checkId) }
      changed = true
    }
    const key = `${run.tool?.driver?.name ?? ''}\u0000${run.automationDetails.id}`
    if (seen.has(key))
      return {
        error: `sarif/${checkId}.sarif has two runs of ${run.tool?.driver?.name ?? 'one tool'} in category ${run.automationDetails.id}; GitHub rejects that`
      }
    seen.add(key)
  }
  const body = changed ? JSON.stringify(log) : text
  const gz = gzipSync(Buffer.from(body, 'utf8'))
  if (gz.length > MAX_GZIP_BYTES)
    return {
      error: `sarif/${checkId}.sarif is ${(gz.length / 1024 / 1024).toFixed(1)} MB gzipped; GitHub accepts at most 10 MB`
    }
  const first = log.runs[0]!
  return {
    checkId,
    category: first.automationDetails!.id!,
    toolName: first.tool?.driver?.name || checkId,
    results: log.runs.reduce((n, r) => n + (Array.isArray(r.results) ? r.results.length : 0), 0),
    sarif: gz.toString('base64'),
    gzipBytes: gz.length
  }
}

/** ISO 8601 without milliseconds, the form the API documents for started_at. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
