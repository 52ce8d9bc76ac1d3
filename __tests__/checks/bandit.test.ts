// bandit on a fixture with known problems, compared with the real bandit run directly; sharded
// runs against one process; the ≥ 1.7 JSON format on a sample shaped like bandit's documented output.
import { describe, expect, it, beforeAll } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import type { Config } from '../../src/config/types.js'
import { scan } from '../../src/engine.js'
import { run } from '../../src/tools/exec.js'
import { ToolResolver } from '../../src/tools/resolve.js'
import { banditScan, banditSettings, banditArgs } from '../../src/checks/bandit.js'
import { banditFindings, parseBanditJson, securityGate } from '../../src/checks/bandit-parse.js'
import { MIN_SHARD_BYTES, shardCount, splitShards } from '../../src/checks/bandit-shards.js'
import type { Finding } from '../../src/findings/model.js'
import { writeReports } from '../../src/reports/write.js'
import { validateSarif } from '../support/sarif-validator.js'
import { readFileSync } from 'node:fs'

const FIXTURE = path.resolve('__tests__/fixtures/security-project')

function config(extra: Record<string, string> = {}): Config {
  return loadConfig({
    explicit: { checks: 'bandit', ...extra },
    source: 'flag',
    workspace: FIXTURE,
    project: '.',
    defaultOutDir: mkdtempSync(path.join(os.tmpdir(), 'pymaint-out-'))
  })
}

function ctx(c: Config) {
  return {
    config: c,
    tools: new ToolResolver(c),
    tmpDir: mkdtempSync(path.join(os.tmpdir(), 'pymaint-bandit-')),
    cacheDir: os.tmpdir(),
    log: () => undefined
  }
}

/** rule ids per file, as "path": ["B301", ...] sorted. */
function byFile(items: { path: string; rule: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const i of items) (out[i.path] ??= []).push(i.rule)
  for (const k of Object.keys(out)) out[k]!.sort()
  return out
}

interface Direct {
  results: { filename: string; test_id: string }[]
  errors: { filename: string }[]
}

async function banditDirect(args: string[]): Promise<Direct> {
  const r = await run('bandit', ['-f', 'json', '-q', ...args], { cwd: FIXTURE, timeoutMs: 60_000 })
  return JSON.parse(r.stdout) as Direct
}

describe('bandit check on the security fixture', () => {
  let direct: Direct
  beforeAll(async () => {
    // What a user runs by hand with the fixture's .bandit; its exclude_dirs key needs -x (below).
    direct = await banditDirect(['-r', 'src', '--ini', '.bandit', '-x', 'src/secproj/vendored/'])
  })

  it('reports in report.json exactly what the real bandit run reports (count and rule ids per file)', async () => {
    const report = await scan(config())
    const check = report.checks.find(c => c.id === 'bandit')!
    expect(check.status).toBe('failed')
    const ours = check.findings.filter(f => f.ruleId !== 'bandit-parse-error')
    expect(ours.length).toBe(direct.results.length)
    expect(byFile(ours.map(f => ({ path: f.path, rule: f.ruleId })))).toEqual(
      byFile(direct.results.map(r => ({ path: r.filename, rule: r.test_id })))
    )
    // The file bandit cannot parse is a finding, not hidden.
    const parseErrors = check.findings.filter(f => f.ruleId === 'bandit-parse-error')
    expect(parseErrors.map(f => f.path)).toEqual(direct.errors.map(e => e.filename))
    expect(parseErrors.map(f => f.path)).toEqual(['src/secproj/broken.py'])
    expect(check.rules?.B602?.securitySeverity).toBe(8)
    expect(check.rules?.B602?.helpUri).toMatch(/^https:\/\/bandit\.readthedocs\.io\//)
    const gate = report.gates.find(g => g.id === 'security')!
    expect(gate.status).toBe('failed')
    expect(report.status).toBe('failing')
  })

  it('honours .bandit: skips B101, and exclude_dirs (which bandit 1.6.2 itself ignores in --ini)', async () => {
    const plain = await banditDirect(['-r', 'src', '--ini', '.bandit'])
    // Verified behaviour of the installed bandit: exclude_dirs in .bandit has no effect ...
    expect(plain.results.some(r => r.filename.includes('vendored'))).toBe(true)
    expect(plain.results.some(r => r.test_id === 'B101')).toBe(false)
    // ... so pymaint passes it as -x itself.
    const s = banditSettings(FIXTURE, null)
    expect(banditArgs(s, '1.6.2')).toEqual(
      expect.arrayContaining(['--ini', '.bandit', '-x', 'src/secproj/vendored/'])
    )
    const out = await banditScan(ctx(config()), { shards: 1 })
    expect(out.findings.some(f => f.path.includes('vendored'))).toBe(false)
    expect(out.findings.some(f => f.ruleId === 'B101')).toBe(false)
  })

  it('a sharded run gives exactly the findings of one process', async () => {
    const one = await banditScan(ctx(config()), { shards: 1 })
    const strip = (fs: Finding[]) => fs.map(f => ({ ...f }))
    for (const n of [2, 3, 5]) {
      const sharded = await banditScan(ctx(config()), { shards: n })
      expect(sharded.metrics?.shards).toBe(n)
      expect(strip(sharded.findings)).toEqual(strip(one.findings))
      expect(sharded.metrics?.linesOfCode).toBe(one.metrics?.linesOfCode)
    }
    expect(one.findings.length).toBe(direct.results.length + direct.errors.length)
  })

  it('maps severity to level and gates on severity and confidence thresholds', async () => {
    const out = await banditScan(ctx(config()), { shards: 1 })
    const levels = new Set(
      out.findings.filter(f => f.severity).map(f => `${f.severity}:${f.level}`)
    )
    expect([...levels].sort()).toEqual(['high:error', 'low:note', 'medium:warning'])
    const high = config({ 'security-fail-severity': 'high' })
    const nHigh = out.findings.filter(f => f.severity === 'high').length
    expect(nHigh).toBeGreaterThan(0)
    expect(securityGate(out.findings, high).actual).toBe(nHigh)
    // Findings below the fail severity alone make the gate a warning, not a failure.
    const lows = out.findings.filter(f => f.severity === 'low')
    const onlyLow = securityGate(lows, config())
    expect(onlyLow.status).toBe('warning')
    expect(onlyLow.passed).toBe(true)
  })
})

describe('bandit shard planning', () => {
  it('shards only when every shard gets MIN_SHARD_BYTES, at most one per core and per file', () => {
    expect(shardCount(MIN_SHARD_BYTES * 2 - 1, 2, 100)).toBe(1)
    expect(shardCount(MIN_SHARD_BYTES * 2, 2, 100)).toBe(2)
    expect(shardCount(MIN_SHARD_BYTES * 10, 4, 100)).toBe(4)
    expect(shardCount(MIN_SHARD_BYTES * 10, 4, 3)).toBe(3)
    expect(shardCount(MIN_SHARD_BYTES * 10, 1, 100)).toBe(1)
  })

  it('balances shards by size and keeps every file exactly once', () => {
    const files = [900, 500, 400, 300, 200, 100, 100].map((size, i) => ({ path: `f${i}.py`, size }))
    const shards = splitShards(files, 2)
    const sums = shards.map(s => s.reduce((n, f) => n + f.size, 0))
    expect(sums.sort()).toEqual([1200, 1300])
    expect(
      shards
        .flat()
        .map(f => f.path)
        .sort()
    ).toEqual(files.map(f => f.path).sort())
  })
})

describe('bandit SARIF', () => {
  it('passes sarif-multitool (Sarif;Gh) and carries security-severity and helpUri per rule', async () => {
    const c = config()
    const written = await writeReports(await scan(c), c)
    const file = written.sarif.bandit!
    expect((await validateSarif(file)).errors).toEqual([])
    const log = JSON.parse(readFileSync(file, 'utf8')) as {
      runs: {
        tool: {
          driver: {
            rules: { id: string; helpUri?: string; properties?: Record<string, unknown> }[]
          }
        }
      }[]
    }
    const b602 = log.runs[0]!.tool.driver.rules.find(r => r.id === 'B602')!
    expect(b602.properties?.['security-severity']).toBe('8.0')
    expect(b602.helpUri).toMatch(/b602/)
  })
})

describe('bandit JSON formats', () => {
  it('parses the bandit ≥ 1.7 documented format (col_offset, end_col_offset, issue_cwe)', () => {
    // bandit ≥ 1.7 `-f json` result fields as documented (col_offset, end_col_offset, issue_cwe);
    // bandit 1.6.2 here cannot produce them, so this is a hand-written sample of that format.
    const sample = JSON.stringify({
      errors: [],
      generated_at: '2024-05-01T10:00:00Z',
      metrics: { _totals: { loc: 12, nosec: 0 } },
      results: [
        {
          code: '4 \n5 subprocess.call(cmd, shell=True)\n',
          col_offset: 4,
          end_col_offset: 36,
          filename: './app/run.py',
          issue_confidence: 'HIGH',
          issue_cwe: { id: 78, link: 'https://cwe.mitre.org/data/definitions/78.html' },
          issue_severity: 'HIGH',
          issue_text: 'subprocess call with shell=True identified, security issue.',
          line_number: 5,
          line_range: [5, 6],
          more_info:
            'https://bandit.readthedocs.io/en/1.7.8/plugins/b602_subprocess_popen_with_shell_equals_true.html',
          test_id: 'B602',
          test_name: 'subprocess_popen_with_shell_equals_true'
        }
      ]
    })
    const [f] = banditFindings(parseBanditJson(sample), '/proj')
    expect(f).toMatchObject({
      ruleId: 'B602',
      level: 'error',
      path: 'app/run.py',
      line: 5,
      column: 5,
      endLine: 6,
      endColumn: 37,
      severity: 'high',
      confidence: 'high'
    })
    expect(f!.properties?.cwe).toBe('CWE-78')
  })

  it('rejects output that is not bandit JSON', () => {
    expect(() => parseBanditJson('{"oops": 1}')).toThrow(/results/)
  })
})
