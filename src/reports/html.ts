// report.html: one self-contained page (inline CSS and script, no requests; a CSP allows only
// its own script). Overview rendered here with escaping; findings embedded as compact JSON.
import { createHash } from 'node:crypto'
import type { CheckResult, Finding, Report } from '../findings/model.js'
import { countByLevel } from '../findings/model.js'
import { CSS, SCRIPT } from './html-client.js'
import { isHttpUri } from './sarif.js'
import type { SourceLines } from './sources.js'

const LEVELS = ['error', 'warning', 'note'] as const
/** Beyond this many findings the page carries no source lines read from disk (size). */
const SOURCE_LINES_UP_TO = 20_000
const MAX_SNIPPET = 2_000

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(
    /[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  )
}

/** JSON safe inside a <script> element: no '<', '>', '&' or line separators left raw. */
export function scriptJson(value: unknown): string {
  // replaceAll with plain strings: a callback per match is slow on 100,000 findings.
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029')
}

function link(url: string | undefined, text: string): string {
  return isHttpUri(url)
    ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text)
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

function checkDetail(c: CheckResult): string {
  if (c.status === 'error' || c.status === 'skipped') return c.reason ?? c.status
  if (c.id === 'pytest') {
    const t = (c.metrics.tests ?? {}) as Record<string, number>
    const cov = (c.metrics.coverage as { percent?: number } | undefined)?.percent
    return `${t.passed ?? 0} passed, ${t.failed ?? 0} failed, ${t.errors ?? 0} errors, ${t.skipped ?? 0} skipped${typeof cov === 'number' ? ` · coverage ${cov.toFixed(1)}%` : ''}`
  }
  return c.reason ?? ''
}

function card(c: CheckResult, i: number): string {
  const n = countByLevel(c.findings)
  const version = c.tool.version ? ` ${c.tool.version}` : ''
  return `<div class="card c-${escapeHtml(c.status)}" data-check="${i}" title="Show this check's findings">
<h3><span>${escapeHtml(c.title)}</span><span class="pill s-${escapeHtml(c.status)}">${escapeHtml(c.status)}</span></h3>
<div class="counts"><span class="lv-error"><b>${n.error}</b> ${plural(n.error, 'error')}</span><span class="lv-warning"><b>${n.warning}</b> ${plural(n.warning, 'warning')}</span><span class="lv-note"><b>${n.note}</b> ${plural(n.note, 'note')}</span></div>
<div class="meta">${escapeHtml(c.tool.name + version)} · ${escapeHtml(duration(c.durationMs))}</div>
${checkDetail(c) ? `<div class="reason">${escapeHtml(checkDetail(c))}</div>` : ''}</div>`
}

const GATE_STATUS = { passed: 'passed', warning: 'warning', failed: 'failed' } as const

function gatesTable(report: Report): string {
  if (report.gates.length === 0) return '<p class="meta">No gates were evaluated.</p>'
  const rows = report.gates.map(
    g =>
      `<tr><td><span class="pill s-${GATE_STATUS[g.status] ?? 'failed'}">${escapeHtml(g.status)}</span></td><td class="rule">${escapeHtml(g.id)}</td><td>${escapeHtml(g.check)}</td><td>${escapeHtml(g.actual ?? '—')}</td><td>${escapeHtml(g.threshold)}</td><td>${escapeHtml(g.message)}</td></tr>`
  )
  return `<table id="gates"><thead><tr><th>Status</th><th>Gate</th><th>Check</th><th>Actual</th><th>Threshold</th><th>Detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function publishList(report: Report): string {
  if (!report.publish?.length) return ''
  const rows = report.publish.map(
    p =>
      `<tr><td><span class="pill s-${p.result === 'done' ? 'passed' : p.result === 'failed' ? 'failed' : 'skipped'}">${escapeHtml(p.result)}</span></td><td>${escapeHtml(p.id)}</td><td>${p.url ? link(p.url, p.url) : ''} ${escapeHtml(p.reason ?? '')}</td></tr>`
  )
  return `<h2>Publishing</h2><table><thead><tr><th>Result</th><th>Publisher</th><th>Detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

/** Findings as arrays [check, level, rule, message, path, line, column, helpUri, snippet,
 *  hint, severity, label of a file-less location]; rule ids, paths and help URIs go through a string table. */
function compactFindings(report: Report, sources?: SourceLines): { strings: string[]; findings: unknown[][] } {
  const strings: string[] = []
  const index = new Map<string, number>()
  const intern = (s: string | undefined): number => {
    if (!s) return -1
    let i = index.get(s)
    if (i === undefined) {
      i = strings.length
      strings.push(s)
      index.set(s, i)
    }
    return i
  }
  const total = report.checks.reduce((n, c) => n + c.findings.length, 0)
  const withSource = sources && total <= SOURCE_LINES_UP_TO
  const rows: { rank: number; row: unknown[] }[] = []
  report.checks.forEach((c, ci) => {
    for (const f of c.findings) {
      const lv = LEVELS.indexOf(f.level)
      const help = f.helpUri ?? c.rules?.[f.ruleId]?.helpUri
      let snippet = f.snippet ?? (withSource ? sourceLine(f, sources) : undefined)
      if (snippet && snippet.length > MAX_SNIPPET) snippet = `${snippet.slice(0, MAX_SNIPPET)}…`
      const sev = f.severity ? `${f.severity}${f.confidence ? `, confidence ${f.confidence}` : ''}` : 0
      rows.push({
        rank: lv < 0 ? 3 : lv,
        row: [ci, lv < 0 ? 2 : lv, intern(f.ruleId), f.message, intern(f.path), f.line, f.column, intern(isHttpUri(help) ? help : undefined), snippet ?? 0, f.hint ?? 0, sev, f.path ? 0 : packageLabel(f)]
      })
    }
  })
  // Most severe first; Array.prototype.sort is stable, so tool order holds within a level.
  rows.sort((a, b) => a.rank - b.rank)
  return { strings, findings: rows.map(r => r.row) }
}

function packageLabel(f: Finding): string | 0 {
  const p = f.properties ?? {}
  if (typeof p.package !== 'string') return 0
  return `package ${p.package}${typeof p.version === 'string' ? ` ${p.version}` : ''}`
}

function sourceLine(f: Finding, sources: SourceLines | undefined): string | undefined {
  if (!f.path || f.line < 1) return undefined
  const line = sources?.lines(f.path)?.[f.line - 1]
  return line && line.trim() ? `${f.line} | ${line}` : undefined
}

export function renderHtml(report: Report, opts: { sources?: SourceLines } = {}): string {
  const { strings, findings } = compactFindings(report, opts.sources)
  const data = {
    strings,
    findings,
    checks: report.checks.map(c => ({ id: c.id, title: c.title, count: c.findings.length }))
  }
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64')
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'`
  const run = report.run
  const title = `pymaint: ${report.project.name}: ${report.status}`
  const total = findings.length
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style></head>
<body><main>
<header><h1>${escapeHtml(report.project.name)}</h1><span class="verdict s-${escapeHtml(report.status)}">${escapeHtml(report.status)}</span>
<span class="meta">${total} finding${total === 1 ? '' : 's'} · ${escapeHtml(duration(report.durationMs))} · ${escapeHtml(report.generatedAt)} · pymaint ${escapeHtml(report.pymaint.version)}${run ? ` · ${link(run.url, `${run.repository}@${run.sha.slice(0, 7)}`)}` : ''}</span></header>
<h2>Gates</h2>${gatesTable(report)}
<h2>Checks</h2><div class="cards">${report.checks.map(card).join('\n')}</div>
${publishList(report)}
<h2>Findings</h2>
<noscript>The findings table needs JavaScript; report.json has every finding.</noscript>
<div class="filters">
<select id="f-check" aria-label="Check"><option value="">All checks</option></select>
<select id="f-level" aria-label="Level"><option value="">All levels</option><option value="0">Errors</option><option value="1">Warnings</option><option value="2">Notes</option></select>
<input id="f-path" type="text" placeholder="Path contains…" aria-label="Path">
<input id="f-q" type="search" placeholder="Search rules, messages, paths, code…" aria-label="Search">
</div>
<table id="findings"><thead><tr><th>Level</th><th>Check</th><th>Rule</th><th>Location</th><th>Message</th></tr></thead><tbody id="findings-body"></tbody></table>
<div class="pager"><button id="prev" type="button">Previous</button><button id="next" type="button">Next</button><span id="findings-info"></span></div>
</main>
<script type="application/json" id="pymaint-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body></html>
`
}
