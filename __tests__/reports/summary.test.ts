import { beforeAll, describe, expect, it } from '@jest/globals'
import type { CheckResult, Finding, Report } from '../../src/findings/model.js'
import { mdText } from '../../src/reports/markdown.js'
import { renderSummary, SUMMARY_LIMIT } from '../../src/reports/summary.js'
import { scanFixtureReport } from '../support/report-fixture.js'

let report: Report

beforeAll(async () => {
  ;({ report } = await scanFixtureReport())
})

function huge(n: number, messageLength: number): Report {
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    ruleId: `R${i % 97}`,
    level: i % 7 === 0 ? 'error' : 'warning',
    message: `m${i} ${'é'.repeat(messageLength)}`,
    path: `pkg/mod${i % 1000}.py`,
    line: i + 1,
    column: 1,
    fingerprint: `${i.toString(16)}:1`,
    helpUri: 'https://docs.astral.sh/ruff/'
  }))
  const check: CheckResult = { id: 'ruff', title: 'Lint (ruff)', status: 'failed', tool: { name: 'ruff', version: '0.16.9' }, durationMs: 10, findings, metrics: {} }
  return { ...report, checks: [check] }
}

describe('summary.md', () => {
  it('has the verdict, gates, counts per check and top findings of the real scan', () => {
    const md = renderSummary(report)
    expect(md.startsWith('## pymaint: ❌ failing\n')).toBe(true)
    expect(md).toContain('| ❌ | coverage | pytest | 71.4 | 80 | coverage 71.4%, below 80% |')
    const ruff = report.checks[0]!
    expect(md).toContain(`| ❌ | Lint (ruff) | failed | ${ruff.findings.length} | 0 | 0 | ruff ${ruff.tool.version} |`)
    expect(md).toContain('| ⚠️ | Structure | error | 0 | 0 | 0 |')
    expect(md).toContain('[F401](https://docs.astral.sh/ruff/rules/unused-import)')
    // Most severe first: bandit's high-severity B602 leads the errors.
    const rows = md.split('\n').filter(l => /^\| 🔴|^\| 🟡|^\| 🔵/.test(l))
    expect(rows[0]).toContain('B602')
    expect(rows.at(-1)).toMatch(/^\| 🔵 note/)
  })

  it('links findings to the file at the commit and lists publisher results', () => {
    const md = renderSummary(
      {
        ...report,
        run: { repository: 'o/r', sha: 'abc123', ref: 'refs/heads/main', runId: '9', url: 'https://github.com/o/r/actions/runs/9', event: 'push' },
        publish: [
          { id: 'pages', result: 'done', url: 'https://o.github.io/r/' },
          { id: 'slack', result: 'skipped', reason: 'no webhook' },
          { id: 'issue', result: 'failed', reason: 'HTTP 403 <b>forbidden</b>', url: 'javascript:alert(1)' }
        ]
      },
      { prefix: 'sub/' }
    )
    expect(md).toContain('[src/shop/cart.py:19](https://github.com/o/r/blob/abc123/sub/src/shop/cart.py#L19)')
    expect(md).toContain('[run 9](https://github.com/o/r/actions/runs/9)')
    expect(md).toContain('| ✅ | pages | done | [https://o.github.io/r/](https://o.github.io/r/) |')
    expect(md).toContain('| ⏭️ | slack | skipped | no webhook |')
    expect(md).toContain('| ❌ | issue | failed | javascript:alert(1) · HTTP 403 &lt;b&gt;forbidden&lt;/b&gt; |')
    expect(md).not.toContain('](javascript:')
  })

  it('escapes Markdown and HTML from tools', () => {
    const evil = '<img src=x onerror=alert(1)> | [click](javascript:alert(1)) **b** `c`\n## heading'
    const t = mdText(evil)
    expect(t).toBe('&lt;img src=x onerror=alert(1)&gt; \\| \\[click\\](javascript:alert(1)) \\*\\*b\\*\\* \\`c\\` ## heading')
    const r = huge(1, 1)
    r.checks[0]!.findings[0]!.message = evil
    r.checks[0]!.findings[0]!.path = 'a|b<script>.py'
    const md = renderSummary(r)
    expect(md).not.toMatch(/<img|<script/)
    expect(md).toContain('a\\|b&lt;script&gt;.py:1')
    // Every table row keeps its column count.
    const row = md.split('\n').find(l => l.includes('onerror'))!
    expect(row.split(/(?<!\\)\|/).length).toBe(7)
  })

  it('stays under 1 MiB for a huge report, with a truncation note', () => {
    const md = renderSummary(huge(100_000, 400), { topFindings: 100_000 })
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(Buffer.byteLength(md, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT - 10_000)
    expect(md).toMatch(/✂️ The summary was cut to stay under GitHub's 1024 KiB limit; \d+ of 100000 findings are listed/)
    expect(md.trimEnd().endsWith('in the report directory (and the workflow artifact).')).toBe(true)
  })

  it('cuts even an overview that alone is too big', () => {
    const r = huge(10, 1)
    r.gates = Array.from({ length: 20_000 }, (_, i) => ({ id: `g${i}`, check: 'ruff', passed: false, status: 'failed' as const, actual: i, threshold: 0, message: 'x'.repeat(100) }))
    const md = renderSummary(r)
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(md).toContain('✂️ The summary was cut')
  })

  it('lists a bounded number of findings by default', () => {
    const md = renderSummary(huge(5_000, 10))
    expect(md).toContain('### Top findings (30 of 5000, most severe first)')
    expect(md).not.toContain('✂️')
  })
})
