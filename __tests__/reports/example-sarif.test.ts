// Acceptance on examples/sample-project with every built-in check (pip-audit and safety cannot
// be installed here, so they end in `error` and still get a SARIF run): each SARIF file passes
// Microsoft's validator with GitHub's rules, and report.json validates against the schema.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type * as Sarif from 'sarif'
import { loadConfig } from '../../src/config/load.js'
import { scan } from '../../src/engine.js'
import type { Report } from '../../src/findings/model.js'
import { writeReports, type WrittenReports } from '../../src/reports/write.js'
import { validateSarif } from '../support/sarif-validator.js'
import { validateReport } from '../support/validate-report.js'

const EXAMPLE = path.resolve('examples/sample-project')
const PY = execFileSync('python3', ['-c', 'import sys; print(sys.executable)']).toString().trim()
const CHECKS = ['structure', 'ruff', 'ruff-format', 'mypy', 'bandit', 'pytest', 'pip-audit', 'safety']

let report: Report
let written: WrittenReports
let files: Record<string, string>

beforeAll(async () => {
  process.env.PYMAINT_TOOLS_DIR = mkdtempSync(path.join(os.tmpdir(), 'pymaint-tools-'))
  // A workspace with the project in a subdirectory, as with `working-directory`.
  const ws = mkdtempSync(path.join(os.tmpdir(), 'pymaint-example-'))
  cpSync(EXAMPLE, path.join(ws, 'sample'), { recursive: true })
  const config = loadConfig({
    explicit: { checks: CHECKS.join(','), python: PY, 'install-tools': 'never' },
    source: 'flag',
    workspace: ws,
    project: 'sample',
    defaultOutDir: path.join(ws, '..', `${path.basename(ws)}-out`)
  })
  report = await scan(config)
  written = await writeReports(report, config)
  files = { ...written.sarif }
  for (const [id, w] of Object.entries(written.sarifNotUploadable)) files[id] = w.path
}, 300_000)

describe('SARIF for examples/sample-project', () => {
  it('has one file per check that ran', () => {
    const ran = report.checks.filter(c => c.status !== 'skipped').map(c => c.id)
    expect(Object.keys(files).sort()).toEqual([...ran].sort())
    for (const id of ['ruff', 'ruff-format', 'mypy', 'bandit', 'pytest']) expect(written.sarif[id]).toBeDefined()
    const total = report.checks.reduce((n, c) => n + c.findings.length, 0)
    expect(total).toBeGreaterThan(10)
  })

  it('passes sarif-multitool validate --rule-kind "Sarif;Gh" with zero errors, every file', async () => {
    for (const [id, file] of Object.entries(files)) {
      const v = await validateSarif(file)
      expect({ id, errors: v.errors }).toEqual({ id, errors: [] })
    }
  }, 300_000)

  it('points into the project subdirectory with a fingerprint on every result', () => {
    for (const [id, file] of Object.entries(written.sarif)) {
      const log = JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log
      const run = log.runs[0]!
      expect(run.automationDetails!.id).toBe(`pymaint/${id}/`)
      const check = report.checks.find(c => c.id === id)!
      expect(run.results).toHaveLength(check.findings.length)
      for (const r of run.results!) {
        expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^sample\//)
        expect(r.partialFingerprints!.primaryLocationLineHash).toBeTruthy()
      }
    }
  })

  it('writes a report.json that validates against the schema', () => {
    expect(validateReport(JSON.parse(readFileSync(written.json, 'utf8')))).toEqual([])
  })
})
