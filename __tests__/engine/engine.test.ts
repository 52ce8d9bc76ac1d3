// Engine mechanics: bounded concurrency, heaviest-first start, configured report order, a check
// that throws becomes `error` while the others still report, gates → verdict.
import { describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Check } from '../../src/checks/check.js'
import type { CheckResult } from '../../src/findings/model.js'

let checks: Check[] = []
jest.unstable_mockModule('../../src/checks/registry.js', () => ({
  checksFor: () => checks,
  builtinCheck: () => undefined
}))

describe('runPool', () => {
  it('never runs more than the limit at once and keeps item order', async () => {
    const { runPool } = await import('../../src/engine.js')
    let active = 0
    let peak = 0
    const out = await runPool([5, 1, 4, 2, 3, 0], 2, async n => {
      active++
      peak = Math.max(peak, active)
      await new Promise(r => setTimeout(r, n * 3))
      active--
      return n * 10
    })
    expect(peak).toBe(2)
    expect(out).toEqual([50, 10, 40, 20, 30, 0])
  })
})

describe('scan', () => {
  it('isolates a throwing check, reports in configured order, starts heavy checks first', async () => {
    const started: string[] = []
    const fake = (id: string, weight: number, behaviour: 'pass' | 'fail' | 'throw'): Check => ({
      id,
      title: id,
      weight,
      async run() {
        started.push(id)
        if (behaviour === 'throw') throw new Error('parser exploded')
        return {
          status: behaviour === 'fail' ? 'failed' : 'passed',
          tool: { name: id, version: '1.0' },
          findings:
            behaviour === 'fail'
              ? [
                  {
                    ruleId: 'X1',
                    level: 'error',
                    message: 'bad',
                    path: 'a.py',
                    line: 1,
                    column: 1,
                    fingerprint: ''
                  }
                ]
              : []
        }
      },
      gates(r: CheckResult) {
        return [
          {
            id: `${id}-gate`,
            check: id,
            passed: r.findings.length === 0,
            status: r.findings.length ? 'failed' : 'passed',
            actual: r.findings.length,
            threshold: 0,
            message: ''
          }
        ]
      }
    })
    checks = [fake('ruff', 1, 'fail'), fake('mypy', 5, 'throw'), fake('pytest', 9, 'pass')]
    const { scan } = await import('../../src/engine.js')
    const { loadConfig } = await import('../../src/config/load.js')
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-eng-'))
    mkdirSync(path.join(dir, 'src'))
    const config = loadConfig({
      explicit: { checks: 'ruff,mypy,pytest' },
      source: 'flag',
      workspace: dir,
      project: '.',
      defaultOutDir: path.join(dir, 'out')
    })
    const report = await scan(config, { concurrency: 1 })
    expect(started).toEqual(['pytest', 'mypy', 'ruff'])
    expect(report.checks.map(c => c.id)).toEqual(['ruff', 'mypy', 'pytest'])
    const mypy = report.checks.find(c => c.id === 'mypy')!
    expect(mypy.status).toBe('error')
    expect(mypy.reason).toMatch(/parser exploded/)
    expect(report.checks.find(c => c.id === 'ruff')!.findings[0]!.fingerprint).toMatch(/\S/)
    expect(report.gates.map(g => [g.id, g.status])).toEqual([
      ['ruff-gate', 'failed'],
      ['mypy', 'warning'],
      ['pytest-gate', 'passed']
    ])
    expect(report.status).toBe('failing')
  })
})
