// The action end to end on a real ruff scan: real @actions/core writing workflow commands to
// stdout and the job summary to the GITHUB_STEP_SUMMARY file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FIXTURES } from '../support/report-fixture.js'
import { validateReport } from '../support/validate-report.js'

const saved = { ...process.env }
let out = ''
let summary = ''
let reportDir = ''

beforeAll(async () => {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'pymaint-action-'))
  const proj = path.join(ws, 'proj')
  cpSync(path.join(FIXTURES, 'reports-project'), proj, { recursive: true })
  // Enough findings to hit the 10-error limit.
  mkdirSync(path.join(proj, 'src', 'many'))
  for (let i = 0; i < 15; i++) writeFileSync(path.join(proj, 'src', 'many', `m${i}.py`), 'import os\n')
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pymaint-runner-'))
  const summaryFile = path.join(tmp, 'summary.md')
  writeFileSync(summaryFile, '')
  reportDir = path.join(tmp, 'reports')
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_')) delete process.env[k]
  Object.assign(process.env, {
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: tmp,
    GITHUB_STEP_SUMMARY: summaryFile,
    INPUT_CHECKS: 'ruff',
    'INPUT_WORKING-DIRECTORY': 'proj',
    'INPUT_REPORT-DIR': reportDir
  })
  const { run } = await import('../../src/main.js')
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    return true
  }) as typeof process.stdout.write
  try {
    await run()
  } finally {
    process.stdout.write = write
  }
  summary = readFileSync(summaryFile, 'utf8')
})

afterAll(() => {
  process.env = saved
  // setFailed marked the process as failed; the test itself did not fail.
  process.exitCode = 0
})

describe('the action writes reports, annotations and the job summary', () => {
  it('fills the report directory', () => {
    expect(readdirSync(reportDir).sort()).toEqual(['badge.json', 'badge.svg', 'report.html', 'report.json', 'sarif', 'summary.md'])
    expect(readdirSync(path.join(reportDir, 'sarif'))).toEqual(['ruff.sarif'])
    expect(validateReport(JSON.parse(readFileSync(path.join(reportDir, 'report.json'), 'utf8')))).toEqual([])
  })

  it('emits at most 9 finding errors plus the setFailed error, with repo-relative files', () => {
    const errors = out.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toHaveLength(10)
    const withFile = errors.filter(l => l.includes('file='))
    expect(withFile).toHaveLength(9)
    for (const l of withFile) expect(l).toMatch(/^::error title=Lint \(ruff\)%3A [\w-]+,file=proj\/src\/[^,]+\.py,line=\d+/)
    expect(out).toContain('::error title=Lint (ruff)%3A F401,file=proj/src/many/m0.py,line=1,col=8,endColumn=10::`os` imported but unused%0ARemove unused import: `os`')
    expect(errors.at(-1)).toMatch(/^::error::pymaint: verdict failing \(gates failing: lint\)/)
  })

  it('writes the Markdown summary, also as summary.md', () => {
    expect(summary).toContain('## pymaint: ❌ failing')
    expect(summary).toContain('| ❌ | lint | ruff |')
    expect(summary).toContain('### Top findings')
    expect(existsSync(path.join(reportDir, 'summary.md'))).toBe(true)
    expect(out).not.toContain('pymaint: internal error')
  })
})
