// Writes every report file into the report directory: report.json, report.html, summary.md,
// badge.svg, badge.json and sarif/<check-id>.sarif. The renderers are pure; this is the I/O.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../config/types.js'
import type { Report } from '../findings/model.js'
import { renderBadgeJson, renderBadgeSvg } from './badge.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'
import { renderSarif, sarifOptions } from './sarif.js'
import { projectSources } from './sources.js'
import { renderSummary } from './summary.js'
import type { SourceLines } from './sources.js'

export interface WrittenReports {
  dir: string
  json: string
  files: string[]
  html: string
  /** summary.md, the Markdown job summary. */
  summary: string
  badges: { svg: string; json: string }
  /** SARIF to upload, by check id: checks that ran (passed or failed). */
  sarif: Record<string, string>
  /** SARIF written for the record but not to upload (the tool errored: an empty run would
   *  close the category's open alerts), by check id, with the reason. */
  sarifNotUploadable: Record<string, { path: string; reason: string }>
}

export async function writeReports(
  report: Report,
  config: Config,
  sources: SourceLines = projectSources(config.root)
): Promise<WrittenReports> {
  const dir = config.outDir
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  const put = async (name: string, content: string): Promise<string> => {
    const p = path.join(dir, name)
    await mkdir(path.dirname(p), { recursive: true })
    await writeFile(p, content)
    files.push(p)
    return p
  }
  const json = await put('report.json', renderJson(report))
  const html = await put('report.html', renderHtml(report, { sources }))
  const options = sarifOptions(config, sources, report.pymaint.version)
  const summary = await put('summary.md', renderSummary(report, { prefix: options.prefix }))
  const badges = {
    svg: await put('badge.svg', renderBadgeSvg(report)),
    json: await put('badge.json', JSON.stringify(renderBadgeJson(report)) + '\n')
  }
  const sarif: Record<string, string> = {}
  const sarifNotUploadable: WrittenReports['sarifNotUploadable'] = {}
  // One check at a time, so only one SARIF text is in memory; skipped checks get none.
  for (const c of report.checks) {
    if (c.status === 'skipped') continue
    const r = renderSarif(c, options)
    const p = await put(path.join('sarif', `${c.id}.sarif`), r.text)
    if (r.uploadable) sarif[c.id] = p
    else sarifNotUploadable[c.id] = { path: p, reason: `${c.id} ${c.status}: ${c.reason ?? ''}`.trim() }
  }
  return { dir, json, html, summary, badges, files, sarif, sarifNotUploadable }
}
