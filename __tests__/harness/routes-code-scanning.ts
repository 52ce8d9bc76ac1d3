// Code scanning SARIF uploads: decode gzip+base64, store the SARIF, then report processing
// `pending` for a few polls before `complete`, or `failed` with GitHub-style errors.
import { randomUUID } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import type { SarifUpload } from './github-state.js'
import { HttpError, notFound, type Ctx, type Reply, type RouteHandler } from './route-kit.js'

const R = '/repos/{owner}/{repo}/code-scanning'
const MAX_GZIPPED = 10 * 1024 * 1024

interface Run {
  tool?: { driver?: { name?: string } }
  automationDetails?: { id?: string }
  results?: unknown[]
}

/** Why GitHub would fail processing this SARIF text; empty when it would accept it. */
export function sarifProblems(text: string): { sarif: unknown; errors: string[] } {
  let sarif: unknown
  try {
    sarif = JSON.parse(text)
  } catch (e) {
    return { sarif: undefined, errors: [`Invalid SARIF file: ${(e as Error).message}`] }
  }
  const doc = sarif as { version?: string; runs?: Run[] }
  if (!doc || typeof doc !== 'object' || doc.version !== '2.1.0')
    return {
      sarif,
      errors: [
        `Invalid SARIF file: expected SARIF version 2.1.0, got ${JSON.stringify(doc?.version)}`
      ]
    }
  if (!Array.isArray(doc.runs)) return { sarif, errors: ['Invalid SARIF file: runs is missing'] }
  const errors: string[] = []
  if (doc.runs.length > 20)
    errors.push(`SARIF file has ${doc.runs.length} runs; at most 20 are allowed per upload`)
  const seen = new Set<string>()
  for (const run of doc.runs) {
    const tool = run.tool?.driver?.name ?? ''
    const category = run.automationDetails?.id ?? ''
    const key = `${tool}\0${category}`
    if (seen.has(key))
      errors.push(
        `Multiple runs with the same tool ("${tool}") and category ("${category}") in one upload are not allowed`
      )
    seen.add(key)
    if ((run.results?.length ?? 0) > 25000)
      errors.push(`run for tool "${tool}" has more than 25000 results`)
  }
  return { sarif, errors }
}

function upload(c: Ctx): Reply {
  const b64 = c.body.sarif as string
  const gz = Buffer.from(b64, 'base64')
  if (gz.length > MAX_GZIPPED)
    throw new HttpError(413, { message: 'Payload Too Large', status: '413' })
  let text: string
  try {
    text = gunzipSync(gz).toString('utf8')
  } catch {
    throw new HttpError(400, {
      message: 'Invalid SARIF: the sarif field must be gzip-compressed and base64-encoded',
      status: '400'
    })
  }
  const { sarif, errors } = sarifProblems(text)
  const rec: SarifUpload = {
    id: randomUUID(),
    commit_sha: c.body.commit_sha as string,
    ref: c.body.ref as string,
    checkout_uri: c.body.checkout_uri as string | undefined,
    started_at: c.body.started_at as string | undefined,
    tool_name: c.body.tool_name as string | undefined,
    sarif,
    text,
    errors,
    polls: 0,
    received_at: c.s.now()
  }
  c.s.sarifs.push(rec)
  return {
    status: 202,
    body: { id: rec.id, url: `${c.shapes.repoApi}/code-scanning/sarifs/${rec.id}` }
  }
}

function status(c: Ctx): Reply {
  const rec = c.s.sarifs.find(r => r.id === c.params.sarif_id)
  if (!rec) throw notFound()
  rec.polls++
  if (rec.polls <= c.settings.sarifPendingPolls)
    return { status: 200, body: { processing_status: 'pending', analyses_url: null } }
  if (rec.errors.length)
    return {
      status: 200,
      body: { processing_status: 'failed', analyses_url: null, errors: rec.errors }
    }
  return {
    status: 200,
    body: {
      processing_status: 'complete',
      analyses_url: `${c.shapes.repoApi}/code-scanning/analyses?sarif_id=${rec.id}`
    }
  }
}

export const codeScanningRoutes: Record<string, RouteHandler> = {
  [`POST ${R}/sarifs`]: upload,
  [`GET ${R}/sarifs/{sarif_id}`]: status
}
