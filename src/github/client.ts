// The one place an Octokit is made: base URL from the runner, bounded retries for 5xx and rate
// limits, a request timeout, and GitHub errors turned into one actionable sentence.
import { Octokit } from '@octokit/rest'
import type { GitHubRun } from './context.js'

export interface ClientOptions {
  /** Most total time spent waiting between retries (default 60 s; tests set it small). */
  maxRetryWaitMs?: number
  /** Retries per request for 5xx / rate limits (default 3). */
  retries?: number
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number
}

interface HttpError {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | undefined>; data?: unknown }
}

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

function envNumber(name: string): number | undefined {
  const v = process.env[name]
  return v && /^\d+$/.test(v) ? Number(v) : undefined
}

/** Seconds GitHub asks us to wait, from retry-after or x-ratelimit-reset; null if not rate-limited. */
export function rateLimitWaitMs(e: HttpError, now = Date.now()): number | null {
  const h = e.response?.headers ?? {}
  if (e.status !== 403 && e.status !== 429) return null
  if (h['retry-after'] && /^\d+$/.test(h['retry-after'])) return Number(h['retry-after']) * 1000
  if (h['x-ratelimit-remaining'] === '0' && h['x-ratelimit-reset'])
    return Math.max(0, Number(h['x-ratelimit-reset']) * 1000 - now)
  if (e.status === 429) return 1000
  if (/secondary rate limit/i.test(e.message ?? '')) return 60_000
  return null
}

export function createOctokit(
  gh: Pick<GitHubRun, 'token' | 'apiUrl'>,
  opts: ClientOptions = {}
): Octokit {
  const maxWait = opts.maxRetryWaitMs ?? envNumber('PYMAINT_MAX_RETRY_WAIT_MS') ?? 60_000
  const retries = opts.retries ?? 3
  const timeoutMs = opts.timeoutMs ?? envNumber('PYMAINT_REQUEST_TIMEOUT_MS') ?? 30_000
  const octokit = new Octokit({
    auth: gh.token || undefined,
    baseUrl: gh.apiUrl,
    userAgent: 'pymaint',
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined
    }
  })
  let waited = 0
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      // @octokit/request has no timeout option, only a signal: one deadline per attempt. Set
      // on `options` itself: the inner hooks were bound to this object, not to what we pass.
      const deadline = AbortSignal.timeout(timeoutMs)
      options.request = { ...options.request, signal: deadline }
      try {
        return await request(options)
      } catch (err) {
        const e = (
          deadline.aborted
            ? Object.assign(
                new Error(
                  `timed out after ${timeoutMs} ms: ${options.method} ${String(options.url)}`
                ),
                { name: 'TimeoutError' }
              )
            : err
        ) as HttpError
        const rl = rateLimitWaitMs(e)
        const transient =
          rl !== null || (e.status !== undefined && e.status >= 500) || e.status === undefined
        const wait = rl ?? Math.min(4000, 500 * 2 ** attempt)
        if (!transient || attempt >= retries || waited + wait > maxWait) throw e
        waited += wait
        await sleep(wait)
      }
    }
  })
  return octokit
}

/**
 * One sentence saying what went wrong and what to change. `permission` is the workflow permission
 * the call needs (e.g. `security-events: write`).
 */
export function describeGitHubError(err: unknown, permission?: string): string {
  const e = err as HttpError
  const msg = (e.message ?? String(err))
    .split('\n')[0]!
    .replace(/ - https:\/\/docs\.github\.com\S*/, '')
  const need = permission
    ? ` (the job needs \`permissions: ${permission}\`; on pull requests from forks the token is read-only)`
    : ''
  if (e.status === 401) return `GitHub rejected the token (401 ${msg}): pass a valid github-token`
  const rl = rateLimitWaitMs(e)
  if (rl !== null)
    return `GitHub rate limit hit (${e.status} ${msg}); retry after ${Math.ceil(rl / 1000)} s`
  if (e.status === 403 && /code scanning|advanced security/i.test(msg))
    return `code scanning is not enabled for this repository (403 ${msg}): enable it in Settings → Code security, or set upload-sarif: false`
  if (e.status === 403 && /not accessible by integration/i.test(msg))
    return `the token may not do this (403 ${msg})${need}`
  if (e.status === 403 && /pull requests?/i.test(msg))
    return `GitHub Actions may not create pull requests here (403 ${msg}): allow it in Settings → Actions → General → Workflow permissions`
  if (e.status === 403) return `forbidden (403 ${msg})${need}`
  if (e.status === 404)
    return `not found (404 ${msg}): the repository, branch or feature is missing, or the token cannot see it${need}`
  if (e.status === 422) return `GitHub refused the request (422 ${msg})`
  if (e.status !== undefined && e.status >= 500)
    return `GitHub failed (${e.status} ${msg}); try again later`
  if (/timeout|timed out|aborted/i.test(msg)) return `GitHub did not answer in time (${msg})`
  return `request failed: ${msg}`
}
