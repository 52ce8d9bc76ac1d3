// Options and log records of the GitHub emulator (public API, imported via github-emulator.js).
export interface GitHubEmulatorOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Files of the first commit on the default branch (path -> content). */
  files?: Record<string, string | Buffer>
  /** Check every 2xx body against the spec's response schema; see responseViolations(). */
  validateResponses?: boolean
  /** Polls answered `pending` before a SARIF upload completes (default 1). */
  sarifPendingPolls?: number
  /** `permissions` of GET /repos/{owner}/{repo} (default push/pull/triage true, admin false). */
  permissions?: Partial<Record<'admin' | 'maintain' | 'push' | 'triage' | 'pull', boolean>>
  /** Make GET .../pages answer (default: 404, Pages not enabled). */
  pages?: { branch: string; path?: string }
  /** Answer 401 to requests without an Authorization header. */
  requireAuth?: boolean
  /** Base for html_url fields (default https://github.com). */
  webUrl?: string
}

export interface LoggedRequest {
  seq: number
  method: string
  path: string
  query: Record<string, string>
  /** Parsed JSON body (raw text when it was not JSON, undefined when empty). */
  body: unknown
  /** Spec route template and operation id, when the route exists. */
  route?: string
  operationId?: string
  status: number
  /** Whether an Authorization header was sent (its value is never recorded). */
  authorization: boolean
  authScheme?: string
  headers: Record<string, string | undefined>
  /** Spec violations: unknown route/method or a body/query that does not validate. */
  invalid?: string[]
  /** A route the spec has but the emulator does not implement. */
  unhandled?: boolean
  /** An injected fault answered (or delayed) this request. */
  fault?: boolean
  response?: unknown
}

export interface ResponseViolation {
  request: LoggedRequest
  problems: string[]
}
