// Writes every report file into the report directory; pure renderers, one write each.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../config/types.js'
import type { Report } from '../findings/model.js'
import { renderJson } from './json.js'

export interface WrittenReports {
  dir: string
  json: string
  files: string[]
}

export async function writeReports(report: Report, config: Config): Promise<WrittenReports> {
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
  return { dir, json, files }
}
