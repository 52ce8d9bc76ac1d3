// A stateful GitHub REST emulator on 127.0.0.1: every request is checked against GitHub's
// OpenAPI description first, then served from one repository's state, with faults on demand.
import type http from 'node:http'
import { listen, readBody, sleep, type RunningServer } from './http.js'
import { matchRoute, validateRequest, validateResponse } from './openapi.js'
import { FaultTable, faultBody, type Fault, type FaultSpec } from './faults.js'
import {
  RepoState,
  type CommentRecord,
  type IssueRecord,
  type LabelRecord,
  type PullRecord,
  type SarifUpload
} from './github-state.js'
import { Shapes } from './shapes.js'
import type { GitHubEmulatorOptions, LoggedRequest, ResponseViolation } from './github-types.js'
import { HttpError, type EmulatorSettings, type Reply, type RouteHandler } from './route-kit.js'
import { gitRoutes } from './routes-git.js'
import { repoRoutes } from './routes-repo.js'
import { issueRoutes } from './routes-issues.js'
import { codeScanningRoutes } from './routes-code-scanning.js'

export type { GitHubEmulatorOptions, LoggedRequest, ResponseViolation } from './github-types.js'

const ROUTES: Record<string, RouteHandler> = {
  ...gitRoutes,
  ...repoRoutes,
  ...issueRoutes,
  ...codeScanningRoutes
}

const NOT_FOUND = {
  message: 'Not Found',
  documentation_url: 'https://docs.github.com/rest',
  status: '404'
}

export class GitHubEmulator {
  readonly state: RepoState
  private server!: RunningServer
  private shapes!: Shapes
  private log: LoggedRequest[] = []
  private violations: ResponseViolation[] = []
  private faultTable = new FaultTable()
  private settings: EmulatorSettings
  private permissions: Record<string, boolean>

  private constructor(private readonly opts: GitHubEmulatorOptions) {
    this.state = new RepoState(
      opts.owner ?? 'octo-org',
      opts.repo ?? 'demo',
      opts.defaultBranch ?? 'main'
    )
    this.settings = {
      sarifPendingPolls: opts.sarifPendingPolls ?? 1,
      pages: opts.pages ? { branch: opts.pages.branch, path: opts.pages.path ?? '/' } : null
    }
    this.permissions = {
      admin: false,
      maintain: false,
      push: true,
      triage: true,
      pull: true,
      ...opts.permissions
    }
    if (opts.files) this.state.commitFiles(this.state.defaultBranch, opts.files, 'Initial commit')
  }

  static async start(opts: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
    const emu = new GitHubEmulator(opts)
    emu.server = await listen((req, res) => emu.handle(req, res))
    emu.shapes = new Shapes(
      emu.state,
      emu.server.url,
      opts.webUrl ?? 'https://github.com',
      emu.permissions
    )
    return emu
  }

  /** API base URL for GITHUB_API_URL / Octokit baseUrl (no trailing slash). */
  get url(): string {
    return this.server.url
  }
  get port(): number {
    return this.server.port
  }
  get owner(): string {
    return this.state.owner
  }
  get repo(): string {
    return this.state.name
  }
  get fullName(): string {
    return this.state.fullName
  }
  close(): Promise<void> {
    return this.server.close()
  }

  // --- request log -------------------------------------------------------------------------
  requests(filter?: { method?: string; route?: string; path?: RegExp }): LoggedRequest[] {
    return this.log.filter(
      r =>
        (!filter?.method || r.method === filter.method.toUpperCase()) &&
        (!filter?.route || r.route === filter.route) &&
        (!filter?.path || filter.path.test(r.path))
    )
  }
  invalidRequests(): LoggedRequest[] {
    return this.log.filter(r => r.invalid)
  }
  unhandledRequests(): LoggedRequest[] {
    return this.log.filter(r => r.unhandled)
  }
  responseViolations(): ResponseViolation[] {
    return this.violations
  }
  clearLog(): void {
    this.log = []
    this.violations = []
  }

  // --- faults --------------------------------------------------------------------------------
  fault(spec: FaultSpec): Fault {
    return this.faultTable.add(spec)
  }
  clearFaults(): void {
    this.faultTable.clear()
  }

  // --- state ---------------------------------------------------------------------------------
  headSha(branch = this.state.defaultBranch): string | undefined {
    return this.state.branchSha(branch)
  }
  branches(): string[] {
    return [...this.state.refs.keys()]
      .filter(r => r.startsWith('refs/heads/'))
      .map(r => r.slice(11))
      .sort()
  }
  refs(): Record<string, string> {
    return Object.fromEntries(this.state.refs)
  }
  /** Commits changes (null deletes a path) on a branch, created from `from` when missing. */
  commitFiles(
    branch: string,
    changes: Record<string, string | Buffer | null>,
    message?: string,
    from?: string
  ): string {
    return this.state.commitFiles(branch, changes, message, from ?? this.state.defaultBranch)
  }
  /** path -> UTF-8 content at a branch, tag or commit SHA. */
  readTree(ref = this.state.defaultBranch): Record<string, string> {
    return this.state.readFiles(ref)
  }
  pulls(): PullRecord[] {
    return this.state.pulls
  }
  /** Issues proper (pull requests excluded). */
  issues(): IssueRecord[] {
    return this.state.issues.filter(i => !i.pull)
  }
  comments(issueNumber?: number): CommentRecord[] {
    return this.state.comments.filter(
      c => issueNumber === undefined || c.issue_number === issueNumber
    )
  }
  labels(): LabelRecord[] {
    return this.state.labels
  }
  createLabel(name: string, color = 'ededed', description: string | null = null): LabelRecord {
    return this.state.label(name, color, description)
  }
  /** Seeds an issue as if created earlier (labels are created as needed). */
  createIssue(i: {
    title: string
    body?: string
    labels?: string[]
    state?: 'open' | 'closed'
  }): IssueRecord {
    return this.state.addIssue(i)
  }
  /** Seeds an open pull request from an existing head branch. */
  createPull(p: { head: string; base?: string; title?: string; body?: string }): PullRecord {
    if (!this.state.branchSha(p.head)) throw new Error(`no branch ${p.head}`)
    return this.state.addPull({
      ...p,
      base: p.base ?? this.state.defaultBranch,
      title: p.title ?? p.head
    })
  }
  sarifUploads(): SarifUpload[] {
    return this.state.sarifs
  }
  setPages(pages: { branch: string; path?: string } | null): void {
    this.settings.pages = pages ? { branch: pages.branch, path: pages.path ?? '/' } : null
  }

  // --- dispatch ------------------------------------------------------------------------------
  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.server.url)
    const raw = await readBody(req)
    const method = (req.method ?? 'GET').toUpperCase()
    const auth = req.headers.authorization
    const entry: LoggedRequest = {
      seq: this.log.length + 1,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      authorization: !!auth,
      authScheme: auth?.split(' ')[0]?.toLowerCase(),
      headers: {
        'user-agent': req.headers['user-agent'],
        'content-type': req.headers['content-type'],
        accept: req.headers.accept,
        'x-github-api-version': req.headers['x-github-api-version'] as string | undefined
      }
    }
    this.log.push(entry)
    const reply = await this.dispatch(entry, method, url, raw)
    if (reply === 'destroy') {
      entry.status = -1
      res.destroy()
      return
    }
    entry.status = reply.status
    entry.response = reply.body
    const headers: Record<string, string> = {
      'x-github-request-id': `EMU:${entry.seq}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-used': '1',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...reply.headers
    }
    if (typeof reply.body === 'string') {
      res.writeHead(reply.status, { 'content-type': 'text/plain', ...headers })
      res.end(reply.body)
    } else if (reply.body === undefined) {
      res.writeHead(reply.status, headers)
      res.end()
    } else {
      const text = JSON.stringify(reply.body)
      res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(text)),
        ...headers
      })
      res.end(text)
    }
  }

  private async dispatch(
    entry: LoggedRequest,
    method: string,
    url: URL,
    raw: Buffer
  ): Promise<Reply | 'destroy'> {
    let body: unknown
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        entry.body = raw.toString('utf8')
        entry.invalid = ['body is not JSON']
        return {
          status: 400,
          body: {
            message: 'Problems parsing JSON',
            documentation_url: 'https://docs.github.com/rest',
            status: '400'
          }
        }
      }
    }
    entry.body = body
    const match = matchRoute(method, url.pathname)
    if (!match) {
      entry.invalid = [`no operation ${method} ${url.pathname} in api.github.com`]
      return { status: 404, body: NOT_FOUND }
    }
    entry.route = match.op.template
    entry.operationId = match.op.operationId
    const problems = validateRequest(
      match.op,
      url.searchParams,
      body ?? (match.op.raw.requestBody ? {} : undefined)
    )
    if (problems.length) {
      entry.invalid = problems
      return {
        status: 422,
        body: {
          message: `Invalid request.\n\n${problems.join('\n')}`,
          errors: problems,
          documentation_url: match.op.documentationUrl,
          status: '422'
        }
      }
    }
    const fault = this.faultTable.take(method, match.op.template, url.pathname)
    if (fault) {
      entry.fault = true
      if (fault.delayMs) await sleep(fault.delayMs)
      if (fault.destroy) return 'destroy'
      if (fault.status) {
        const { text, type } = faultBody(fault, match.op.documentationUrl)
        let parsed: unknown = text
        try {
          parsed = JSON.parse(text)
        } catch {
          // HTML or text bodies (e.g. 502) stay as text
        }
        return {
          status: fault.status,
          body: parsed,
          headers: { 'content-type': type, ...fault.headers }
        }
      }
    }
    if (this.opts.requireAuth && !entry.authorization)
      return {
        status: 401,
        body: {
          message: 'Requires authentication',
          documentation_url: 'https://docs.github.com/rest',
          status: '401'
        }
      }
    const handler = ROUTES[`${method} ${match.op.template}`]
    if (!handler) {
      entry.unhandled = true
      return { status: 404, body: NOT_FOUND }
    }
    const { owner, repo } = match.params
    if (
      owner?.toLowerCase() !== this.state.owner.toLowerCase() ||
      repo?.toLowerCase() !== this.state.name.toLowerCase()
    )
      return { status: 404, body: NOT_FOUND }
    let reply: Reply
    try {
      reply = handler({
        params: match.params,
        query: url.searchParams,
        body: body ?? {},
        s: this.state,
        shapes: this.shapes,
        settings: this.settings,
        url
      })
    } catch (e) {
      if (e instanceof HttpError) return { status: e.status, body: e.body }
      throw e
    }
    if (this.opts.validateResponses && reply.status < 300 && reply.body !== undefined) {
      const problems = validateResponse(match.op, reply.status, reply.body)
      if (problems.length) this.violations.push({ request: entry, problems })
    }
    return reply
  }
}

export function startGitHubEmulator(opts?: GitHubEmulatorOptions): Promise<GitHubEmulator> {
  return GitHubEmulator.start(opts)
}
