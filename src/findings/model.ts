// The one findings model every check produces and every report consumes (see DESIGN.md).
// Everything from here on is plain data: no I/O, no GitHub.

export type Level = 'error' | 'warning' | 'note'
export type CheckStatus = 'passed' | 'failed' | 'error' | 'skipped'
export type Verdict = 'passing' | 'warning' | 'failing'
export type Severity = 'high' | 'medium' | 'low'

export interface Finding {
  /** Tool rule id (`F401`, `arg-type`, `B602`, `PYSEC-2024-1`, `layer-contract`). */
  ruleId: string
  level: Level
  message: string
  /** Repository-relative POSIX path; '' for findings that have no file (a vulnerable package). */
  path: string
  /** 1-based; 0 when the tool gave no line. */
  line: number
  /** 1-based; 0 when the tool gave no column. */
  column: number
  endLine?: number
  endColumn?: number
  /** Stable across runs: codeql's primaryLocationLineHash where a file line exists. */
  fingerprint: string
  helpUri?: string
  /** Security checks: tool severity and confidence. */
  severity?: Severity
  confidence?: Severity
  /** The offending source line(s), when the tool printed them or the file could be read. */
  snippet?: string
  /** Extra guidance (mypy notes, fix versions). */
  hint?: string
  /** Free-form tool-specific data that reports may show (package, fix versions, CWE). */
  properties?: Record<string, unknown>
}

/** Per-rule metadata a check knows (SARIF needs descriptions and help for every rule). */
export interface RuleMeta {
  id: string
  name?: string
  shortDescription?: string
  fullDescription?: string
  help?: string
  helpUri?: string
  /** 0.0–10.0, shown by code scanning for security rules. */
  securitySeverity?: number
  tags?: string[]
}

export interface ToolInfo {
  name: string
  version: string | null
  informationUri?: string
}

export interface CheckResult {
  id: string
  title: string
  status: CheckStatus
  /** Why the check is error/skipped/failed, one line. */
  reason?: string
  tool: ToolInfo
  durationMs: number
  findings: Finding[]
  metrics: Record<string, unknown>
  rules?: Record<string, RuleMeta>
  /** The argv that ran (for the log and troubleshooting; never contains secrets). */
  command?: string[]
}

export interface GateResult {
  id: string
  /** The check whose results the gate reads. */
  check: string
  passed: boolean
  status: 'passed' | 'warning' | 'failed'
  actual: number | string | null
  threshold: number | string
  message: string
}

export interface Report {
  schemaVersion: 1
  status: Verdict
  generatedAt: string
  durationMs: number
  pymaint: { version: string }
  project: { name: string; root: string }
  checks: CheckResult[]
  gates: GateResult[]
  /** Publisher outcomes, filled by the action after publishing (absent in the CLI). */
  publish?: PublishOutcome[]
  /** The run on GitHub, when there is one. */
  run?: { repository: string; sha: string; ref: string; runId: string; url: string; event: string }
}

export interface PublishOutcome {
  id: string
  result: 'done' | 'skipped' | 'failed'
  reason?: string
  url?: string
  details?: Record<string, unknown>
  /** The user asked for this publisher explicitly (e.g. `upload-sarif: true`): a failure fails the step. */
  required?: boolean
}

export function countByLevel(findings: Finding[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, note: 0 }
  for (const f of findings) counts[f.level]++
  return counts
}
