// The Actions results service as @actions/artifact 6 calls it: Twirp JSON ArtifactService plus
// an Azure-Blob-style endpoint (Put Block, Put Block List, Put Blob, Get Blob) for signed URLs.
import type http from 'node:http'
import { listen, readBody, sendJson, type RunningServer } from './http.js'
import { zipFiles } from './zip-reader.js'

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'

export interface StoredArtifact {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  version: number
  mimeType?: string
  /** ISO timestamp from the client's retention, or undefined when none was sent. */
  expiresAt?: string
  createdAt: string
  finalized: boolean
  size?: number
  hash?: string
  /** The committed blob; undefined until the client uploaded it. */
  blob?: Buffer
}

export interface ArtifactFault {
  /** Twirp method name or 'blob' for the upload endpoint. */
  method:
    | 'CreateArtifact'
    | 'FinalizeArtifact'
    | 'ListArtifacts'
    | 'GetSignedArtifactURL'
    | 'DeleteArtifact'
    | 'blob'
  status: number
  /** Twirp error code, e.g. 'internal', 'already_exists'. */
  code?: string
  msg?: string
  times?: number
}

function b64url(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url')
}

/** A runtime JWT as the runner issues it; the service does not check the signature. */
export function runtimeToken(runId: string, jobId = `job-${runId}`): string {
  const now = Math.floor(Date.now() / 1000)
  return [
    b64url({ typ: 'JWT', alg: 'RS256' }),
    b64url({
      scp: `Actions.GenericRead:00000000 Actions.Results:${runId}:${jobId}`,
      iat: now,
      exp: now + 6 * 3600
    }),
    'harness-signature'
  ].join('.')
}

function scopeOf(req: http.IncomingMessage): { run: string; job: string } | undefined {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
  const payload = token?.split('.')[1]
  if (!payload) return undefined
  try {
    const scp =
      (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: string }).scp ?? ''
    const part = scp
      .split(' ')
      .find(s => s.startsWith('Actions.Results:'))
      ?.split(':')
    return part?.length === 3 ? { run: part[1]!, job: part[2]! } : undefined
  } catch {
    return undefined
  }
}

export class ArtifactService {
  private server!: RunningServer
  private store: StoredArtifact[] = []
  private blocks = new Map<string, Map<string, Buffer>>()
  private faults: (ArtifactFault & { left: number })[] = []
  private nextId = 1
  readonly calls: { method: string; body: unknown; status: number }[] = []

  static async start(): Promise<ArtifactService> {
    const s = new ArtifactService()
    s.server = await listen((req, res) => s.handle(req, res))
    return s
  }

  /** Value for ACTIONS_RESULTS_URL (with the trailing slash the runner gives it). */
  get resultsUrl(): string {
    return `${this.server.url}/`
  }
  get port(): number {
    return this.server.port
  }
  runtimeToken(runId: string, jobId?: string): string {
    return runtimeToken(runId, jobId)
  }
  close(): Promise<void> {
    return this.server.close()
  }

  /** Sets process.env for an in-process client; returns a function restoring the old values. */
  useInProcess(runId = '1', jobId?: string): () => void {
    const keys = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL'] as const
    const old = keys.map(k => process.env[k])
    process.env.ACTIONS_RUNTIME_TOKEN = this.runtimeToken(runId, jobId)
    process.env.ACTIONS_RESULTS_URL = this.resultsUrl
    delete process.env.GITHUB_SERVER_URL
    return () =>
      keys.forEach((k, i) => {
        if (old[i] === undefined) delete process.env[k]
        else process.env[k] = old[i]
      })
  }

  fault(f: ArtifactFault): void {
    this.faults.push({ ...f, left: f.times ?? Infinity })
  }
  clearFaults(): void {
    this.faults = []
  }

  artifacts(): StoredArtifact[] {
    return this.store
  }
  artifact(name: string, runBackendId?: string): StoredArtifact | undefined {
    return this.store.find(
      a => a.name === name && (!runBackendId || a.runBackendId === runBackendId)
    )
  }
  /** path -> content of an uploaded zip artifact. */
  files(name: string, runBackendId?: string): Record<string, string> {
    const a = this.artifact(name, runBackendId)
    if (!a?.blob) throw new Error(`artifact ${name} was not uploaded`)
    return zipFiles(a.blob)
  }

  private takeFault(method: string): ArtifactFault | undefined {
    const f = this.faults.find(x => x.method === method && x.left > 0)
    if (f) f.left--
    return f
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.server.url)
    const body = await readBody(req)
    if (url.pathname.startsWith(SERVICE))
      return this.twirp(req, res, url.pathname.slice(SERVICE.length), body)
    if (url.pathname.startsWith('/blob/')) return this.blob(req, res, url, body)
    sendJson(res, 404, { code: 'bad_route', msg: `no handler for ${req.method} ${url.pathname}` })
  }

  private twirp(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    raw: Buffer
  ): void {
    let body: Record<string, unknown> = {}
    const answer = (status: number, out: unknown): void => {
      this.calls.push({ method, body, status })
      sendJson(res, status, out)
    }
    try {
      body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>
    } catch {
      return answer(400, { code: 'malformed', msg: 'the request body is not JSON' })
    }
    const scope = scopeOf(req)
    if (!scope)
      return answer(401, { code: 'unauthenticated', msg: 'missing or malformed runtime token' })
    const fault = this.takeFault(method)
    if (fault)
      return answer(fault.status, {
        code: fault.code ?? 'internal',
        msg: fault.msg ?? 'injected failure'
      })
    const run = String(body.workflow_run_backend_id ?? '')
    const job = String(body.workflow_job_run_backend_id ?? '')
    if (run !== scope.run || job !== scope.job)
      return answer(403, {
        code: 'permission_denied',
        msg: 'backend ids do not match the runtime token'
      })
    const name = String(body.name ?? '')
    const inRun = this.store.filter(a => a.runBackendId === run)
    switch (method) {
      case 'CreateArtifact': {
        if (inRun.some(a => a.name === name && a.finalized))
          return answer(409, {
            code: 'already_exists',
            msg: `an artifact with this name already exists on the workflow run`
          })
        const id = this.nextId++
        const rec: StoredArtifact = {
          id,
          name,
          runBackendId: run,
          jobBackendId: job,
          version: Number(body.version ?? 0),
          mimeType: body.mime_type as string | undefined,
          expiresAt: body.expires_at as string | undefined,
          createdAt: new Date().toISOString(),
          finalized: false
        }
        this.store = this.store.filter(a => !(a.runBackendId === run && a.name === name))
        this.store.push(rec)
        return answer(200, { ok: true, signed_upload_url: this.blobUrl(rec) })
      }
      case 'FinalizeArtifact': {
        const rec = inRun.find(a => a.name === name && !a.finalized)
        if (!rec) return answer(404, { code: 'not_found', msg: 'artifact not found' })
        if (!rec.blob)
          return answer(400, { code: 'failed_precondition', msg: 'the blob was not uploaded' })
        rec.finalized = true
        rec.size = Number(body.size ?? 0)
        rec.hash = body.hash as string | undefined
        return answer(200, { ok: true, artifact_id: String(rec.id) })
      }
      case 'ListArtifacts': {
        const nameFilter = body.name_filter as string | undefined
        const idFilter = body.id_filter as string | undefined
        const list = inRun.filter(
          a =>
            a.finalized &&
            (!nameFilter || a.name === nameFilter) &&
            (!idFilter || String(a.id) === String(idFilter))
        )
        return answer(200, {
          artifacts: list.map(a => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size ?? 0),
            created_at: a.createdAt,
            ...(a.hash ? { digest: a.hash } : {})
          }))
        })
      }
      case 'GetSignedArtifactURL': {
        const rec = inRun.find(a => a.name === name && a.finalized)
        if (!rec) return answer(404, { code: 'not_found', msg: 'artifact not found' })
        return answer(200, { signed_url: this.blobUrl(rec) })
      }
      case 'DeleteArtifact': {
        const rec = inRun.find(a => a.name === name && a.finalized)
        if (!rec) return answer(404, { code: 'not_found', msg: 'artifact not found' })
        this.store = this.store.filter(a => a !== rec)
        return answer(200, { ok: true, artifact_id: String(rec.id) })
      }
      default:
        return answer(404, { code: 'bad_route', msg: `no method ${method}` })
    }
  }

  private blobUrl(a: StoredArtifact): string {
    return `${this.server.url}/blob/devstoreaccount1/actions-results/${a.id}/${encodeURIComponent(a.name)}.zip?sv=2024-08-04&se=2030-01-01T00%3A00%3A00Z&sr=b&sp=rcw&sig=harness`
  }

  private blob(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer): void {
    const id = Number(url.pathname.split('/')[4])
    const rec = this.store.find(a => a.id === id)
    const headers = {
      'x-ms-request-id': `harness-${Date.now()}`,
      'x-ms-version': '2024-08-04',
      date: new Date().toUTCString()
    }
    const xmlError = (status: number, code: string): void => {
      res.writeHead(status, {
        ...headers,
        'content-type': 'application/xml',
        'x-ms-error-code': code
      })
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`
      )
    }
    if (!rec) return xmlError(404, 'BlobNotFound')
    const fault = this.takeFault('blob')
    if (fault) return xmlError(fault.status, fault.code ?? 'InternalError')
    const comp = url.searchParams.get('comp')
    const created = (extra: Record<string, string> = {}): void => {
      res.writeHead(201, {
        ...headers,
        etag: `"0x${Date.now().toString(16)}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-server-encrypted': 'true',
        'content-length': '0',
        ...extra
      })
      res.end()
    }
    if (req.method === 'PUT' && comp === 'block') {
      const blockId = url.searchParams.get('blockid') ?? ''
      if (!this.blocks.has(String(id))) this.blocks.set(String(id), new Map())
      this.blocks.get(String(id))!.set(blockId, body)
      return created()
    }
    if (req.method === 'PUT' && comp === 'blocklist') {
      const ids = [
        ...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)
      ].map(m => m[2]!)
      const staged = this.blocks.get(String(id)) ?? new Map<string, Buffer>()
      const missing = ids.filter(b => !staged.has(b))
      if (missing.length) return xmlError(400, 'InvalidBlockList')
      rec.blob = Buffer.concat(ids.map(b => staged.get(b)!))
      this.blocks.delete(String(id))
      return created()
    }
    if (req.method === 'PUT' && !comp) {
      rec.blob = body
      return created()
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!rec.blob) return xmlError(404, 'BlobNotFound')
      res.writeHead(200, {
        ...headers,
        'content-type': rec.mimeType ?? 'application/zip',
        'content-length': String(rec.blob.length),
        'x-ms-blob-type': 'BlockBlob'
      })
      res.end(req.method === 'HEAD' ? undefined : rec.blob)
      return
    }
    xmlError(405, 'UnsupportedHttpVerb')
  }
}

export function startArtifactService(): Promise<ArtifactService> {
  return ArtifactService.start()
}
