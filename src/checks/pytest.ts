// pytest + coverage in the project's environment: results from JUnit XML and coverage JSON
// written to the check's temp dir (never the project), one finding per failed or errored test.
import { existsSync } from 'node:fs'
import { readFile, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Check, CheckOutcome, CheckContext } from './check.js'
import { errorOutcome, locateTool } from './check.js'
import type { Finding, RuleMeta, CheckResult, GateResult } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { minGate } from '../gates.js'
import { run, toolEnv } from '../tools/exec.js'
import { firstLine } from '../tools/resolve.js'
import { relPath } from './paths.js'
import { countCases, parseJUnit, type JUnitCase, type TestCounts } from './junit.js'

export const PYTEST = {
  name: 'pytest',
  module: 'pytest',
  pip: ['pytest', 'pytest-cov'],
  requires: ['pytest_cov'],
  projectEnv: true
}
const INFO_URI = 'https://docs.pytest.org/'

export interface CoverageTotals {
  percent: number
  covered: number
  statements: number
  missing: number
}

/** `coverage json` totals (percent_covered includes branches when branch coverage is on). */
export function parseCoverageJson(text: string): CoverageTotals {
  const d = JSON.parse(text) as { totals?: Record<string, unknown> }
  const t = d.totals
  if (!t || typeof t.percent_covered !== 'number') throw new Error('no totals.percent_covered')
  const num = (k: string): number => (typeof t[k] === 'number' ? (t[k] as number) : 0)
  return {
    percent: t.percent_covered,
    covered: num('covered_lines'),
    statements: num('num_statements'),
    missing: num('missing_lines')
  }
}

/** The line in the test file where it failed: the traceback's frame in that file, else its def. */
export function failureLine(c: JUnitCase, file: string | undefined): number {
  if (file) {
    const base = file.split('/').pop()!
    for (const m of c.details.matchAll(/^\s*(\S[^\n:]*?):(\d+):/gm)) {
      const p = m[1]!.replace(/\\/g, '/')
      if (p === file || p.endsWith(`/${file}`) || (p.endsWith(`/${base}`) && !file.includes('/')))
        return Number(m[2])
    }
  }
  return c.line !== undefined ? c.line + 1 : 0
}

/** First meaningful line of a failure: the message, or the traceback's `E   ` line. */
export function failureMessage(c: JUnitCase): string {
  const msg = c.message.split('\n')[0]!.trim()
  if (msg && msg !== 'collection failure') return msg
  const e = /^E\s+(.+)$/m.exec(c.details)
  return e ? e[1]!.trim() : msg || (c.outcome === 'error' ? 'test error' : 'test failed')
}

export function caseFindings(cases: JUnitCase[], root: string): Finding[] {
  const out: Finding[] = []
  for (const c of cases) {
    if (c.outcome !== 'failed' && c.outcome !== 'error') continue
    const file = c.file ? relPath(root, c.file) : undefined
    const collection = !c.classname && c.message === 'collection failure'
    const id = collection ? c.name : `${c.classname}::${c.name}`
    out.push({
      ruleId: c.outcome === 'failed' ? 'test-failure' : 'test-error',
      level: 'error',
      message: `${collection ? 'collection of' : c.outcome === 'failed' ? 'test' : 'error in'} ${id}: ${failureMessage(c)}`,
      path: file ?? '',
      line: failureLine(c, file),
      column: 0,
      fingerprint: '',
      helpUri: INFO_URI,
      snippet: c.details.slice(0, 4000) || undefined,
      properties: { test: id, classname: c.classname, name: c.name }
    })
  }
  return out
}

const RULES: Record<string, RuleMeta> = {
  'test-failure': {
    id: 'test-failure',
    name: 'test-failure',
    shortDescription: 'A test failed',
    fullDescription: 'An assertion or an exception in the test body made it fail.',
    help: 'Run the test locally with `pytest -x <file>::<test>` and fix the code or the test.',
    helpUri: INFO_URI
  },
  'test-error': {
    id: 'test-error',
    name: 'test-error',
    shortDescription: 'A test errored (setup, teardown or collection)',
    fullDescription:
      'The test could not run: a fixture failed, or its module could not be imported (collection error).',
    help: 'Read the traceback: usually an import error or a broken fixture.',
    helpUri: INFO_URI
  }
}

/** Tool caches a test run may leave at the project root that no flag turns off everywhere. */
const RUN_LEFTOVERS = [
  /^\.pytest_cache$/,
  /^\.coverage(\..+)?$/,
  /^\.benchmarks$/,
  /^\.hypothesis$/
]

async function rootEntries(root: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(root))
  } catch {
    return new Set()
  }
}

/** Removes what this run created at the root and nothing that was there before. */
async function removeLeftovers(root: string, before: Set<string>): Promise<string[]> {
  const removed: string[] = []
  for (const e of await rootEntries(root)) {
    if (before.has(e) || !RUN_LEFTOVERS.some(r => r.test(e))) continue
    await rm(path.join(root, e), { recursive: true, force: true })
    removed.push(e)
  }
  return removed
}

export function passRate(t: TestCounts): number | null {
  const ran = t.total - t.skipped
  return ran > 0 ? (t.passed / ran) * 100 : null
}

export const pytestCheck: Check = {
  id: 'pytest',
  title: 'Tests and coverage (pytest)',
  weight: 6,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const found = await locateTool(ctx, PYTEST, INFO_URI)
    if (!found.ok) return found.outcome
    const { t, tool } = found
    const { config } = ctx
    const junit = path.join(ctx.tmpDir, 'junit.xml')
    const covJson = path.join(ctx.tmpDir, 'coverage.json')
    const args = [
      ...t.prefix,
      '-p',
      'no:cacheprovider',
      // xunit1 carries each test's file and line.
      '-o',
      'junit_family=xunit1',
      `--junitxml=${junit}`,
      ...config.coverageSource.map(s => `--cov=${s}`),
      `--cov-report=json:${covJson}`,
      '--cov-report=',
      // The project's own fail-under would turn a pass into exit 1; pymaint's gate decides.
      '--cov-fail-under=0',
      '--color=no',
      ...config.testPaths
    ]
    const command = [t.command, ...args]
    const before = await rootEntries(config.root)
    const r = await run(t.command, args, {
      cwd: config.root,
      env: toolEnv({ ...t.env, COVERAGE_FILE: path.join(ctx.tmpDir, '.coverage') }),
      timeoutMs: config.timeoutMs
    })
    const removed = await removeLeftovers(config.root, before)
    if (removed.length) ctx.log(`pytest: removed ${removed.join(', ')} left in the project`)
    if (r.timedOut || r.spawnError)
      return errorOutcome(
        tool,
        `pytest ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`,
        command
      )
    // 0 passed, 1 failures, 2 interrupted (collection errors), 5 no tests: all report in XML.
    if (![0, 1, 2, 5].includes(r.exitCode) || !existsSync(junit)) {
      const why =
        r.stderr.split('\n').find(l => /error/i.test(l)) ?? firstLine(r.stderr || r.stdout)
      return errorOutcome(
        tool,
        `pytest exited ${r.exitCode}${existsSync(junit) ? '' : ' without a JUnit report'}: ${why.trim() || firstLine(r.stdout)}`,
        command
      )
    }
    let cases: JUnitCase[]
    try {
      cases = parseJUnit(await readFile(junit, 'utf8'))
    } catch (e) {
      return errorOutcome(
        tool,
        `pytest's JUnit report is unreadable: ${(e as Error).message}`,
        command
      )
    }
    const tests = countCases(cases)
    let coverage: CoverageTotals | null = null
    let coverageNote = ''
    if (existsSync(covJson)) {
      try {
        coverage = parseCoverageJson(await readFile(covJson, 'utf8'))
      } catch (e) {
        coverageNote = `coverage report unreadable: ${(e as Error).message}`
      }
    } else coverageNote = 'no coverage data (the test run stopped before measuring)'
    const findings = caseFindings(cases, config.root)
    let reason: string | undefined
    if (r.exitCode === 2)
      reason = `pytest was interrupted (${tests.errors} error(s) during collection); ${tests.passed + tests.failed} test(s) ran`
    else if (r.exitCode === 5 || tests.total === 0) reason = 'no tests were collected'
    else if (r.exitCode === 1 && findings.length === 0)
      reason = `pytest exited 1 but its report shows no failure: ${firstLine(r.stdout.split('\n').slice(-3).join('\n'))}`
    const rate = passRate(tests)
    return {
      status: findings.length || r.exitCode === 2 ? 'failed' : 'passed',
      reason: reason ?? (coverageNote || undefined),
      tool,
      findings,
      rules: Object.fromEntries(
        [...new Set(findings.map(f => f.ruleId))].map(id => [id, RULES[id]!])
      ),
      command,
      metrics: {
        tests: { ...tests, passRate: rate === null ? null : Math.round(rate * 100) / 100 },
        coverage: coverage ?? {
          percent: null,
          covered: null,
          statements: null,
          missing: null
        }
      }
    }
  },
  gates(result: CheckResult, config: Config): GateResult[] {
    const m = result.metrics as {
      tests?: TestCounts & { passRate?: number | null }
      coverage?: { percent?: number | null }
    }
    const tests = m.tests
    const rate = tests ? passRate(tests) : null
    const testsGate = minGate('tests', 'pytest', rate, config.thresholds.testPassRate, 'pass rate')
    if (rate === null)
      testsGate.message = `no tests ran (at least ${config.thresholds.testPassRate}% must pass)`
    const pct = m.coverage?.percent
    const covGate = minGate(
      'coverage',
      'pytest',
      typeof pct === 'number' ? pct : null,
      config.thresholds.coverage,
      'line coverage'
    )
    return [testsGate, covGate]
  }
}
