// The maintenance issue's body and comments (pure): verdict, failing gates, top findings, links,
// and the hidden marker carrying the notification state.
import type { Finding, PublishOutcome, Report } from '../findings/model.js'
import { code, fitBody, linkList, md } from './markdown.js'
import { encodeMarker, type NotifyState } from './notify-state.js'

const TOP_FINDINGS = 15
const ICON = { passing: '✅', warning: '⚠️', failing: '❌' } as const
const RANK = { error: 0, warning: 1, note: 2 } as const

export function issueTitle(report: Report): string {
  return `pymaint: maintenance checks ${report.status}`
}

export function failingGateIds(report: Report): string[] {
  return report.gates.filter(g => g.status === 'failed').map(g => g.id)
}

/** `path:line`, linked to the file at the scanned commit when the run is known. */
function where(f: Finding, report: Report): string {
  if (!f.path) return ''
  const text = code(f.line > 0 ? `${f.path}:${f.line}` : f.path)
  const repoWeb = report.run?.url.replace(/\/actions\/runs\/.*$/, '')
  if (!repoWeb || !report.run?.sha || !/^https?:\/\//.test(repoWeb)) return text
  const file = f.path.split('/').map(encodeURIComponent).join('/')
  return `[${text}](${repoWeb}/blob/${report.run.sha}/${file}${f.line > 0 ? `#L${f.line}` : ''})`
}

export function topFindings(report: Report, n = TOP_FINDINGS): Array<Finding & { check: string }> {
  const failingChecks = new Set(report.gates.filter(g => g.status === 'failed').map(g => g.check))
  const all = report.checks.flatMap(c => c.findings.map(f => ({ ...f, check: c.id })))
  return all
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        Number(!failingChecks.has(a.f.check)) - Number(!failingChecks.has(b.f.check)) ||
        RANK[a.f.level] - RANK[b.f.level] ||
        a.i - b.i
    )
    .slice(0, n)
    .map(x => x.f)
}

export function renderIssueBody(
  report: Report,
  previous: PublishOutcome[],
  state: NotifyState
): string {
  const lines: string[] = [`## ${ICON[report.status]} Verdict: ${report.status}`, '']
  const failed = report.gates.filter(g => g.status !== 'passed')
  if (failed.length) {
    lines.push('| Gate | Status | Actual | Threshold | Why |', '| --- | --- | --- | --- | --- |')
    for (const g of failed)
      lines.push(
        `| ${md(g.id)} | ${g.status} | ${md(String(g.actual ?? 'n/a'))} | ${md(String(g.threshold))} | ${md(g.message)} |`
      )
    lines.push('')
  }
  const errored = report.checks.filter(c => c.status === 'error')
  if (errored.length) {
    lines.push('**Checks that could not run**', '')
    for (const c of errored) lines.push(`- ${md(c.title)}: ${md(c.reason ?? 'unknown error')}`)
    lines.push('')
  }
  const total = report.checks.reduce((n, c) => n + c.findings.length, 0)
  const top = topFindings(report)
  if (top.length) {
    lines.push(`**Top findings** (${top.length} of ${total})`, '')
    for (const f of top)
      lines.push(
        `- ${where(f, report)} ${f.level} **${md(f.ruleId || f.check)}** (${md(f.check)}): ${md(f.message, 200)}`
      )
    lines.push('')
  }
  const links = linkList(report, previous)
  if (links.length) lines.push('**Links**', '', ...links, '')
  lines.push(
    `_Kept up to date by pymaint (last run ${md(report.generatedAt)}). It is closed automatically when the gates pass again; edit anything but the hidden marker._`
  )
  return fitBody(lines.join('\n'), `\n\n${encodeMarker(state)}\n`)
}

function runLink(report: Report): string {
  return report.run?.url ? `[run ${md(report.run.runId)}](${report.run.url})` : 'the latest run'
}

function gateList(ids: string[]): string {
  return ids.length ? ids.map(code).join(', ') : 'none'
}

export function changeComment(report: Report, prev: NotifyState): string {
  const now = failingGateIds(report)
  return `Verdict in ${runLink(report)}: **${report.status}** (was ${prev.verdict}). Failing gates: ${gateList(now)} (were: ${gateList(prev.failingGates)}).`
}

export function reopenComment(report: Report): string {
  return `Failing again in ${runLink(report)}. Failing gates: ${gateList(failingGateIds(report))}.`
}

export function closeComment(report: Report): string {
  return `${ICON[report.status]} The gates pass again in ${runLink(report)} (verdict ${report.status}); closing.`
}
