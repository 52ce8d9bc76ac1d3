// summary.md for $GITHUB_STEP_SUMMARY: verdict, gates, counts per check, top findings, publisher
// results and links; tool text escaped; never over GitHub's 1 MiB per step (truncated with a note).
import type { CheckResult, Finding, Report } from '../findings/model.js'
import { countByLevel } from '../findings/model.js'
import { mdLink, mdText } from './markdown.js'
import { isHttpUri, severityRank } from './sarif.js'

export const SUMMARY_LIMIT = 1024 * 1024
const VERDICT = { passing: '✅ passing', warning: '⚠️ warning', failing: '❌ failing' } as const
const CHECK_ICON: Record<CheckResult['status'], string> = {
  passed: '✅',
  failed: '❌',
  error: '⚠️',
  skipped: '⏭️'
}
const GATE_ICON = { passed: '✅', warning: '⚠️', failed: '❌' } as const
const LEVEL_ICON = { error: '🔴', warning: '🟡', note: '🔵' } as const

export interface SummaryOptions {
  /** Project directory relative to the repository root ('' or 'sub/'), for file links. */
  prefix?: string
  /** How many findings the top-findings table lists. */
  topFindings?: number
  /** Byte budget (UTF-8); GitHub refuses step summaries over 1 MiB. */
  limit?: number
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function fileUrl(report: Report, prefix: string, f: Finding): string | undefined {
  const run = report.run
  if (!run || !f.path || !isHttpUri(run.url)) return undefined
  const origin = new URL(run.url).origin
  const file = (prefix + f.path).split('/').map(encodeURIComponent).join('/')
  return `${origin}/${run.repository}/blob/${run.sha}/${file}${f.line > 0 ? `#L${f.line}` : ''}`
}

function checkDetail(c: CheckResult): string {
  if (c.status === 'error' || c.status === 'skipped') return mdText(c.reason ?? c.status)
  if (c.id === 'pytest') {
    const t = (c.metrics.tests ?? {}) as Record<string, number>
    const cov = (c.metrics.coverage as { percent?: number } | undefined)?.percent
    return `${t.passed ?? 0} passed, ${t.failed ?? 0} failed${typeof cov === 'number' ? `, coverage ${cov.toFixed(1)}%` : ''}`
  }
  return ''
}

function head(report: Report): string[] {
  const total = report.checks.reduce((n, c) => n + c.findings.length, 0)
  const run = report.run
  const out = [
    `## pymaint: ${VERDICT[report.status]}`,
    '',
    `**${mdText(report.project.name)}**: ${total} finding${total === 1 ? '' : 's'} from ${report.checks.length} checks in ${seconds(report.durationMs)} (pymaint ${mdText(report.pymaint.version)})${run ? ` · ${mdLink(`run ${run.runId}`, run.url)}` : ''}`,
    ''
  ]
  if (report.gates.length) {
    out.push('### Gates', '', '| | Gate | Check | Actual | Threshold | Detail |', '|---|---|---|---:|---:|---|')
    for (const g of report.gates)
      out.push(
        `| ${GATE_ICON[g.status] ?? '❌'} | ${mdText(g.id)} | ${mdText(g.check)} | ${mdText(g.actual ?? '—')} | ${mdText(g.threshold)} | ${mdText(g.message)} |`
      )
    out.push('')
  }
  out.push(
    '### Checks',
    '',
    '| | Check | Status | Errors | Warnings | Notes | Tool | Time | Detail |',
    '|---|---|---|---:|---:|---:|---|---:|---|'
  )
  for (const c of report.checks) {
    const n = countByLevel(c.findings)
    const tool = `${c.tool.name}${c.tool.version ? ` ${c.tool.version}` : ''}`
    out.push(
      `| ${CHECK_ICON[c.status]} | ${mdText(c.title)} | ${c.status} | ${n.error} | ${n.warning} | ${n.note} | ${mdText(tool)} | ${seconds(c.durationMs)} | ${checkDetail(c)} |`
    )
  }
  out.push('')
  return out
}

function publishSection(report: Report): string[] {
  if (!report.publish?.length) return []
  const icon = { done: '✅', skipped: '⏭️', failed: '❌' } as const
  const out = ['### Publishing', '', '| | Publisher | Result | Detail |', '|---|---|---|---|']
  for (const p of report.publish) {
    const detail = [p.url ? mdLink(p.url, p.url) : '', p.reason ? mdText(p.reason) : '']
      .filter(Boolean)
      .join(' · ')
    out.push(
      `| ${icon[p.result] ?? ''} | ${mdText(p.id)} | ${p.result}${p.required && p.result === 'failed' ? ' (required)' : ''} | ${detail} |`
    )
  }
  out.push('')
  return out
}

function findingRow(report: Report, prefix: string, c: CheckResult, f: Finding): string {
  const rule = mdLink(f.ruleId, [f.helpUri, c.rules?.[f.ruleId]?.helpUri].find(isHttpUri))
  const where = f.path
    ? `${f.path}${f.line > 0 ? `:${f.line}` : ''}`
    : typeof f.properties?.package === 'string'
      ? `package ${f.properties.package}`
      : '—'
  return `| ${LEVEL_ICON[f.level] ?? ''} ${f.level} | ${mdText(c.id)} | ${rule} | ${mdLink(where, fileUrl(report, prefix, f))} | ${mdText(f.message)} |`
}

export function renderSummary(report: Report, o: SummaryOptions = {}): string {
  const limit = o.limit ?? SUMMARY_LIMIT
  const prefix = o.prefix ?? ''
  const top = o.topFindings ?? 30
  const bytes = (s: string): number => Buffer.byteLength(s, 'utf8') + 1
  const lines = head(report)
  const tail = [
    ...publishSection(report),
    '---',
    'Full details: `report.html`, `report.json` and `sarif/` in the report directory (and the workflow artifact).',
    ''
  ]
  const all: { c: CheckResult; f: Finding; rank: number }[] = []
  for (const c of report.checks)
    for (const f of c.findings) all.push({ c, f, rank: severityRank(f, c.rules) })
  all.sort((a, b) => b.rank - a.rank)
  const note = (shown: number): string =>
    `> ✂️ The summary was cut to stay under GitHub's ${Math.round(limit / 1024)} KiB limit; ${shown} of ${all.length} findings are listed. See report.html for all of them.`
  // Room for the tail and the truncation note, whatever happens below.
  let used = lines.reduce((n, l) => n + bytes(l), 0)
  const reserve = tail.reduce((n, l) => n + bytes(l), 0) + bytes(note(all.length)) + 2
  let truncated = false
  if (used + reserve > limit) {
    // Even the overview is too big (thousands of checks or gates): cut it line by line.
    const kept: string[] = []
    let n = 0
    for (const l of lines) {
      if (n + bytes(l) + reserve > limit) break
      kept.push(l)
      n += bytes(l)
    }
    lines.length = 0
    lines.push(...kept, '')
    used = n + 1
    truncated = true
  }
  let shown = 0
  if (all.length && !truncated) {
    const header = [
      `### Top findings${all.length > top ? ` (${Math.min(top, all.length)} of ${all.length}, most severe first)` : ''}`,
      '',
      '| Level | Check | Rule | Location | Message |',
      '|---|---|---|---|---|'
    ]
    const headerBytes = header.reduce((n, l) => n + bytes(l), 0)
    if (used + headerBytes + reserve <= limit) {
      lines.push(...header)
      used += headerBytes
      for (const { c, f } of all.slice(0, top)) {
        const row = findingRow(report, prefix, c, f)
        if (used + bytes(row) + reserve > limit) {
          truncated = true
          break
        }
        lines.push(row)
        used += bytes(row)
        shown++
      }
      lines.push('')
    } else truncated = true
  }
  if (truncated) lines.push(note(shown), '')
  return [...lines, ...tail].join('\n')
}
