// Fault injection for the emulator: GitHub's real error answers, delays and rate limits, on a
// route (spec template) or path pattern, once, N times or always.
export interface FaultSpec {
  /** HTTP method; any when omitted. */
  method?: string
  /** Spec route template, e.g. '/repos/{owner}/{repo}/code-scanning/sarifs'. */
  route?: string
  /** Alternative to route: a pattern tested against the request path. */
  path?: RegExp
  /** Answer with this status; when omitted the request proceeds normally after delayMs. */
  status?: number
  /** JSON body (object) or raw text (string); defaults to {message, documentation_url}. */
  body?: unknown
  message?: string
  contentType?: string
  headers?: Record<string, string>
  delayMs?: number
  /** How many matching requests this fault hits; default every one. */
  times?: number
  /** Drop the connection without answering. */
  destroy?: boolean
}

export interface Fault {
  readonly spec: FaultSpec
  /** Requests this fault has hit so far. */
  hits: number
  remove(): void
}

const DOCS = 'https://docs.github.com/rest'

/** Ready-made faults with the answers GitHub really gives. */
export const githubErrors = {
  /** GitHub names the permission the token lacks in x-accepted-github-permissions. */
  forbiddenIntegration: (permission?: string): Partial<FaultSpec> => ({
    status: 403,
    message: 'Resource not accessible by integration',
    ...(permission ? { headers: { 'x-accepted-github-permissions': permission } } : {})
  }),
  advancedSecurityRequired: (): Partial<FaultSpec> => ({
    status: 403,
    message: 'Advanced Security must be enabled for this repository to use code scanning.'
  }),
  codeScanningDisabled: (): Partial<FaultSpec> => ({
    status: 403,
    message: 'Code scanning is not enabled for this repository'
  }),
  notFound: (): Partial<FaultSpec> => ({ status: 404, message: 'Not Found' }),
  validationFailed: (message = 'Validation Failed'): Partial<FaultSpec> => ({
    status: 422,
    body: { message, errors: [], documentation_url: DOCS, status: '422' }
  }),
  serverError: (): Partial<FaultSpec> => ({ status: 500, message: 'Server Error' }),
  /** GitHub's 502 comes from the front end as HTML, not JSON. */
  badGateway: (): Partial<FaultSpec> => ({
    status: 502,
    contentType: 'text/html; charset=utf-8',
    body: '<html><body><h1>502 Bad Gateway</h1></body></html>'
  }),
  /** Primary rate limit: 403 with x-ratelimit-remaining 0 and a reset time (epoch seconds). */
  rateLimited: (resetInSeconds = 1): Partial<FaultSpec> => ({
    status: 403,
    message: 'API rate limit exceeded for installation ID 1.',
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds)
    }
  }),
  /** Secondary rate limit: 403 with retry-after. */
  secondaryRateLimit: (retryAfterSeconds = 1): Partial<FaultSpec> => ({
    status: 403,
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
    headers: { 'retry-after': String(retryAfterSeconds) }
  }),
  tooManyRequests: (retryAfterSeconds = 1): Partial<FaultSpec> => ({
    status: 429,
    message: 'Too Many Requests',
    headers: { 'retry-after': String(retryAfterSeconds) }
  })
}

export class FaultTable {
  private faults: (Fault & { left: number })[] = []

  add(spec: FaultSpec): Fault {
    const f = {
      spec,
      hits: 0,
      left: spec.times ?? Infinity,
      remove: () => {
        this.faults = this.faults.filter(x => x !== f)
      }
    }
    this.faults.push(f)
    return f
  }

  clear(): void {
    this.faults = []
  }

  /** The first live fault matching the request, consuming one of its uses. */
  take(method: string, route: string | undefined, path: string): FaultSpec | undefined {
    for (const f of this.faults) {
      const s = f.spec
      if (f.left <= 0) continue
      if (s.method && s.method.toUpperCase() !== method.toUpperCase()) continue
      if (s.route && s.route !== route) continue
      if (s.path && !s.path.test(path)) continue
      f.left--
      f.hits++
      return s
    }
    return undefined
  }
}

/** The answer body; GitHub's documentation_url names the operation's docs page. */
export function faultBody(s: FaultSpec, documentationUrl = DOCS): { text: string; type: string } {
  if (typeof s.body === 'string') return { text: s.body, type: s.contentType ?? 'text/plain' }
  const body = s.body ?? {
    message: s.message ?? 'Error',
    documentation_url: documentationUrl,
    status: String(s.status)
  }
  return { text: JSON.stringify(body), type: s.contentType ?? 'application/json; charset=utf-8' }
}
