// report.json: the Report object as published (schema/report.schema.json describes it).
// Indented for people up to PRETTY_UP_TO findings; compact beyond, where size and time matter.
import type { Report } from '../findings/model.js'

export const PRETTY_UP_TO = 10_000

export function renderJson(report: Report): string {
  const findings = report.checks.reduce((n, c) => n + c.findings.length, 0)
  return JSON.stringify(report, null, findings <= PRETTY_UP_TO ? 2 : undefined) + '\n'
}
