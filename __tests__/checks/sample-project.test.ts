// Acceptance on examples/sample-project: pymaint's counts equal the tools' own counts when run
// directly with the same flags, and a scan leaves the project's git status exactly as it was.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import { scan } from '../../src/engine.js'
import type { Report, CheckResult } from '../../src/findings/model.js'

const EXAMPLE = path.resolve('examples/sample-project')
const PY = execFileSync('python3', ['-c', 'import sys; print(sys.executable)']).toString().trim()

function copyExample(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-sample-'))
  cpSync(EXAMPLE, dir, { recursive: true })
  return dir
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com'
    }
  }).toString()
}

/** Runs a tool directly (argv, no shell) in dir and returns its output. */
function tool(dir: string, cmd: string, args: string[]): { out: string; err: string; rc: number } {
  const r = spawnSync(cmd, args, {
    cwd: dir,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', NO_COLOR: '1' }
  })
  return { out: r.stdout.toString(), err: r.stderr.toString(), rc: r.status ?? -1 }
}

function check(report: Report, id: string): CheckResult {
  const c = report.checks.find(x => x.id === id)
  if (!c) throw new Error(`no ${id} in report`)
  return c
}

let project: string
let before: string
let report: Report
let direct: string

beforeAll(async () => {
  process.env.PYMAINT_TOOLS_DIR = mkdtempSync(path.join(os.tmpdir(), 'pymaint-tools-'))
  project = copyExample()
  git(project, 'init', '-q')
  git(project, 'add', '-A')
  git(project, 'commit', '-qm', 'sample')
  before = git(project, 'status', '--porcelain', '--ignored')
  const config = loadConfig({
    explicit: { checks: 'ruff,ruff-format,mypy,pytest', python: PY, 'install-tools': 'never' },
    source: 'flag',
    workspace: project,
    project: '.',
    defaultOutDir: path.join(os.tmpdir(), 'unused-out')
  })
  report = await scan(config)
  direct = copyExample()
}, 300_000)

describe('sample project: pymaint equals the tools run directly', () => {
  it('ran every check', () => {
    for (const id of ['ruff', 'ruff-format', 'mypy', 'pytest'])
      expect(check(report, id).status).toBe('failed')
  })

  it('ruff: one finding per diagnostic', () => {
    const r = tool(direct, 'ruff', [
      'check',
      '--output-format',
      'concise',
      '--no-cache',
      '--no-fix',
      '--force-exclude',
      'src',
      'tests'
    ])
    const n = r.out.split('\n').filter(l => /^\S+:\d+:\d+: /.test(l)).length
    expect(n).toBeGreaterThan(0)
    expect(check(report, 'ruff').findings).toHaveLength(n)
  })

  it('ruff-format: one finding per Python file that would be reformatted', () => {
    const r = tool(direct, 'ruff', [
      'format',
      '--check',
      '--diff',
      '--no-cache',
      '--force-exclude',
      'src',
      'tests'
    ])
    const files = r.out
      .split('\n')
      .filter(l => l.startsWith('--- '))
      .map(l => l.slice(4).trim())
      .filter(f => f.endsWith('.py'))
    expect(files.length).toBeGreaterThan(0)
    const got = check(report, 'ruff-format').findings
    expect(got.map(f => f.path).sort()).toEqual(files.sort())
  })

  it('mypy: one finding per error', () => {
    const r = tool(direct, 'mypy', [
      '--strict',
      '--python-executable',
      PY,
      '--cache-dir',
      mkdtempSync(path.join(os.tmpdir(), 'mypy-direct-')),
      'src'
    ])
    const errors = r.out.split('\n').filter(l => /^\S+:\d+: error: /.test(l))
    const summary = /Found (\d+) errors? in/.exec(r.out)
    expect(Number(summary?.[1])).toBe(errors.length)
    const got = check(report, 'mypy').findings.filter(f => f.level === 'error')
    expect(got).toHaveLength(errors.length)
    expect(got.map(f => `${f.path}:${f.line}`).sort()).toEqual(
      errors.map(l => /^(\S+?):(\d+):/.exec(l)!.slice(1, 3).join(':')).sort()
    )
  })

  it('pytest: passed/failed and coverage percent', () => {
    const cov = path.join(mkdtempSync(path.join(os.tmpdir(), 'cov-direct-')), 'cov.json')
    const r = tool(direct, PY, [
      '-m',
      'pytest',
      '-p',
      'no:cacheprovider',
      '--cov=src',
      `--cov-report=json:${cov}`,
      '-q'
    ])
    const last = r.out.trim().split('\n').pop()!
    const count = (word: string): number =>
      Number(new RegExp(`(\\d+) ${word}`).exec(last)?.[1] ?? 0)
    const totals = JSON.parse(readFileSync(cov, 'utf8')).totals as { percent_covered: number }
    const m = check(report, 'pytest').metrics as {
      tests: { passed: number; failed: number; errors: number; skipped: number }
      coverage: { percent: number }
    }
    expect(count('failed')).toBeGreaterThan(0)
    expect(m.tests.passed).toBe(count('passed'))
    expect(m.tests.failed).toBe(count('failed'))
    expect(m.tests.errors).toBe(count('errors?'))
    expect(m.tests.skipped).toBe(count('skipped'))
    expect(m.coverage.percent).toBeCloseTo(totals.percent_covered, 6)
    expect(m.coverage.percent).toBeLessThan(95)
    expect(check(report, 'pytest').findings).toHaveLength(count('failed') + count('errors?'))
  })

  it('gates read the same figures', () => {
    const g = (id: string) => report.gates.find(x => x.id === id)!
    expect(g('lint').actual).toBe(check(report, 'ruff').findings.length)
    expect(g('types').status).toBe('failed')
    expect(g('coverage').status).toBe('failed')
    expect(g('tests').status).toBe('failed')
    expect(report.status).toBe('failing')
  })
})

describe('sample project: a scan leaves no trace', () => {
  it('git status --porcelain --ignored is unchanged (fix = true in [tool.ruff] too)', () => {
    expect(readFileSync(path.join(project, 'pyproject.toml'), 'utf8')).toMatch(/^fix = true$/m)
    expect(git(project, 'status', '--porcelain', '--ignored')).toBe(before)
    expect(git(project, 'diff', '--stat')).toBe('')
    // Not vacuous: the same tools run directly leave their data behind.
    expect(readdirSync(direct)).toContain('.coverage')
  })
})
