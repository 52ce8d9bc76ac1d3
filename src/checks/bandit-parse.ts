// bandit's JSON report (1.6.x and ≥ 1.7: col_offset, issue_cwe) into findings, rule metadata and
// the security gate. Pure: no process is started here.
import type { Finding, GateResult, RuleMeta, Severity, Level } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { relPath } from './paths.js'

export interface BanditResult {
  filename: string
  line_number: number
  line_range?: number[]
  col_offset?: number
  end_col_offset?: number
  issue_severity: string
  issue_confidence: string
  issue_cwe?: { id: number; link: string } | null
  test_id: string
  test_name: string
  issue_text: string
  more_info?: string
  code?: string
}

export interface BanditReport {
  errors: { filename: string; reason: string }[]
  results: BanditResult[]
  metrics?: Record<string, Record<string, number>>
}

/** The rule id given to files bandit could not parse (its `errors[]`). */
export const PARSE_ERROR_RULE = 'bandit-parse-error'

const RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3 }
/** Shown by code scanning as "High/Medium/Low" (≥ 7.0, ≥ 4.0, > 0). */
const SECURITY_SEVERITY: Record<Severity, number> = { high: 8.0, medium: 5.5, low: 3.0 }
const LEVEL: Record<Severity, Level> = { high: 'error', medium: 'warning', low: 'note' }

export function toSeverity(s: string | undefined): Severity {
  const v = (s ?? '').toLowerCase()
  // bandit's UNDEFINED (plugins that set none) counts as the lowest.
  return v === 'high' || v === 'medium' ? v : 'low'
}

export function parseBanditJson(text: string): BanditReport {
  const data = JSON.parse(text) as Partial<BanditReport>
  if (typeof data !== 'object' || data === null || !Array.isArray(data.results))
    throw new Error('bandit JSON has no results array')
  return { errors: data.errors ?? [], results: data.results, metrics: data.metrics }
}

/** Sorting key used for both sharded and single runs, so the two are comparable element-wise. */
export function compareResults(a: BanditResult, b: BanditResult): number {
  if (a.filename !== b.filename) return a.filename < b.filename ? -1 : 1
  if (a.line_number !== b.line_number) return a.line_number - b.line_number
  if (a.test_id !== b.test_id) return a.test_id < b.test_id ? -1 : 1
  return (a.col_offset ?? 0) - (b.col_offset ?? 0)
}

export function banditFindings(report: BanditReport, root: string): Finding[] {
  const out: Finding[] = []
  for (const r of [...report.results].sort(compareResults)) {
    const severity = toSeverity(r.issue_severity)
    const confidence = toSeverity(r.issue_confidence)
    const range = r.line_range?.length ? r.line_range : [r.line_number]
    const f: Finding = {
      ruleId: r.test_id,
      level: LEVEL[severity],
      message: `${r.issue_text} (${r.test_name}; severity ${severity}, confidence ${confidence})`,
      path: relPath(root, r.filename),
      line: r.line_number,
      column: typeof r.col_offset === 'number' ? r.col_offset + 1 : 0,
      fingerprint: '',
      helpUri: r.more_info,
      severity,
      confidence,
      properties: { testName: r.test_name, lineRange: range }
    }
    const end = Math.max(...range)
    if (end > r.line_number) f.endLine = end
    if (typeof r.end_col_offset === 'number' && r.end_col_offset > 0)
      f.endColumn = r.end_col_offset + 1
    if (r.code) f.snippet = r.code
    if (r.issue_cwe?.id) {
      f.properties!.cwe = `CWE-${r.issue_cwe.id}`
      f.properties!.cweUri = r.issue_cwe.link
    }
    out.push(f)
  }
  const errors = [...report.errors].sort((a, b) => (a.filename < b.filename ? -1 : 1))
  for (const e of errors) {
    out.push({
      ruleId: PARSE_ERROR_RULE,
      level: 'error',
      message: `bandit could not scan this file: ${e.reason}`,
      path: relPath(root, e.filename),
      line: 0,
      column: 0,
      fingerprint: ''
    })
  }
  return out
}

export function banditRules(findings: Finding[]): Record<string, RuleMeta> {
  const rules: Record<string, RuleMeta> = {}
  for (const f of findings) {
    if (f.ruleId === PARSE_ERROR_RULE) {
      rules[PARSE_ERROR_RULE] ??= {
        id: PARSE_ERROR_RULE,
        name: 'parse-error',
        shortDescription: 'bandit could not parse the file',
        fullDescription:
          'bandit skipped this file because it is not valid Python for the interpreter bandit runs on, so it was not scanned at all.',
        help: 'Fix the syntax error (or exclude the file) so bandit can scan it.',
        helpUri: 'https://bandit.readthedocs.io/'
      }
      continue
    }
    const sev = SECURITY_SEVERITY[f.severity ?? 'low']
    const r = (rules[f.ruleId] ??= {
      id: f.ruleId,
      name: (f.properties?.testName as string | undefined) ?? f.ruleId,
      shortDescription: f.message.replace(/ \(.*\)$/, ''),
      fullDescription: `bandit ${f.ruleId} (${String(f.properties?.testName ?? '')})`,
      help: `See ${f.helpUri ?? 'the bandit documentation'}.`,
      helpUri: f.helpUri,
      securitySeverity: sev,
      tags: ['security']
    })
    // One rule, several findings: code scanning shows the worst severity seen.
    r.securitySeverity = Math.max(r.securitySeverity ?? 0, sev)
    const cwe = f.properties?.cwe as string | undefined
    if (cwe && !r.tags!.includes(`external/cwe/${cwe.toLowerCase()}`))
      r.tags!.push(`external/cwe/${cwe.toLowerCase()}`)
  }
  return rules
}

/** Findings that fail the gate: severity ≥ fail-severity and confidence ≥ the floor. */
export function gatingFindings(findings: Finding[], config: Config): Finding[] {
  const minSev = RANK[config.thresholds.securityFailSeverity]
  const minConf = RANK[config.thresholds.securityMinConfidence]
  return findings.filter(
    f =>
      f.ruleId !== PARSE_ERROR_RULE &&
      RANK[f.severity ?? 'low'] >= minSev &&
      RANK[f.confidence ?? 'low'] >= minConf
  )
}

export function securityGate(findings: Finding[], config: Config): GateResult {
  const t = config.thresholds
  const failing = gatingFindings(findings, config).length
  const unparsed = findings.filter(f => f.ruleId === PARSE_ERROR_RULE).length
  const other = findings.length - failing - unparsed
  const threshold = `severity ≥ ${t.securityFailSeverity}, confidence ≥ ${t.securityMinConfidence}`
  const notes: string[] = []
  if (other) notes.push(`${other} below the threshold`)
  if (unparsed) notes.push(`${unparsed} file(s) bandit could not parse`)
  const tail = notes.length ? ` (${notes.join('; ')})` : ''
  if (failing > 0)
    return {
      id: 'security',
      check: 'bandit',
      passed: false,
      status: 'failed',
      actual: failing,
      threshold,
      message: `${failing} security finding(s) with ${threshold}${tail}`
    }
  return {
    id: 'security',
    check: 'bandit',
    passed: true,
    status: other || unparsed ? 'warning' : 'passed',
    actual: 0,
    threshold,
    message: `no security finding with ${threshold}${tail}`
  }
}
