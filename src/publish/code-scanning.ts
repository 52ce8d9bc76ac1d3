// Code scanning publisher: one SARIF upload per check (its own category), then polls GitHub's
// processing status. `upload-sarif: auto` skips where uploads cannot work; `true` fails there.
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import type { Octokit } from '@octokit/rest'
import type { PublishContext, Publisher } from './publisher.js'
import type { PublishOutcome } from '../findings/model.js'
import { createOctokit, describeGitHubError, rateLimitWaitMs } from '../github/client.js'
import { run } from '../tools/exec.js'
import {
  isForkPullRequest,
  isoSeconds,
  prepareSarif,
  uploadTarget,
  type PreparedSarif
} from './sarif-upload.js'

const PERMISSION = 'security-events: write'

function envMs(name: string, fallback: number): number {
  const v = process.env[name]
  return v && /^\d+$/.test(v) ? Number(v) : fallback
}

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/**
 * The SARIF files to upload, by check id, in check order. The report writer leaves out checks
 * that errored: an empty run would close that category's open alerts.
 */
export function sarifFiles(ctx: PublishContext): Array<[string, string]> {
  const order = ctx.report.checks.map(c => c.id)
  return Object.entries(ctx.written.sarif ?? {}).sort(
    ([a], [b]) => order.indexOf(a) - order.indexOf(b)
  )
}

/** The commit the workspace has checked out (a PR workflow may have checked out the head). */
async function checkoutHead(workspace: string): Promise<string | null> {
  const r = await run('git', ['rev-parse', 'HEAD'], { cwd: workspace, timeoutMs: 10_000 })
  return r.exitCode === 0 ? r.stdout.trim() : null
}

interface Upload {
  check: string
  category: string
  id?: string
  status: 'pending' | 'complete' | 'failed' | 'not uploaded'
  results?: number
  errors?: string[]
  error?: string
}

/** 403 and 404 on upload mean the feature, permission or repository is not there (a rate-limit
 *  403 is a transient failure instead). */
const notAvailable = (e: unknown): boolean =>
  [403, 404].includes((e as { status?: number }).status ?? 0) &&
  rateLimitWaitMs(e as Parameters<typeof rateLimitWaitMs>[0]) === null

async function poll(
  octokit: Octokit,
  owner: string,
  repo: string,
  uploads: Upload[]
): Promise<void> {
  const every = envMs('PYMAINT_SARIF_POLL_MS', 5_000)
  const deadline = Date.now() + envMs('PYMAINT_SARIF_WAIT_MS', 120_000)
  for (;;) {
    const pending = uploads.filter(u => u.status === 'pending' && u.id)
    if (pending.length === 0 || Date.now() >= deadline) return
    for (const u of pending) {
      try {
        const { data } = await octokit.rest.codeScanning.getSarif({ owner, repo, sarif_id: u.id! })
        if (data.processing_status === 'complete') u.status = 'complete'
        else if (data.processing_status === 'failed') {
          u.status = 'failed'
          u.errors = [...(data.errors ?? [])]
        }
      } catch (e) {
        // Right after the upload the id may not be visible yet (404); anything else ends polling.
        if ((e as { status?: number }).status !== 404) {
          u.error = `processing status unknown: ${describeGitHubError(e, PERMISSION)}`
          u.status = 'failed'
        }
      }
    }
    if (uploads.some(u => u.status === 'pending')) await sleep(every)
  }
}

export async function publishCodeScanning(ctx: PublishContext): Promise<PublishOutcome> {
  const id = 'code-scanning'
  const mode = ctx.config.publish.uploadSarif
  if (mode === 'false') return { id, result: 'skipped', reason: 'upload-sarif is false' }
  // Where uploads cannot work: `auto` skips, `true` (an explicit request) fails.
  const cannot = (reason: string, warn = false): PublishOutcome => {
    if (mode === 'true') return { id, result: 'failed', reason, required: true }
    if (warn) ctx.log.warning(`Code scanning: skipped: ${reason}`)
    return { id, result: 'skipped', reason }
  }
  const gh = ctx.github
  if (!gh) return cannot('not running on GitHub Actions (no GITHUB_REPOSITORY)')
  if (!gh.token) return cannot('no github-token: pass one with `security-events: write`')
  if (isForkPullRequest(gh))
    return cannot(
      'pull request from a fork: its token is read-only, so code scanning uploads cannot work (results are in the artifact)'
    )
  for (const [check, w] of Object.entries(ctx.written.sarifNotUploadable ?? {}))
    ctx.log.info(
      `Code scanning: ${check} not uploaded (${w.reason}); its open alerts stay as they are`
    )
  const files = sarifFiles(ctx)
  if (files.length === 0)
    return { id, result: 'skipped', reason: 'no SARIF to upload (no check ran)' }
  const target = uploadTarget(gh, await checkoutHead(ctx.config.workspace))
  if ('error' in target) return cannot(target.error)

  const octokit = createOctokit(gh)
  const { owner, repo } = gh
  const started = new Date(Date.parse(ctx.report.generatedAt) - ctx.report.durationMs)
  const checkoutUri = pathToFileURL(ctx.config.workspace).href.replace(/\/?$/, '/')
  const uploads: Upload[] = []
  let stopped: string | null = null
  let unavailable = false
  for (const [check, file] of files) {
    const u: Upload = { check, category: `pymaint/${check}/`, status: 'not uploaded' }
    uploads.push(u)
    if (stopped) continue
    let prepared: PreparedSarif | { error: string }
    try {
      prepared = prepareSarif(check, await readFile(file, 'utf8'))
    } catch (e) {
      prepared = { error: `cannot read ${file}: ${(e as Error).message}` }
    }
    if ('error' in prepared) {
      u.error = prepared.error
      continue
    }
    u.category = prepared.category
    u.results = prepared.results
    try {
      const { data } = await octokit.rest.codeScanning.uploadSarif({
        owner,
        repo,
        commit_sha: target.commitSha,
        ref: target.ref,
        sarif: prepared.sarif,
        checkout_uri: checkoutUri,
        started_at: isoSeconds(started),
        tool_name: prepared.toolName
      })
      u.id = data.id
      u.status = 'pending'
    } catch (e) {
      // The same cause (feature off, permission, outage) would fail every later upload too.
      stopped = describeGitHubError(e, PERMISSION)
      unavailable = notAvailable(e)
      u.error = stopped
    }
  }
  await poll(octokit, owner, repo, uploads)

  const url = `${gh.serverUrl}/${owner}/${repo}/security/code-scanning`
  const details = { ref: target.ref, commitSha: target.commitSha, uploads }
  if (stopped && unavailable && !uploads.some(u => u.id))
    return { ...cannot(stopped, true), details }
  const bad = uploads.filter(u => u.status === 'failed' || u.status === 'not uploaded')
  if (bad.length) {
    const why = bad
      .map(u => `${u.check}: ${u.error ?? u.errors?.[0] ?? (stopped ? 'not attempted' : u.status)}`)
      .join('; ')
    return {
      id,
      result: 'failed',
      reason: `${bad.length} of ${uploads.length} SARIF uploads failed (${why})`,
      details,
      url,
      ...(mode === 'true' ? { required: true } : {})
    }
  }
  const pending = uploads.filter(u => u.status === 'pending')
  if (pending.length)
    ctx.log.warning(
      `Code scanning: ${pending.map(u => u.check).join(', ')} still processing after the wait; results appear when GitHub finishes`
    )
  return {
    id,
    result: 'done',
    url,
    reason: `${uploads.length} SARIF upload${uploads.length === 1 ? '' : 's'} to ${target.ref}${pending.length ? `, ${pending.length} still processing` : ''}`,
    details
  }
}

export const codeScanning: Publisher = {
  id: 'code-scanning',
  title: 'Code scanning',
  publish: publishCodeScanning
}
