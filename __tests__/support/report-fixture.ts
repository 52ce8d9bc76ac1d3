// A Report from a real scan (real ruff on __tests__/fixtures/reports-project, copied to a temp
// dir) plus check results shaped like the real mypy, bandit, pytest and pip-audit output.
import { cpSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../../src/config/load.js'
import type { Config } from '../../src/config/types.js'
import { scan } from '../../src/engine.js'
import { fingerprintFindings } from '../../src/findings/fingerprints.js'
import type { CheckResult, Report } from '../../src/findings/model.js'
import { maxGate, minGate, verdictOf } from '../../src/gates.js'

const here = path.dirname(fileURLToPath(import.meta.url))
export const FIXTURES = path.join(here, '..', 'fixtures')

export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pymaint-${name}-`))
  cpSync(path.join(FIXTURES, name), dir, { recursive: true })
  return dir
}

export function fixtureConfig(root: string, checks = 'ruff'): Config {
  return loadConfig({
    explicit: { checks },
    source: 'flag',
    workspace: root,
    project: '.',
    defaultOutDir: path.join(root, '..', `${path.basename(root)}-out`)
  })
}

/** mypy-, bandit-, pytest- and pip-audit-shaped results for the reports-project files. */
export function syntheticChecks(): CheckResult[] {
  const mypy: CheckResult = {
    id: 'mypy',
    title: 'Types (mypy)',
    status: 'failed',
    tool: { name: 'mypy', version: '2.4.0', informationUri: 'https://mypy.readthedocs.io/' },
    durationMs: 2100,
    findings: [
      // mypy's -1 column (function-level errors) becomes 0; 0-based 0 becomes 1.
      {
        ruleId: 'no-untyped-def',
        level: 'error',
        message: 'Function is missing a type annotation',
        path: 'src/shop/cart.py',
        line: 5,
        column: 0,
        fingerprint: '',
        helpUri: 'https://mypy.readthedocs.io/en/stable/_refs.html#code-no-untyped-def',
        hint: 'Use "-> None" if function does not return a value'
      },
      // A column past the end of a non-ASCII line (mypy counts bytes there).
      {
        ruleId: 'operator',
        level: 'error',
        message: 'Unsupported operand types for + ("str" and "int")',
        path: 'src/shop/cart.py',
        line: 13,
        column: 60,
        endLine: 13,
        endColumn: 70,
        fingerprint: ''
      },
      {
        ruleId: 'note',
        level: 'note',
        message: 'See https://mypy.rtfd.io/en/stable/_refs.html',
        path: 'src/shop/cart.py',
        line: 17,
        column: 1,
        fingerprint: ''
      }
    ],
    metrics: { errors: 2 },
    rules: {
      'no-untyped-def': {
        id: 'no-untyped-def',
        shortDescription: 'Check that every function has an annotation',
        helpUri: 'https://mypy.readthedocs.io/en/stable/error_code_list2.html'
      }
    }
  }
  const bandit: CheckResult = {
    id: 'bandit',
    title: 'Security (bandit)',
    status: 'failed',
    tool: { name: 'bandit', version: '1.6.2' },
    durationMs: 900,
    findings: [
      {
        ruleId: 'B602',
        level: 'error',
        message: 'subprocess call with shell=True identified, security issue.',
        path: 'src/shop/cart.py',
        line: 19,
        column: 0,
        fingerprint: '',
        severity: 'high',
        confidence: 'high',
        helpUri:
          'https://bandit.readthedocs.io/en/latest/plugins/b602_subprocess_popen_with_shell_equals_true.html',
        snippet: '18     try:\n19         return subprocess.call(cmd, shell=True)\n20     except:\n'
      },
      {
        ruleId: 'B404',
        level: 'note',
        message: 'Consider possible security implications associated with subprocess module.',
        path: 'src/shop/cart.py',
        line: 2,
        column: 0,
        fingerprint: '',
        severity: 'low',
        confidence: 'high',
        helpUri:
          'https://bandit.readthedocs.io/en/latest/blacklists/blacklist_imports.html#b404-import-subprocess'
      }
    ],
    metrics: { high: 1, medium: 0, low: 1 },
    rules: {
      B602: {
        id: 'B602',
        name: 'subprocess_popen_with_shell_equals_true',
        shortDescription: 'subprocess call with shell=True',
        securitySeverity: 8.0,
        helpUri:
          'https://bandit.readthedocs.io/en/latest/plugins/b602_subprocess_popen_with_shell_equals_true.html'
      }
    }
  }
  const pipAudit: CheckResult = {
    id: 'pip-audit',
    title: 'Vulnerable dependencies (pip-audit)',
    status: 'failed',
    tool: { name: 'pip-audit', version: '2.10.0' },
    durationMs: 3000,
    findings: [
      {
        ruleId: 'PYSEC-2019-217',
        level: 'error',
        message:
          'jinja2 2.10: In Pallets Jinja before 2.10.1, str.format_map allows a sandbox escape.',
        path: '',
        line: 0,
        column: 0,
        fingerprint: '',
        hint: 'Upgrade to 2.10.1',
        properties: {
          package: 'jinja2',
          version: '2.10',
          fixVersions: ['2.10.1'],
          aliases: ['CVE-2019-10906']
        }
      },
      {
        ruleId: 'PYSEC-2018-28',
        level: 'error',
        message:
          'requests 2.19.0: Requests before 2.20.0 sends an HTTP Authorization header to an http URI upon receiving a same-hostname https-to-http redirect.',
        path: '',
        line: 0,
        column: 0,
        fingerprint: '',
        properties: { package: 'requests', version: '2.19.0', fixVersions: ['2.20.0'] }
      }
    ],
    metrics: { vulnerabilities: 2, packages: 2 }
  }
  const pytest: CheckResult = {
    id: 'pytest',
    title: 'Tests (pytest)',
    status: 'failed',
    tool: { name: 'pytest', version: '9.0.0' },
    durationMs: 1500,
    findings: [
      {
        ruleId: 'test-failed',
        level: 'error',
        message: 'tests/test_cart.py::test_total_wrong: assert 3 == 4',
        path: 'tests/test_cart.py',
        line: 9,
        column: 0,
        fingerprint: '',
        snippet: '    assert total([1, 2]) == 4'
      }
    ],
    metrics: { coverage: { percent: 71.4 }, tests: { passed: 1, failed: 1, errors: 0, skipped: 0 } }
  }
  const structure: CheckResult = {
    id: 'structure',
    title: 'Structure',
    status: 'error',
    reason: 'structure script exited 3: boom',
    tool: { name: 'pymaint-structure', version: null },
    durationMs: 5,
    findings: [],
    metrics: {}
  }
  return [structure, mypy, bandit, pytest, pipAudit]
}

/** A Report from really scanning reports-project with ruff, plus the synthetic checks. */
export async function scanFixtureReport(): Promise<{
  report: Report
  config: Config
  root: string
}> {
  const root = copyFixture('reports-project')
  const config = fixtureConfig(root)
  const report = await scan(config)
  const extra = syntheticChecks()
  for (const c of extra) await fingerprintFindings(c.findings, root)
  report.checks.push(...extra)
  report.gates.push(
    maxGate('type-errors', 'mypy', 2, 0, 'type errors'),
    maxGate('security', 'bandit', 1, 0, 'high-severity security issues'),
    minGate('coverage', 'pytest', 71.4, 80, 'coverage'),
    maxGate('vulnerabilities', 'pip-audit', 2, 0, 'vulnerable packages')
  )
  report.status = verdictOf(report.gates)
  return { report, config, root }
}
