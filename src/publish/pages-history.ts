// history.json on the Pages branch: one entry per run (newest first) with the gate figures the
// index charts, bounded to `pages-history` runs. Later runs (and other tools) read it back.
import type { Report, Verdict } from '../findings/model.js'
import type { GitHubRun } from '../github/context.js'

/**
 * The documented format (docs/publishing.md). Unknown top-level keys are kept as they are, so
 * other publishers may store their own state next to `runs`.
 */
export interface History {
  schemaVersion: 1
  repository: string
  updatedAt: string
  runs: HistoryEntry[]
  [extra: string]: unknown
}

export interface HistoryEntry {
  /** The run folder name: `<YYYY-MM-DD>-<run id>`, under `runs/`. */
  id: string
  runId: string
  runAttempt: string
  /** ISO 8601 time the report was generated. */
  date: string
  sha: string
  ref: string
  event: string
  status: Verdict
  /** The workflow run on GitHub. */
  url: string
  /** Line coverage percent from pytest, or null when pytest did not measure it. */
  coverage: number | null
  /** Findings per check id (checks that ran). */
  findings: Record<string, number>
  /** Check status per check id. */
  checks: Record<string, string>
  gates: Array<{ id: string; passed: boolean; actual: number | string | null }>
}

export function runFolder(date: string, runId: string): string {
  return `${date.slice(0, 10)}-${runId.replace(/[^0-9A-Za-z_.-]/g, '_')}`
}

export function coverageOf(report: Report): number | null {
  const py = report.checks.find(c => c.id === 'pytest')
  const pct = (py?.metrics.coverage as { percent?: unknown } | undefined)?.percent
  return typeof pct === 'number' && Number.isFinite(pct) ? Math.round(pct * 100) / 100 : null
}

export function entryFor(report: Report, gh: GitHubRun): HistoryEntry {
  const findings: Record<string, number> = {}
  const checks: Record<string, string> = {}
  for (const c of report.checks) {
    checks[c.id] = c.status
    if (c.status === 'passed' || c.status === 'failed') findings[c.id] = c.findings.length
  }
  return {
    id: runFolder(report.generatedAt, gh.runId),
    runId: gh.runId,
    runAttempt: gh.runAttempt,
    date: report.generatedAt,
    sha: gh.sha,
    ref: gh.ref,
    event: gh.eventName,
    status: report.status,
    url: gh.runUrl,
    coverage: coverageOf(report),
    findings,
    checks,
    gates: report.gates.map(g => ({ id: g.id, passed: g.passed, actual: g.actual }))
  }
}

const VERDICTS = new Set(['passing', 'warning', 'failing'])

function isEntry(e: unknown): e is HistoryEntry {
  const x = e as HistoryEntry
  return (
    !!x &&
    typeof x === 'object' &&
    typeof x.id === 'string' &&
    /^[0-9A-Za-z_.-]+$/.test(x.id) &&
    typeof x.runId === 'string' &&
    typeof x.date === 'string' &&
    VERDICTS.has(x.status)
  )
}

/** Reads history.json; anything unreadable starts a fresh history rather than failing the run. */
export function parseHistory(text: string | null, repository: string): History {
  const fresh: History = { schemaVersion: 1, repository, updatedAt: '', runs: [] }
  if (!text) return fresh
  try {
    const h = JSON.parse(text) as Partial<History>
    if (!h || typeof h !== 'object' || !Array.isArray(h.runs)) return fresh
    return { ...h, schemaVersion: 1, repository, updatedAt: '', runs: h.runs.filter(isEntry) }
  } catch {
    return fresh
  }
}

/**
 * Adds this run (a re-run of the same run id replaces its entry), newest first, and keeps the
 * newest `keep` entries. Returns the history and the run folders that dropped out of it.
 */
export function addRun(
  history: History,
  entry: HistoryEntry,
  keep: number,
  now: string
): { history: History; dropped: string[] } {
  const others = history.runs.filter(r => r.runId !== entry.runId && r.id !== entry.id)
  const all = [entry, ...others].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
  const n = Math.max(1, keep)
  const kept = all.slice(0, n)
  // A re-run's earlier folder (other date) is dropped too.
  const keptIds = new Set(kept.map(r => r.id))
  const dropped = [...all.slice(n), ...history.runs.filter(r => r.runId === entry.runId)]
    .map(r => r.id)
    .filter(id => !keptIds.has(id))
  return { history: { ...history, updatedAt: now, runs: kept }, dropped: [...new Set(dropped)] }
}

/** Run folders present on the branch that the history does not reference (left by a crash). */
export function strayFolders(paths: Iterable<string>, history: History): string[] {
  const keep = new Set(history.runs.map(r => r.id))
  const stray = new Set<string>()
  for (const p of paths) {
    const m = /^runs\/([^/]+)\//.exec(p)
    if (m && !keep.has(m[1]!)) stray.add(m[1]!)
  }
  return [...stray].sort()
}
