// Report artifact publisher: every file of the report directory as one workflow artifact through
// @actions/artifact (the Actions results service), kept `retention-days` days.
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { PublishContext, Publisher } from './publisher.js'
import type { PublishOutcome } from '../findings/model.js'

/** Every file under dir, absolute, sorted (the artifact's listing is then stable). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter(e => e.isFile())
    .map(e => path.join(e.parentPath, e.name))
    .sort()
}

/**
 * The retention the service will apply: GITHUB_RETENTION_DAYS is the repository's maximum and
 * the client clamps to it. Returns the days and, when clamped, a warning naming the setting.
 */
export function effectiveRetention(
  requested: number,
  repoMax: string | undefined
): { days: number; warning?: string } {
  const max = repoMax && /^\d+$/.test(repoMax) ? Number(repoMax) : 0
  if (max > 0 && max < requested)
    return {
      days: max,
      warning: `retention-days ${requested} is more than this repository allows (${max} days); the artifact expires after ${max} days (raise the limit in Settings → Actions → General → Artifact and log retention)`
    }
  return { days: requested }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms)
    timer.unref()
  })
  return Promise.race([p, t]).finally(() => clearTimeout(timer))
}

/** One line from the client's error ("Failed to make request after 5 attempts: …"). */
export function describeArtifactError(e: unknown): string {
  const msg = ((e as Error).message ?? String(e)).split('\n')[0]!
  if (/\b(401|403)\b|Unauthorized|Forbidden/i.test(msg))
    return `the Actions results service refused the upload (${msg}); artifacts need no workflow permission, so the runtime token was rejected`
  if (/Conflict|409|already exists/i.test(msg))
    return `an artifact with this name already exists in the run (${msg}): give each job its own artifact-name`
  if (/\b429\b|Too Many Requests/i.test(msg))
    return `the Actions results service rate-limited the upload (${msg}); try again later`
  if (/\b5\d\d\b|Internal Server Error|Service Unavailable|Bad Gateway/i.test(msg))
    return `the Actions results service failed (${msg}); try again later`
  if (/did not finish|timeout|timed out|ETIMEDOUT|ECONNRESET|ECONNREFUSED/i.test(msg))
    return `the Actions results service did not answer in time (${msg})`
  return `artifact upload failed (${msg})`
}

export async function publishArtifact(ctx: PublishContext): Promise<PublishOutcome> {
  const id = 'artifact'
  const name = ctx.config.publish.artifactName
  if (!name) return { id, result: 'skipped', reason: 'artifact-name is empty' }
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL)
    return {
      id,
      result: 'skipped',
      reason: 'not running on GitHub Actions (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL)'
    }
  const files = await listFiles(ctx.written.dir)
  if (files.length === 0) return { id, result: 'skipped', reason: 'the report directory is empty' }
  const retention = effectiveRetention(
    ctx.config.publish.retentionDays,
    process.env.GITHUB_RETENTION_DAYS
  )
  if (retention.warning) ctx.log.warning(`Report artifact: ${retention.warning}`)
  const timeoutMs = Number(process.env.PYMAINT_ARTIFACT_TIMEOUT_MS) || 10 * 60_000
  try {
    // Loaded lazily: the action without an artifact (the CLI) never pays for the client.
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const r = await withTimeout(
      client.uploadArtifact(name, files, ctx.written.dir, {
        retentionDays: ctx.config.publish.retentionDays
      }),
      timeoutMs,
      'the artifact upload'
    )
    if (r.id === undefined)
      return { id, result: 'failed', reason: 'the artifact service returned no artifact id' }
    ctx.outputs['artifact-id'] = String(r.id)
    const gh = ctx.github
    const url = gh
      ? `${gh.serverUrl}/${gh.owner}/${gh.repo}/actions/runs/${gh.runId}/artifacts/${r.id}`
      : undefined
    return {
      id,
      result: 'done',
      url,
      reason: `${files.length} files as ${name}, kept ${retention.days} days`,
      details: {
        artifactId: r.id,
        name,
        size: r.size,
        digest: r.digest,
        files: files.map(f => path.relative(ctx.written.dir, f).split(path.sep).join('/')),
        retentionDays: retention.days
      }
    }
  } catch (e) {
    return { id, result: 'failed', reason: describeArtifactError(e) }
  }
}

export const artifact: Publisher = {
  id: 'artifact',
  title: 'Report artifact',
  publish: publishArtifact
}
