import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { countCases, decodeXml, parseJUnit } from '../../src/checks/junit.js'
import {
  caseFindings,
  failureLine,
  parseCoverageJson,
  pytestCheck
} from '../../src/checks/pytest.js'
import type { CheckOutcome } from '../../src/checks/check.js'
import type { CheckContext } from '../../src/checks/check.js'
import { PYTHON, RECORDED, contextFor, copyFixture } from '../support/check-context.js'

const rec = (f: string): string => readFileSync(path.join(RECORDED, f), 'utf8')

/** pytest's own terminal summary: "2 failed, 2 passed, 1 skipped, 1 xfailed, 1 error in 1.2s". */
function summary(text: string): Record<string, number> {
  const last = text.trim().split('\n').pop()!
  const out: Record<string, number> = {}
  for (const m of last.matchAll(/(\d+) (\w+)/g)) out[m[2]!.replace(/s$/, '')] = Number(m[1])
  return out
}

function gatesOf(out: CheckOutcome, ctx: CheckContext) {
  return pytestCheck.gates(
    { ...out, id: 'pytest', title: '', durationMs: 0, metrics: out.metrics ?? {} },
    ctx.config
  )
}

describe('JUnit and coverage parsers on recorded output', () => {
  it('counts like pytest does (xfail as skipped)', () => {
    const n = countCases(parseJUnit(rec('pytest-junit.xml')))
    const s = summary(rec('pytest-stdout.txt'))
    expect(n.passed).toBe(s.passed)
    expect(n.failed).toBe(s.failed)
    expect(n.errors).toBe(s.error)
    expect(n.skipped).toBe((s.skipped ?? 0) + (s.xfailed ?? 0))
    const suite = /<testsuite [^>]*tests="(\d+)"/.exec(rec('pytest-junit.xml'))!
    expect(n.total).toBe(Number(suite[1]))
  })

  it('one finding per failed or errored test, at the failing line of the test file', () => {
    const cases = parseJUnit(rec('pytest-junit.xml'))
    const findings = caseFindings(cases, '/proj')
    const src = readFileSync(
      path.resolve('__tests__/fixtures/pytest-project/tests/test_calc.py'),
      'utf8'
    ).split('\n')
    const wrong = findings.find(f => f.message.includes('test_add_wrong'))!
    expect(wrong).toMatchObject({ ruleId: 'test-failure', path: 'tests/test_calc.py' })
    expect(src[wrong.line - 1]).toContain('assert add(2, 2) == 5')
    expect(wrong.message).toMatch(/AssertionError: two and two$/)
    const fixture = findings.find(f => f.ruleId === 'test-error')!
    expect(fixture.message).toMatch(/fixture could not start/)
    expect(src[fixture.line - 1]).toContain('raise RuntimeError')
    const zero = findings.find(f => f.message.includes('test_div_by_zero'))!
    expect(src[zero.line - 1]).toContain('div(1, 0)')
    expect(findings).toHaveLength(3)
  })

  it('a collection error names the module and its import error', () => {
    const cases = parseJUnit(rec('pytest-collect-junit.xml'))
    const [f] = caseFindings(cases, '/proj')
    expect(f).toMatchObject({ ruleId: 'test-error', path: 'tests/test_broken_import.py', line: 1 })
    expect(f!.message).toMatch(/ModuleNotFoundError: No module named 'module_that_does_not_exist'/)
  })

  it('coverage totals', () => {
    const raw = JSON.parse(rec('pytest-coverage.json')).totals
    expect(parseCoverageJson(rec('pytest-coverage.json'))).toEqual({
      percent: raw.percent_covered,
      covered: raw.covered_lines,
      statements: raw.num_statements,
      missing: raw.missing_lines
    })
    expect(() => parseCoverageJson('{"meta":{}}')).toThrow()
  })

  it('XML odds and ends: entities, CDATA, self-closing cases, nested suites', () => {
    expect(decodeXml('a&lt;b&#10;&#x41;&amp;&quot;')).toBe('a<b\nA&"')
    const cases = parseJUnit(
      `<?xml version="1.0"?><testsuites><testsuite name="a"><testsuite name="b">
       <testcase classname="m" name="ok"/>
       <testcase classname='m' name='f' file='t.py' line='4'><failure message='x &gt; 1'><![CDATA[t.py:6: boom <x>]]></failure></testcase>
       <testcase classname="m" name="s"><skipped message="later"/></testcase>
       </testsuite></testsuite></testsuites>`
    )
    expect(cases.map(c => c.outcome)).toEqual(['passed', 'failed', 'skipped'])
    expect(cases[1]).toMatchObject({ message: 'x > 1', details: 't.py:6: boom <x>', line: 4 })
    expect(failureLine(cases[1]!, 't.py')).toBe(6)
    expect(() => parseJUnit('<html></html>')).toThrow()
  })
})

describe('pytest check on real projects', () => {
  it('reports tests, coverage and failures like pytest itself, and leaves nothing behind', async () => {
    const dir = copyFixture('pytest-project')
    const ctx = contextFor(dir)
    const out = await pytestCheck.run(ctx)
    expect(out.status).toBe('failed')
    const direct = copyFixture('pytest-project')
    const cov = path.join(mkdtempSync(path.join(os.tmpdir(), 'cov-')), 'c.json')
    const r = spawnSync(
      PYTHON,
      ['-m', 'pytest', '-p', 'no:cacheprovider', '--cov=src', `--cov-report=json:${cov}`, '-q'],
      { cwd: direct, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }
    )
    const s = summary(r.stdout.toString())
    const m = out.metrics as {
      tests: Record<string, number>
      coverage: { percent: number }
    }
    expect(m.tests).toMatchObject({ passed: s.passed, failed: s.failed, errors: s.error })
    expect(m.coverage.percent).toBeCloseTo(
      JSON.parse(readFileSync(cov, 'utf8')).totals.percent_covered,
      6
    )
    // The project's addopts --cov-fail-under=99 did not decide; the result came from the report.
    expect(out.findings).toHaveLength(s.failed! + s.error!)
    expect(readdirSync(dir).sort()).toEqual(['pyproject.toml', 'src', 'tests'])
    const gates = gatesOf(out, ctx)
    expect(gates.map(g => [g.id, g.status])).toEqual([
      ['tests', 'failed'],
      ['coverage', m.coverage.percent >= 95 ? 'passed' : 'failed']
    ])
  })

  it('a collection error: failed with the import error, no coverage', async () => {
    const dir = copyFixture('pytest-collect')
    const ctx = contextFor(dir)
    const out = await pytestCheck.run(ctx)
    expect(out.status).toBe('failed')
    expect(out.reason).toMatch(/interrupted/)
    expect(out.findings.map(f => f.path)).toEqual(['tests/test_broken_import.py'])
    expect(out.metrics).toMatchObject({ coverage: { percent: null } })
    expect(gatesOf(out, ctx).every(g => g.status === 'failed')).toBe(true)
  })

  it('no tests: passed, but the pass-rate gate fails', async () => {
    const dir = copyFixture('pytest-empty')
    const ctx = contextFor(dir)
    const out = await pytestCheck.run(ctx)
    expect(out).toMatchObject({ status: 'passed', reason: 'no tests were collected' })
    expect(out.metrics).toMatchObject({ tests: { total: 0, passRate: null } })
    const [tests] = gatesOf(out, ctx)
    expect(tests).toMatchObject({ id: 'tests', status: 'failed' })
    expect(tests!.message).toMatch(/no tests ran/)
  })

  it('only the test paths given', async () => {
    const dir = copyFixture('pytest-collect')
    const out = await pytestCheck.run(contextFor(dir, { 'test-paths': 'tests/test_fine.py' }))
    expect(out).toMatchObject({ status: 'passed', findings: [] })
    expect(out.metrics).toMatchObject({ tests: { total: 1, passed: 1 } })
  })

  it("a usage error is an error with pytest's reason", async () => {
    const dir = copyFixture('pytest-empty')
    const out = await pytestCheck.run(contextFor(dir, { 'test-paths': 'does-not-exist' }))
    expect(out.status).toBe('error')
    expect(out.reason).toMatch(/exited 4.*does-not-exist|does-not-exist/)
  })
})
