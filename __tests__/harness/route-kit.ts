// What every emulator route gets and returns, and GitHub's error answers routes throw.
import type { RepoState } from './github-state.js'
import type { Shapes } from './shapes.js'

export interface Ctx {
  params: Record<string, string>
  query: URLSearchParams
  // Bodies were already checked against the spec, so routes read them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  s: RepoState
  shapes: Shapes
  settings: EmulatorSettings
  /** The request URL as the client addressed it (for Link headers). */
  url: URL
}
export interface EmulatorSettings {
  /** GET answers `pending` this many times before the final status. */
  sarifPendingPolls: number
  pages: { branch: string; path: string } | null
}
export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}
export type RouteHandler = (c: Ctx) => Reply

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>
  ) {
    super(String(body.message))
  }
}

const DOCS = 'https://docs.github.com/rest'

export const notFound = (): HttpError =>
  new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })

export function validationFailed(
  errors: Record<string, unknown>[],
  message = 'Validation Failed'
): HttpError {
  return new HttpError(422, { message, errors, documentation_url: DOCS, status: '422' })
}

export function unprocessable(message: string): HttpError {
  return new HttpError(422, { message, documentation_url: DOCS, status: '422' })
}

/** A list answer with GitHub's paging: per_page (max 100), page, and a Link header. */
export function paged(c: Ctx, items: unknown[]): Reply {
  const per = Math.min(Number(c.query.get('per_page') ?? 30) || 30, 100)
  const n = Math.max(Number(c.query.get('page') ?? 1) || 1, 1)
  const last = Math.max(Math.ceil(items.length / per), 1)
  const link = (p: number, rel: string): string => {
    const u = new URL(c.url)
    u.searchParams.set('page', String(p))
    return `<${u.href}>; rel="${rel}"`
  }
  const links: string[] = []
  if (n < last) links.push(link(n + 1, 'next'), link(last, 'last'))
  if (n > 1) links.push(link(1, 'first'), link(n - 1, 'prev'))
  return {
    status: 200,
    body: items.slice((n - 1) * per, n * per),
    headers: links.length ? { link: links.join(', ') } : {}
  }
}
