// The terminal checklist a pre-push script prints: one line per step, then the verdict.
import type { Report, CheckResult } from '../findings/model.js'

const ICON: Record<CheckResult['status'], string> = { passed: '✅', failed: '❌', error: '⚠️', skipped: '⏭️' }
const VERDICT = { passing: '✅ passing', warning: '⚠️ warning', failing: '❌ failing' }

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}

export function checkLine(r: CheckResult): string {
  const n = r.findings.length
  let detail: string
  if (r.status === 'error' || r.status === 'skipped') detail = r.reason ?? r.status
  else if (r.id === 'pytest') {
    const t = (r.metrics.tests ?? {}) as Record<string, number>
    const cov = (r.metrics.coverage as { percent?: number } | undefined)?.percent
    detail = `${t.passed ?? 0} passed, ${t.failed ?? 0} failed${cov !== undefined ? `, coverage ${cov.toFixed(1)}%` : ''}`
  } else detail = n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`
  const version = r.tool.version ? ` ${r.tool.version}` : ''
  return `${ICON[r.status]} ${r.title.padEnd(30)} ${detail}  (${r.tool.name}${version}, ${seconds(r.durationMs)})`
}

export function renderChecklist(report: Report): string {
  const lines = ['🔧 pymaint checks', '================']
  for (const r of report.checks) lines.push(checkLine(r))
  lines.push('')
  for (const g of report.gates) lines.push(`${g.status === 'passed' ? '✅' : g.status === 'warning' ? '⚠️' : '❌'} gate ${g.id}: ${g.message}`)
  lines.push('', `Verdict: ${VERDICT[report.status]} (${seconds(report.durationMs)})`)
  return lines.join('\n') + '\n'
}
