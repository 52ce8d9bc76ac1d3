// report.json: the Report object as published (schema/report.schema.json describes it).
import type { Report } from '../findings/model.js'

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n'
}
