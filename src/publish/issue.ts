// The maintenance issue: one per repository, found by its hidden marker (open or closed), opened
// or reopened while gates fail, updated in place, commented on only when the verdict or the
// failing gates change, closed with a comment when they pass.
import type { Octokit } from '@octokit/rest'
import { createOctokit, describeGitHubError } from '../github/client.js'
import type { PublishContext, Publisher } from './publisher.js'
import type { PublishOutcome } from '../findings/model.js'
import { notDefaultBranch } from './scope.js'
import { decodeMarker, hasMarker, issueChanged, type NotifyState } from './notify-state.js'
import {
  changeComment,
  closeComment,
  failingGateIds,
  issueTitle,
  renderIssueBody,
  reopenComment
} from './issue-body.js'

const PERMISSION = 'issues: write'
const TRUSTED = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])

export interface FoundIssue {
  number: number
  state: 'open' | 'closed'
  body: string
  url: string
  labels: string[]
}

interface ListedIssue {
  number: number
  state: string
  body?: string | null
  html_url: string
  updated_at: string
  pull_request?: unknown
  author_association?: string
  user?: { type?: string } | null
  labels?: Array<string | { name?: string }>
}

/**
 * Anyone may open an issue on a public repository, so a marker only counts in an issue written by
 * a bot (the workflow token) or someone with write access.
 */
function trusted(i: ListedIssue): boolean {
  return i.user?.type === 'Bot' || TRUSTED.has(i.author_association ?? '')
}

async function listMarked(
  octokit: Octokit,
  r: { owner: string; repo: string },
  labels?: string
): Promise<ListedIssue[]> {
  const out: ListedIssue[] = []
  for (let page = 1; page <= 3; page++) {
    const res = await octokit.rest.issues.listForRepo({
      ...r,
      state: 'all',
      sort: 'updated',
      direction: 'desc',
      per_page: 100,
      page,
      ...(labels ? { labels } : {})
    })
    const items = res.data as ListedIssue[]
    out.push(...items.filter(i => !i.pull_request && hasMarker(i.body) && trusted(i)))
    if (items.length < 100) break
  }
  return out
}

/** The issue carrying the marker: labelled ones first (cheap), then any recently updated one. */
export async function findMaintenanceIssue(
  octokit: Octokit,
  r: { owner: string; repo: string },
  label: string
): Promise<FoundIssue | null> {
  let found = await listMarked(octokit, r, label)
  if (found.length === 0) found = await listMarked(octokit, r)
  if (found.length === 0) return null
  const best = found.find(i => i.state === 'open') ?? found[0]!
  return {
    number: best.number,
    state: best.state === 'open' ? 'open' : 'closed',
    body: best.body ?? '',
    url: best.html_url,
    labels: (best.labels ?? []).map(l => (typeof l === 'string' ? l : (l.name ?? '')))
  }
}

async function ensureLabel(
  octokit: Octokit,
  r: { owner: string; repo: string },
  name: string
): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ ...r, name })
    return
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw e
  }
  try {
    await octokit.rest.issues.createLabel({
      ...r,
      name,
      color: 'd93f0b',
      description: 'Opened and closed by pymaint while quality gates fail'
    })
  } catch (e) {
    // Another run created it meanwhile.
    if ((e as { status?: number }).status !== 422) throw e
  }
}

export const issuePublisher: Publisher = {
  id: 'issue',
  title: 'Maintenance issue',
  async publish(ctx: PublishContext): Promise<PublishOutcome> {
    const id = 'issue'
    if (!ctx.config.publish.issues) return { id, result: 'skipped', reason: 'issues: false' }
    const gh = ctx.github
    if (!gh) return { id, result: 'skipped', reason: 'not running on GitHub Actions' }
    const octokit = createOctokit(gh)
    const r = { owner: gh.owner, repo: gh.repo }
    const { report } = ctx
    const failing = report.status === 'failing'
    const gates = failingGateIds(report)
    let step = 'read the repository'
    try {
      const off = await notDefaultBranch(gh, octokit)
      if (off) return { id, result: 'skipped', reason: off }
      step = 'find the maintenance issue'
      const found = await findMaintenanceIssue(octokit, r, ctx.config.publish.issueLabel)
      const prev = found ? decodeMarker(found.body) : null
      const now = new Date().toISOString()
      const state: NotifyState = {
        ...(prev ?? {}),
        v: 1,
        verdict: report.status,
        failingGates: gates,
        runId: gh.runId,
        updatedAt: now
      }
      const details = (n: number | null): Record<string, unknown> => ({
        number: n,
        previousState: prev,
        state
      })
      if (!failing) {
        if (!found)
          return {
            id,
            result: 'skipped',
            reason: `verdict ${report.status}; no issue to close`,
            details: details(null)
          }
        step = `update issue #${found.number}`
        const body = renderIssueBody(report, ctx.previous, state)
        if (found.state === 'open') {
          await octokit.rest.issues.createComment({
            ...r,
            issue_number: found.number,
            body: closeComment(report)
          })
          state.commentAt = now
          await octokit.rest.issues.update({
            ...r,
            issue_number: found.number,
            state: 'closed',
            state_reason: 'completed',
            body: renderIssueBody(report, ctx.previous, state)
          })
          ctx.log.info(`Maintenance issue #${found.number} closed: verdict ${report.status}`)
        } else if (prev && !issueChanged(prev, report.status, gates)) {
          // Already closed and nothing to record: no write at all.
          return {
            id,
            result: 'skipped',
            reason: `verdict ${report.status}; issue #${found.number} already closed`,
            details: details(found.number)
          }
        } else {
          // Keep the state current on the closed issue so Slack's cooldown still reads it.
          await octokit.rest.issues.update({ ...r, issue_number: found.number, body })
        }
        return {
          id,
          result: 'done',
          url: found.url,
          reason: 'closed',
          details: details(found.number)
        }
      }

      step = `create the label ${ctx.config.publish.issueLabel}`
      await ensureLabel(octokit, r, ctx.config.publish.issueLabel)
      if (!found) {
        step = 'create the maintenance issue'
        const res = await octokit.rest.issues.create({
          ...r,
          title: issueTitle(report),
          body: renderIssueBody(report, ctx.previous, state),
          labels: [ctx.config.publish.issueLabel]
        })
        ctx.outputs['issue-number'] = String(res.data.number)
        ctx.log.info(`Maintenance issue #${res.data.number} opened`)
        return {
          id,
          result: 'done',
          url: res.data.html_url,
          reason: 'opened',
          details: details(res.data.number)
        }
      }

      step = `update issue #${found.number}`
      let comment: string | null = null
      if (found.state === 'closed') comment = reopenComment(report)
      else if (prev && issueChanged(prev, report.status, gates))
        comment = changeComment(report, prev)
      if (comment) {
        await octokit.rest.issues.createComment({ ...r, issue_number: found.number, body: comment })
        state.commentAt = now
      }
      await octokit.rest.issues.update({
        ...r,
        issue_number: found.number,
        body: renderIssueBody(report, ctx.previous, state),
        ...(found.state === 'closed' ? { state: 'open' as const } : {})
      })
      // The label may have been removed by hand; the marker is what finds the issue anyway.
      const label = ctx.config.publish.issueLabel.toLowerCase()
      if (!found.labels.some(l => l.toLowerCase() === label))
        await octokit.rest.issues.addLabels({
          ...r,
          issue_number: found.number,
          labels: [ctx.config.publish.issueLabel]
        })
      ctx.outputs['issue-number'] = String(found.number)
      const what =
        found.state === 'closed' ? 'reopened' : comment ? 'updated with a comment' : 'updated'
      ctx.log.info(`Maintenance issue #${found.number} ${what}`)
      return { id, result: 'done', url: found.url, reason: what, details: details(found.number) }
    } catch (e) {
      return {
        id,
        result: 'failed',
        reason: `could not ${step}: ${describeGitHubError(e, PERMISSION)}`
      }
    }
  }
}
