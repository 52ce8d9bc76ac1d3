import { beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type * as Sarif from 'sarif'
import type { Config } from '../../src/config/types.js'
import type { CheckResult, Finding, Report } from '../../src/findings/model.js'
import { renderSarif, sarifOptions } from '../../src/reports/sarif.js'
import { noSources } from '../../src/reports/sources.js'
import { writeReports, type WrittenReports } from '../../src/reports/write.js'
import { scan } from '../../src/engine.js'
import { fixtureConfig, scanFixtureReport } from '../support/report-fixture.js'
import { validateSarif } from '../support/sarif-validator.js'

let report: Report
let config: Config
let written: WrittenReports
const logs: Record<string, Sarif.Log> = {}

beforeAll(async () => {
  ;({ report, config } = await scanFixtureReport())
  written = await writeReports(report, config)
  for (const [id, p] of Object.entries({
    ...written.sarif,
    ...Object.fromEntries(Object.entries(written.sarifNotUploadable).map(([k, v]) => [k, v.path]))
  }))
    logs[id] = JSON.parse(readFileSync(p, 'utf8')) as Sarif.Log
})

function results(id: string): Sarif.Result[] {
  return logs[id]!.runs[0]!.results!
}

describe('SARIF for a real ruff scan plus tool-shaped checks', () => {
  it('writes one file with one run per check that ran', () => {
    expect(Object.keys(written.sarif).sort()).toEqual(['bandit', 'mypy', 'pip-audit', 'pytest', 'ruff'])
    expect(Object.keys(written.sarifNotUploadable)).toEqual(['structure'])
    for (const [id, log] of Object.entries(logs)) {
      expect(log.runs).toHaveLength(1)
      expect(log.runs[0]!.automationDetails!.id).toBe(`pymaint/${id}/`)
    }
  })

  it('passes sarif-multitool validate --rule-kind "Sarif;Gh" with zero errors', async () => {
    for (const p of [...Object.values(written.sarif), written.sarifNotUploadable.structure!.path]) {
      const v = await validateSarif(p)
      expect({ file: p, errors: v.errors }).toEqual({ file: p, errors: [] })
    }
  })

  it('describes ruff and every rule that fired, syntax errors included', () => {
    const run = logs.ruff!.runs[0]!
    expect(run.tool.driver.name).toBe('ruff')
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+/)
    expect(run.tool.driver.informationUri).toBe('https://docs.astral.sh/ruff/')
    const ids = run.tool.driver.rules!.map(r => r.id).sort()
    expect(ids).toEqual(['E722', 'F401', 'I001', 'invalid-syntax'])
    for (const r of run.tool.driver.rules!) {
      expect(r.shortDescription!.text).not.toBe('')
      expect(r.fullDescription!.text).not.toBe('')
      expect(r.help!.text).not.toBe('')
      expect(r.help!.markdown).not.toBe('')
      expect(r.helpUri).toMatch(/^https:\/\//)
    }
    for (const res of run.results!) expect(run.tool.driver.rules![res.ruleIndex!]!.id).toBe(res.ruleId)
  })

  it('uses repo-relative URIs, UTF-16 columns after non-ASCII text and line-hash fingerprints', () => {
    const sys = results('ruff').find(r => r.message.text!.includes('`sys`'))!
    const loc = sys.locations![0]!.physicalLocation!
    expect(loc.artifactLocation).toEqual({ uri: 'src/shop/cart.py', uriBaseId: '%SRCROOT%' })
    // ruff says code-point column 35; the emoji before it is two UTF-16 units.
    expect(loc.region).toMatchObject({ startLine: 13, startColumn: 36, endColumn: 39 })
    expect(sys.partialFingerprints!.primaryLocationLineHash).toMatch(/^[0-9a-f]+:\d+$/)
    const finding = report.checks[0]!.findings.find(f => f.message.includes('`sys`'))!
    expect(sys.partialFingerprints!.primaryLocationLineHash).toBe(finding.fingerprint)
    expect(logs.ruff!.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toMatch(/^file:\/\/\/.*\/$/)
  })

  it('clamps mypy columns (0, past the end of the line) to the file', () => {
    const [untyped, operator] = results('mypy')
    expect(untyped!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 5 })
    const line13 = readFileSync(`${config.root}/src/shop/cart.py`, 'utf8').split('\n')[12]!
    const r = operator!.locations![0]!.physicalLocation!.region!
    expect(r.startColumn).toBeLessThanOrEqual(line13.length + 1)
    expect(r.endColumn).toBeLessThanOrEqual(line13.length + 1)
  })

  it('gives security rules a security-severity and the security tag', () => {
    const b602 = logs.bandit!.runs[0]!.tool.driver.rules!.find(r => r.id === 'B602')!
    expect(b602.properties!['security-severity']).toBe('8.0')
    expect(b602.properties!.tags).toContain('security')
    const b404 = logs.bandit!.runs[0]!.tool.driver.rules!.find(r => r.id === 'B404')!
    expect(b404.properties!['security-severity']).toBe('3.0')
    for (const r of logs['pip-audit']!.runs[0]!.tool.driver.rules!)
      expect(Number(r.properties!['security-severity'])).toBeGreaterThan(0)
    expect(logs.mypy!.runs[0]!.tool.driver.rules![0]!.properties).toBeUndefined()
  })

  it('puts vulnerable packages on line 1 of the requirements file', () => {
    for (const r of results('pip-audit'))
      expect(r.locations![0]!.physicalLocation).toEqual({
        artifactLocation: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' },
        region: { startLine: 1 }
      })
    const prints = results('pip-audit').map(r => r.partialFingerprints!.primaryLocationLineHash)
    expect(new Set(prints).size).toBe(2)
  })

  it('marks an errored check as unsuccessful with the reason, and offers it for no upload', () => {
    const inv = logs.structure!.runs[0]!.invocations![0]!
    expect(inv.executionSuccessful).toBe(false)
    expect(inv.toolExecutionNotifications![0]!.message.text).toContain('structure script exited 3')
    expect(results('structure')).toEqual([])
  })
})

function bulk(n: number): CheckResult {
  const levels = ['note', 'warning', 'error'] as const
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    ruleId: `R${i % 50}`,
    level: levels[i % 3]!,
    message: `finding ${i} ${'x'.repeat(i % 40)}`,
    path: `pkg/m${i % 300}.py`,
    line: (i % 500) + 1,
    column: (i % 30) + 1,
    fingerprint: `${(i * 2654435761).toString(16)}:1`
  }))
  return { id: 'ruff', title: 'Lint', status: 'failed', tool: { name: 'ruff', version: '0.16.9' }, durationMs: 1, findings, metrics: {} }
}

const opts = { prefix: '', srcRoot: '/repo', manifest: null, sources: noSources, pymaintVersion: '0.1.0' }

describe('SARIF limits', () => {
  it('a real ruff scan with 30,000 findings yields one run of 25,000 results and the notification', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pymaint-30k-'))
    writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "big"\nversion = "0"\n')
    // 300 files x 100 unused imports; one file also has a syntax error, reported first.
    for (let i = 0; i < 300; i++)
      writeFileSync(
        path.join(root, `m${String(i).padStart(3, '0')}.py`),
        Array.from({ length: 100 }, (_, j) => `import os as alias_${j}`).join('\n') + '\n'
      )
    writeFileSync(path.join(root, 'zz_broken.py'), 'def broken(:\n')
    const cfg = fixtureConfig(root)
    const scanned = await scan(cfg)
    const ruff = scanned.checks[0]!
    expect(ruff.findings.length).toBeGreaterThanOrEqual(30_000)
    // Mark the syntax errors as the most severe by making everything else a warning, as a
    // check with mixed levels would: they must survive the cut although ruff lists them last.
    for (const f of ruff.findings) if (f.ruleId !== 'invalid-syntax') f.level = 'warning'
    const w = await writeReports(scanned, cfg)
    const log = JSON.parse(readFileSync(w.sarif.ruff!, 'utf8')) as Sarif.Log
    const run = log.runs[0]!
    expect(run.results).toHaveLength(25_000)
    expect(run.results![0]!.ruleId).toBe('invalid-syntax')
    expect(run.results![0]!.level).toBe('error')
    const omitted = ruff.findings.length - 25_000
    expect(run.invocations![0]!.toolExecutionNotifications![0]!.message.text).toContain(
      `${omitted} of ${ruff.findings.length} results were left out`
    )
    expect(run.properties!.omittedResults).toBe(omitted)
    // report.json keeps every finding.
    const json = JSON.parse(readFileSync(w.json, 'utf8')) as Report
    expect(json.checks[0]!.findings).toHaveLength(ruff.findings.length)
  })

  it('keeps the 25,000 most severe of 30,000 results, with a notification', () => {
    const out = renderSarif(bulk(30_000), opts)
    const run = out.log.runs[0]!
    expect(run.results).toHaveLength(25_000)
    expect(out.omitted).toBe(5_000)
    // 10,000 errors and 10,000 warnings all kept; 5,000 of 10,000 notes kept.
    const count = (l: string): number => run.results!.filter(r => r.level === l).length
    expect([count('error'), count('warning'), count('note')]).toEqual([10_000, 10_000, 5_000])
    const rank = { error: 3, warning: 2, note: 1 } as Record<string, number>
    const ranks = run.results!.map(r => rank[r.level!]!)
    expect(ranks.every((x, i) => i === 0 || ranks[i - 1]! >= x)).toBe(true)
    const note = run.invocations![0]!.toolExecutionNotifications!.find(n => n.descriptor?.id === 'pymaint/truncated')!
    expect(note.message.text).toContain('5000 of 30000 results were left out')
  })

  it('truncates further so the gzipped upload stays under the size limit', () => {
    const out = renderSarif(bulk(6_000), { ...opts, maxGzipBytes: 100_000 })
    const size = gzipSync(out.text).length
    expect(size).toBeLessThanOrEqual(100_000)
    expect(out.kept).toBeGreaterThan(0)
    expect(out.kept).toBeLessThan(6_000)
    expect(JSON.parse(gunzipSync(gzipSync(out.text)).toString()).runs[0].results).toHaveLength(out.kept)
    expect(out.log.runs[0]!.invocations![0]!.toolExecutionNotifications![0]!.message.text).toContain(
      `${6_000 - out.kept} of 6000 results were left out`
    )
  })

  it('emits an empty run for a clean check, which clears its alerts', () => {
    const clean = { ...bulk(0), status: 'passed' as const }
    const out = renderSarif(clean, sarifOptions(config, noSources, '0.1.0'))
    expect(out.log.runs[0]!.results).toEqual([])
    expect(out.uploadable).toBe(true)
    expect(out.log.runs[0]!.invocations![0]!.executionSuccessful).toBe(true)
  })
})
