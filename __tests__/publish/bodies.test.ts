import { describe, expect, it } from '@jest/globals'
import { renderIssueBody, topFindings } from '../../src/publish/issue-body.js'
import { renderCleanupBody, CLEANUP_MARKER, planDigest } from '../../src/publish/cleanup.js'
import { decodeMarker } from '../../src/publish/notify-state.js'
import { md, code } from '../../src/publish/markdown.js'
import { planCleanup } from '../../src/cleanup/safe-list.js'
import type { Finding, Report } from '../../src/findings/model.js'

function finding(ruleId: string, level: Finding['level'], message: string): Finding {
  return { ruleId, level, message, path: 'src/a.py', line: 3, column: 1, fingerprint: 'x' }
}

const report: Report = {
  schemaVersion: 1,
  status: 'failing',
  generatedAt: '2026-12-01T00:00:00.000Z',
  durationMs: 1,
  pymaint: { version: '0.1.0' },
  project: { name: 'demo', root: '/x' },
  checks: [
    {
      id: 'mypy',
      title: 'mypy',
      status: 'passed',
      tool: { name: 'mypy', version: '2.4.0' },
      durationMs: 1,
      findings: [finding('note-rule', 'note', 'a note')],
      metrics: {}
    },
    {
      id: 'ruff',
      title: 'ruff check',
      status: 'failed',
      tool: { name: 'ruff', version: '0.16.9' },
      durationMs: 1,
      findings: [
        finding('E501', 'warning', 'line too long'),
        finding('F401', 'error', '`os` imported but unused; cc @octocat <b>|x|</b>')
      ],
      metrics: {}
    }
  ],
  gates: [
    {
      id: 'lint',
      check: 'ruff',
      passed: false,
      status: 'failed',
      actual: 2,
      threshold: 0,
      message: '2 ruff violations, at most 0 allowed'
    }
  ],
  run: {
    repository: 'o/r',
    sha: 'abc',
    ref: 'refs/heads/main',
    runId: '9',
    url: 'https://github.com/o/r/actions/runs/9',
    event: 'schedule'
  }
}

describe('issue body', () => {
  it('puts failing checks and errors first among the top findings', () => {
    expect(topFindings(report).map(f => f.ruleId)).toEqual(['F401', 'E501', 'note-rule'])
  })

  it('renders gates, escaped findings, links and the marker', () => {
    const body = renderIssueBody(
      report,
      [
        {
          id: 'artifact',
          result: 'done',
          url: 'https://github.com/o/r/actions/runs/9/artifacts/1'
        },
        { id: 'pages', result: 'failed', url: 'https://o.github.io/r/' }
      ],
      { v: 1, verdict: 'failing', failingGates: ['lint'] }
    )
    expect(body).toContain('## ❌ Verdict: failing')
    expect(body).toContain('| lint | failed | 2 | 0 | 2 ruff violations, at most 0 allowed |')
    expect(body).toContain('@\u200boctocat')
    expect(body).not.toContain('<b>')
    expect(body).toContain('[Workflow run 9](https://github.com/o/r/actions/runs/9)')
    expect(body).toContain(
      '[`src/a.py:3`](https://github.com/o/r/blob/abc/src/a.py#L3) error **F401**'
    )
    expect(body).toContain('[Report artifact](https://github.com/o/r/actions/runs/9/artifacts/1)')
    expect(body).not.toContain('o.github.io')
    expect(decodeMarker(body)).toEqual({ v: 1, verdict: 'failing', failingGates: ['lint'] })
  })
})

describe('cleanup body', () => {
  it('groups by pattern, lists repository paths and ends with the marker', () => {
    const plan = planCleanup(['a/__pycache__/x.pyc', 'a/__pycache__/y.pyc', '.DS_Store'], {
      extend: [],
      exclude: [],
      gitignore: true
    })
    const body = renderCleanupBody(plan, 'proj')
    expect(body).toContain(
      '| `__pycache__/` | Python bytecode cache, rebuilt by the interpreter | 2 |'
    )
    expect(body).toContain('- `proj/a/__pycache__/x.pyc`')
    expect(body).toContain('to `proj/.gitignore`')
    expect(body).toMatch(/\n<!-- pymaint:cleanup [0-9a-f]{16} -->\n$/)
    expect(body.includes(CLEANUP_MARKER)).toBe(true)
    // The digest names the plan: other files, other digest; same files, same digest.
    const other = planCleanup(['b.pyc'], { extend: [], exclude: [], gitignore: false })
    expect(planDigest(other, 'proj')).not.toBe(planDigest(plan, 'proj'))
    expect(planDigest(plan, 'proj')).toBe(
      planDigest({ ...plan, remove: [...plan.remove].reverse() }, 'proj')
    )
  })
})

describe('markdown escaping', () => {
  it('neutralises mentions, HTML and table pipes; code spans survive backticks', () => {
    expect(md('a|b <i> @me #1')).toBe('a\\|b \\<i\\> @\u200bme \\#1')
    expect(code('a`b')).toBe('``a`b``')
  })
})
