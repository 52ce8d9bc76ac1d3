import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { Report } from '../../src/findings/model.js'
import { scan } from '../../src/engine.js'
import { writeReports } from '../../src/reports/write.js'
import { copyFixture, fixtureConfig, scanFixtureReport } from '../support/report-fixture.js'
import { SCHEMA_PATH, validateReport } from '../support/validate-report.js'

describe('report.json and schema/report.schema.json', () => {
  it('publishes a schema with an $id', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>
    expect(schema.$id).toMatch(/^https:\/\/.*report\.schema\.json$/)
  })

  it('validates the report.json of a real ruff scan plus every other check shape', async () => {
    const { report, config } = await scanFixtureReport()
    report.publish = [{ id: 'artifact', result: 'done', url: 'https://example.test/a', details: { id: 7 } }]
    report.run = { repository: 'o/r', sha: 'a'.repeat(40), ref: 'refs/heads/main', runId: '1', url: 'https://github.com/o/r/actions/runs/1', event: 'push' }
    const w = await writeReports(report, config)
    const written = JSON.parse(readFileSync(w.json, 'utf8')) as Report
    expect(validateReport(written)).toEqual([])
    expect(written.checks.map(c => c.id)).toEqual(['ruff', 'structure', 'mypy', 'bandit', 'pytest', 'pip-audit'])
  })

  it('validates the report of a clean real scan', async () => {
    const root = copyFixture('reports-project')
    const { rmSync } = await import('node:fs')
    rmSync(`${root}/src/shop/broken.py`)
    rmSync(`${root}/src/shop/cart.py`)
    const report = await scan(fixtureConfig(root))
    expect(report.checks[0]!.status).toBe('passed')
    expect(validateReport(report)).toEqual([])
  })

  it('rejects reports that break the contract', async () => {
    const { report } = await scanFixtureReport()
    const bad = JSON.parse(JSON.stringify(report)) as Record<string, unknown> & Report
    bad.status = 'green' as Report['status']
    delete (bad.checks[0]!.findings[0] as Partial<Report['checks'][0]['findings'][0]>).fingerprint
    bad.gates[0]!.passed = 'yes' as unknown as boolean
    const errors = validateReport(bad)
    expect(errors).toEqual(
      expect.arrayContaining([
        '/status must be equal to one of the allowed values',
        "/checks/0/findings/0 must have required property 'fingerprint'",
        '/gates/0/passed must be boolean'
      ])
    )
  })
})

describe('schema matches src/findings/model.ts', () => {
  it('names exactly the fields of each model interface', async () => {
    const ts = (await import('typescript')).default
    const file = new URL('../../src/findings/model.ts', import.meta.url)
    const src = ts.createSourceFile('model.ts', readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
    const members: Record<string, string[]> = {}
    src.forEachChild(n => {
      if (ts.isInterfaceDeclaration(n))
        members[n.name.text] = n.members.map(m => (m.name as { text: string }).text).sort()
    })
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as {
      properties: Record<string, unknown>
      $defs: Record<string, { properties: Record<string, { properties?: object }> }>
    }
    const keys = (o: { properties?: object } | undefined): string[] => Object.keys(o?.properties ?? {}).sort()
    const d = schema.$defs
    expect(keys(schema)).toEqual(members.Report)
    expect(keys(d.check)).toEqual(members.CheckResult)
    expect(keys(d.check!.properties.tool)).toEqual(members.ToolInfo)
    expect(keys(d.finding)).toEqual(members.Finding)
    expect(keys(d.ruleMeta)).toEqual(members.RuleMeta)
    expect(keys(d.gate)).toEqual(members.GateResult)
    expect(keys(d.publishOutcome)).toEqual(members.PublishOutcome)
  })
})
