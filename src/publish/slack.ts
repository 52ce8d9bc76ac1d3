// Slack: one Block Kit message through an incoming webhook when the verdict changes, and at most
// once per cooldown while failing. The webhook URL is a secret: it never reaches a log line, a
// report or an error message.
import { IncomingWebhook } from '@slack/webhook'
import type { Octokit } from '@octokit/rest'
import { createOctokit, describeGitHubError } from '../github/client.js'
import type { PublishOutcome, Report } from '../findings/model.js'
import type { PublishContext, Publisher } from './publisher.js'
import { notDefaultBranch } from './scope.js'
import {
  decideSlack,
  decodeMarker,
  readBranchState,
  withMarker,
  writeBranchState,
  type NotifyState
} from './notify-state.js'

const ICON = { passing: ':white_check_mark:', warning: ':warning:', failing: ':x:' } as const
const LINK_TITLES: Record<string, string> = {
  issue: 'Issue',
  pages: 'Report on Pages',
  artifact: 'Report artifact',
  'code-scanning': 'Code scanning',
  cleanup: 'Cleanup PR'
}

type SlackMessage = Exclude<Parameters<IncomingWebhook['send']>[0], string>
type Blocks = NonNullable<SlackMessage['blocks']>

/** Slack mrkdwn: only &, < and > are special. */
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function slackMessage(
  report: Report,
  previous: PublishOutcome[],
  why: string
): { text: string; blocks: Blocks } {
  const repo = report.run?.repository ?? report.project.name
  const text = `pymaint: ${repo} is ${report.status}`
  const gates = report.gates.filter(g => g.status !== 'passed')
  const gateLines = gates.length
    ? gates
        .slice(0, 10)
        .map(
          g => `${g.status === 'failed' ? ':x:' : ':warning:'} *${esc(g.id)}*: ${esc(g.message)}`
        )
    : ['All gates pass.']
  if (gates.length > 10) gateLines.push(`…and ${gates.length - 10} more`)
  const links: string[] = []
  if (report.run?.url) links.push(`<${report.run.url}|Workflow run>`)
  for (const o of previous)
    if (o.result === 'done' && o.url && /^https?:\/\/[^\s|<>]+$/.test(o.url))
      links.push(`<${o.url}|${LINK_TITLES[o.id] ?? esc(o.id)}>`)
  const blocks: Blocks = [
    { type: 'header', text: { type: 'plain_text', text: text.slice(0, 150) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${ICON[report.status]} Verdict *${report.status}* (${esc(why)})`
      }
    },
    { type: 'section', text: { type: 'mrkdwn', text: gateLines.join('\n').slice(0, 2900) } }
  ]
  if (links.length)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: links.join(' · ') }] })
  return { text, blocks }
}

/** An error message with the webhook URL (and any part of its path) cut out. */
export function scrub(message: string, url: string): string {
  let out = message
  const parts = [url]
  try {
    const u = new URL(url)
    parts.push(u.href, u.pathname, ...u.pathname.split('/').filter(p => p.length >= 6))
  } catch {
    // Not a URL: the whole string is the secret.
  }
  for (const p of parts.filter(Boolean).sort((a, b) => b.length - a.length))
    out = out.split(p).join('***')
  return out.replace(/https?:\/\/hooks\.slack\.com\/\S*/g, '***')
}

function describeSlackError(e: unknown, url: string): string {
  const err = e as { statusCode?: number; code?: string; message?: string; body?: string }
  if (typeof err.statusCode === 'number') {
    const body = typeof err.body === 'string' ? err.body.slice(0, 100).replace(/\s+/g, ' ') : ''
    const hint =
      err.statusCode === 404 || err.statusCode === 403
        ? ': the webhook was revoked or the URL is wrong; check the slack-webhook-url secret'
        : err.statusCode >= 500
          ? ': Slack failed; the next run retries'
          : ''
    return scrub(`Slack answered HTTP ${err.statusCode}${body ? ` (${body})` : ''}${hint}`, url)
  }
  return scrub(`Slack could not be reached (${err.message ?? String(e)})`, url)
}

interface IssueDetails {
  number?: number | null
  previousState?: NotifyState | null
}

async function saveToIssue(
  octokit: Octokit,
  r: { owner: string; repo: string },
  number: number,
  slack: Pick<NotifyState, 'slackAt' | 'slackVerdict'>,
  fallback: NotifyState
): Promise<void> {
  const { data } = await octokit.rest.issues.get({ ...r, issue_number: number })
  const body = data.body ?? ''
  const state = { ...(decodeMarker(body) ?? fallback), ...slack }
  await octokit.rest.issues.update({ ...r, issue_number: number, body: withMarker(body, state) })
}

export const slackPublisher: Publisher = {
  id: 'slack',
  title: 'Slack',
  async publish(ctx: PublishContext): Promise<PublishOutcome> {
    const id = 'slack'
    const url = ctx.config.publish.slackWebhookUrl
    if (!url) return { id, result: 'skipped', reason: 'no slack-webhook-url' }
    const { report } = ctx
    const gh = ctx.github
    const octokit = gh ? createOctokit(gh) : null
    const r = gh ? { owner: gh.owner, repo: gh.repo } : null
    const issue = ctx.previous.find(o => o.id === 'issue' && o.result !== 'failed')
    const issueDetails = (issue?.details ?? {}) as IssueDetails
    const issueNumber = typeof issueDetails.number === 'number' ? issueDetails.number : null

    if (gh && octokit) {
      try {
        const off = await notDefaultBranch(gh, octokit)
        if (off) return { id, result: 'skipped', reason: off }
      } catch (e) {
        return {
          id,
          result: 'failed',
          reason: `could not read the repository: ${describeGitHubError(e)}`
        }
      }
    }
    let prev: NotifyState | null = issueDetails.previousState ?? null
    if (!prev && octokit && r) {
      try {
        prev = await readBranchState(octokit, r)
      } catch (e) {
        ctx.log.warning(
          `Slack: could not read the notification state (${describeGitHubError(e, 'contents: read')}); the cooldown cannot apply`
        )
      }
    }
    const now = new Date()
    const decision = decideSlack(
      prev,
      report.status,
      now,
      ctx.config.publish.cooldownHours,
      ctx.config.publish.forceNotify
    )
    if (!decision.send) return { id, result: 'skipped', reason: decision.why }

    try {
      const hook = new IncomingWebhook(url, {
        timeout: 15_000,
        retryConfig: { retries: 1, minTimeout: 1000 }
      })
      await hook.send(slackMessage(report, ctx.previous, decision.why))
    } catch (e) {
      return { id, result: 'failed', reason: describeSlackError(e, url) }
    }
    ctx.log.info(`Slack: message sent (${decision.why})`)

    const slack = { slackAt: now.toISOString(), slackVerdict: report.status }
    if (octokit && r) {
      const base: NotifyState = {
        ...(prev ?? {}),
        v: 1,
        verdict: report.status,
        failingGates: report.gates.filter(g => g.status === 'failed').map(g => g.id),
        runId: gh!.runId,
        updatedAt: now.toISOString()
      }
      try {
        if (issueNumber !== null) await saveToIssue(octokit, r, issueNumber, slack, base)
        else await writeBranchState(octokit, r, { ...base, ...slack })
      } catch (e) {
        const where = issueNumber !== null ? `issue #${issueNumber}` : 'the pymaint/state branch'
        const perm = issueNumber !== null ? 'issues: write' : 'contents: write'
        ctx.log.warning(
          `Slack: message sent, but the notification state could not be saved to ${where} (${describeGitHubError(e, perm)}); the next run cannot apply the cooldown`
        )
      }
    }
    return { id, result: 'done', reason: decision.why, details: { verdict: report.status } }
  }
}
