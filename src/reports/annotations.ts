// Inline annotations: the most important findings within GitHub's per-step limits (10 errors,
// 10 warnings, 10 notices), as plain data main.ts hands to core.error/warning/notice.
import type { AnnotationProperties } from '@actions/core'
import type { Finding, Report } from '../findings/model.js'
import { severityRank } from './sarif.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  properties: AnnotationProperties
}

export interface AnnotationOptions {
  /** Project directory relative to the repository root ('' or 'sub/'). */
  prefix: string
  /** Where findings without a file point (a requirements file), project-relative. */
  manifest?: string | null
  /** Per level; GitHub shows at most 10 of each per step. */
  limits?: Partial<Record<AnnotationLevel, number>>
  /** Error slots left for others (core.setFailed adds one error annotation). */
  reserveErrors?: number
}

export const ANNOTATION_LIMITS: Record<AnnotationLevel, number> = { error: 10, warning: 10, notice: 10 }
const LEVEL: Record<Finding['level'], AnnotationLevel> = { error: 'error', warning: 'warning', note: 'notice' }
const MAX_MESSAGE = 4_000

function properties(f: Finding, title: string, o: AnnotationOptions): AnnotationProperties {
  const p: AnnotationProperties = { title }
  const file = f.path || o.manifest
  if (!file) return p
  p.file = o.prefix + file
  if (!f.path || f.line < 1) return p
  p.startLine = f.line
  const end = f.endLine && f.endLine >= f.line ? f.endLine : f.line
  if (end !== f.line) p.endLine = end
  // GitHub takes columns only on single-line annotations.
  else if (f.column > 0) {
    p.startColumn = f.column
    if (f.endColumn && f.endColumn >= f.column && (!f.endLine || f.endLine === f.line)) p.endColumn = f.endColumn
  }
  return p
}

export function selectAnnotations(report: Report, o: AnnotationOptions): Annotation[] {
  const limits = { ...ANNOTATION_LIMITS, ...o.limits }
  limits.error = Math.max(0, limits.error - (o.reserveErrors ?? 0))
  const out: Annotation[] = []
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }
  const add = (a: Annotation): void => {
    if (used[a.level] >= limits[a.level]) return
    used[a.level]++
    out.push(a)
  }
  // A tool that could not run matters more than any one finding.
  for (const c of report.checks)
    if (c.status === 'error')
      add({
        level: 'warning',
        message: `${c.title} could not run: ${c.reason ?? 'unknown error'}`,
        properties: { title: `pymaint: ${c.id} error` }
      })
  const all: { f: Finding; rank: number; title: string }[] = []
  for (const c of report.checks)
    for (const f of c.findings)
      all.push({ f, rank: severityRank(f, c.rules), title: `${c.title}: ${f.ruleId}` })
  all.sort((a, b) => b.rank - a.rank)
  for (const { f, title } of all) {
    const level = LEVEL[f.level] ?? 'notice'
    if (used[level] >= limits[level]) continue
    let message = f.hint ? `${f.message}\n${f.hint}` : f.message
    if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE - 1)}…`
    add({ level, message: message || f.ruleId, properties: properties(f, title, o) })
    if (used.error >= limits.error && used.warning >= limits.warning && used.notice >= limits.notice) break
  }
  return out
}
