// Runs Microsoft's SARIF validator (from node_modules) with GitHub's ingestion rules and
// returns its error-level findings as lines.
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import { createRequire } from 'node:module'
import path from 'node:path'
import { run } from '../../src/tools/exec.js'

const require = createRequire(import.meta.url)

export function multitoolBinary(): string {
  return require('@microsoft/sarif-multitool-linux') as string
}

interface ValidatorResult {
  ruleId?: string
  level?: string
  message?: { text?: string; id?: string; arguments?: string[] }
  locations?: { physicalLocation?: { region?: { startLine?: number } } }[]
}

export async function validateSarif(
  file: string
): Promise<{ errors: string[]; warnings: string[] }> {
  // The validator's own log goes to a temp dir, never beside the reports.
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'pymaint-sarif-check-')), 'out.sarif')
  const r = await run(
    multitoolBinary(),
    ['validate', '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite', '-o', out, file],
    { cwd: path.dirname(file), timeoutMs: 120_000 }
  )
  if (r.exitCode !== 0)
    throw new Error(`sarif-multitool exited ${r.exitCode}: ${r.stdout}${r.stderr}`)
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: ValidatorResult[] }[] }
  const errors: string[] = []
  const warnings: string[] = []
  for (const res of log.runs.flatMap(x => x.results ?? [])) {
    const line = `${res.ruleId}: ${res.message?.text ?? res.message?.arguments?.join(' | ') ?? ''}`
    if (res.level === 'error') errors.push(line)
    else warnings.push(line)
  }
  return { errors, warnings }
}
