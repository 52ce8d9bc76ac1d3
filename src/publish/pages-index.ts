// index.html of the Pages branch: the run history as a table and the trend of the gate figures
// (coverage, findings per check) as inline SVG drawn here; no scripts, nothing loaded from outside.
import type { History, HistoryEntry } from './pages-history.js'

export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Only http(s) links leave the page; anything else (javascript:, data:) is dropped. */
function safeUrl(u: string): string | null {
  return /^https?:\/\/[^\s"'<>]+$/i.test(u) ? u : null
}

const COLORS = ['#0969da', '#cf222e', '#8250df', '#1a7f37', '#bf8700', '#e16f24', '#57606a']
const STATUS_COLOR: Record<string, string> = {
  passing: '#1a7f37',
  warning: '#bf8700',
  failing: '#cf222e'
}

export interface Series {
  name: string
  color: string
  /** One value per run, oldest first; null where the run has no figure. */
  values: Array<number | null>
}

/** A line chart of the series over the runs (oldest left), with a point and tooltip per value. */
export function renderChart(
  title: string,
  labels: string[],
  series: Series[],
  opts: { max?: number; unit?: string } = {}
): string {
  const W = 720
  const H = 220
  const pad = { l: 44, r: 12, t: 12, b: 28 }
  const values = series.flatMap(s => s.values.filter((v): v is number => v !== null))
  const max = opts.max ?? Math.max(1, ...values)
  const n = labels.length
  const x = (i: number): number =>
    n <= 1 ? pad.l + (W - pad.l - pad.r) / 2 : pad.l + (i * (W - pad.l - pad.r)) / (n - 1)
  const y = (v: number): number => pad.t + (H - pad.t - pad.b) * (1 - Math.min(v, max) / max)
  const f = (v: number): string => v.toFixed(1)
  const unit = opts.unit ?? ''
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`
  ]
  for (const t of [0, 0.5, 1]) {
    const v = max * t
    parts.push(
      `<line x1="${pad.l}" x2="${W - pad.r}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${pad.l - 6}" y="${f(y(v) + 4)}" text-anchor="end" font-size="11" fill="#57606a">${esc(Number.isInteger(v) ? v : v.toFixed(1))}${esc(unit)}</text>`
    )
  }
  if (n > 0) {
    parts.push(
      `<text x="${f(x(0))}" y="${H - 8}" font-size="11" fill="#57606a" text-anchor="${n > 1 ? 'start' : 'middle'}">${esc(labels[0])}</text>`
    )
    if (n > 1)
      parts.push(
        `<text x="${f(x(n - 1))}" y="${H - 8}" font-size="11" fill="#57606a" text-anchor="end">${esc(labels[n - 1])}</text>`
      )
  }
  for (const s of series) {
    const pts = s.values
      .map((v, i) => (v === null ? null : `${f(x(i))},${f(y(v))}`))
      .filter((p): p is string => p !== null)
    if (pts.length > 1)
      parts.push(
        `<polyline fill="none" stroke="${esc(s.color)}" stroke-width="2" points="${pts.join(' ')}"/>`
      )
    s.values.forEach((v, i) => {
      if (v === null) return
      parts.push(
        `<circle cx="${f(x(i))}" cy="${f(y(v))}" r="3" fill="${esc(s.color)}"><title>${esc(`${s.name} ${labels[i]}: ${v}${unit}`)}</title></circle>`
      )
    })
  }
  parts.push('</svg>')
  return parts.join('\n')
}

function legend(series: Series[]): string {
  return `<ul class="legend">${series
    .map(s => `<li><span style="background:${esc(s.color)}"></span>${esc(s.name)}</li>`)
    .join('')}</ul>`
}

/** Every check that has a findings figure in some run, in first-seen order. */
function checkIds(runs: HistoryEntry[]): string[] {
  const ids: string[] = []
  for (const r of runs) for (const k of Object.keys(r.findings)) if (!ids.includes(k)) ids.push(k)
  return ids
}

function row(r: HistoryEntry, checks: string[]): string {
  const run = safeUrl(r.url)
  const cells = [
    `<td>${esc(r.date.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))}</td>`,
    `<td><span class="status" style="background:${STATUS_COLOR[r.status] ?? '#57606a'}">${esc(r.status)}</span></td>`,
    `<td><a href="runs/${esc(r.id)}/report.html">report</a> · <a href="runs/${esc(r.id)}/report.json">json</a></td>`,
    `<td>${run ? `<a href="${esc(run)}">${esc(r.runId)}</a>` : esc(r.runId)}</td>`,
    `<td><code>${esc(r.sha.slice(0, 7))}</code></td>`,
    `<td class="num">${r.coverage === null ? '–' : esc(`${r.coverage.toFixed(1)}%`)}</td>`,
    ...checks.map(
      c => `<td class="num">${r.findings[c] === undefined ? '–' : esc(r.findings[c])}</td>`
    )
  ]
  return `<tr>${cells.join('')}</tr>`
}

export function renderIndex(history: History): string {
  const runs = history.runs
  const oldestFirst = [...runs].reverse()
  const labels = oldestFirst.map(r => r.date.slice(0, 10))
  const checks = checkIds(runs)
  const coverage: Series[] = [
    { name: 'coverage', color: COLORS[0]!, values: oldestFirst.map(r => r.coverage) }
  ]
  const findings: Series[] = checks.map((c, i) => ({
    name: c,
    color: COLORS[i % COLORS.length]!,
    values: oldestFirst.map(r => r.findings[c] ?? null)
  }))
  const hasCoverage = runs.some(r => r.coverage !== null)
  const latest = runs[0]
  const head = [
    '<th>Date</th><th>Verdict</th><th>Reports</th><th>Run</th><th>Commit</th><th>Coverage</th>',
    ...checks.map(c => `<th>${esc(c)}</th>`)
  ].join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">
<title>${esc(history.repository)}: pymaint history</title>
<style>
body{font:14px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left}
td.num{text-align:right}.status{color:#fff;border-radius:4px;padding:0 6px}
svg{width:100%;height:auto;max-width:720px}.legend{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
.legend span{display:inline-block;width:10px;height:10px;margin-right:4px}
</style>
</head>
<body>
<h1>${esc(history.repository)}: maintenance history</h1>
<p><img src="badge.svg" alt="pymaint status"> ${
    latest
      ? `Latest run: <a href="latest/report.html">report</a> (${esc(latest.status)}, ${esc(latest.date.slice(0, 10))})`
      : 'No runs yet.'
  } · <a href="history.json">history.json</a></p>
${hasCoverage ? `<h2>Coverage</h2>\n${renderChart('Line coverage per run', labels, coverage, { max: 100, unit: '%' })}` : ''}
${checks.length ? `<h2>Findings per check</h2>\n${renderChart('Findings per check per run', labels, findings)}\n${legend(findings)}` : ''}
<h2>Runs</h2>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${runs.map(r => row(r, checks)).join('\n')}
</tbody>
</table>
<p>Updated ${esc(history.updatedAt)} by pymaint.</p>
</body>
</html>
`
}
