import { describe, expect, it } from '@jest/globals'
import type { CheckResult, Finding, Report } from '../../src/findings/model.js'
import { selectAnnotations } from '../../src/reports/annotations.js'

function f(level: Finding['level'], i: number, extra: Partial<Finding> = {}): Finding {
  return { ruleId: `R${i}`, level, message: `m${i}`, path: `src/m${i}.py`, line: i + 1, column: 3, fingerprint: `${i}:1`, ...extra }
}

function report(checks: CheckResult[]): Report {
  return { schemaVersion: 1, status: 'failing', generatedAt: new Date(0).toISOString(), durationMs: 1, pymaint: { version: '0' }, project: { name: 'p', root: '/p' }, checks, gates: [] }
}

function check(id: string, findings: Finding[], extra: Partial<CheckResult> = {}): CheckResult {
  return { id, title: id, status: 'failed', tool: { name: id, version: '1' }, durationMs: 1, findings, metrics: {}, ...extra }
}

describe('selectAnnotations', () => {
  const many = check('ruff', [
    ...Array.from({ length: 40 }, (_, i) => f('note', i)),
    ...Array.from({ length: 40 }, (_, i) => f('warning', 100 + i)),
    ...Array.from({ length: 40 }, (_, i) => f('error', 200 + i))
  ])
  const security = check('bandit', [f('error', 999, { severity: 'high' })], {
    rules: { R999: { id: 'R999', securitySeverity: 9.8 } }
  })

  it('respects 10 errors, 10 warnings and 10 notices, most severe first', () => {
    const a = selectAnnotations(report([many, security]), { prefix: '' })
    const n = (l: string): number => a.filter(x => x.level === l).length
    expect([n('error'), n('warning'), n('notice')]).toEqual([10, 10, 10])
    expect(a[0]!.properties.title).toBe('bandit: R999')
    expect(a.filter(x => x.level === 'error').map(x => x.message)).toEqual(['m999', ...Array.from({ length: 9 }, (_, i) => `m${200 + i}`)])
  })

  it('leaves room for setFailed and reports tools that could not run', () => {
    const broken = check('mypy', [], { status: 'error', reason: 'mypy crashed' })
    const a = selectAnnotations(report([broken, many]), { prefix: '', reserveErrors: 1 })
    expect(a.filter(x => x.level === 'error')).toHaveLength(9)
    expect(a[0]).toEqual({ level: 'warning', message: 'mypy could not run: mypy crashed', properties: { title: 'pymaint: mypy error' } })
    expect(a.filter(x => x.level === 'warning')).toHaveLength(10)
  })

  it('gives file, line, column and end positions, repo-relative', () => {
    const c = check('mypy', [
      f('error', 1, { endLine: 2, endColumn: 9, hint: 'a hint' }),
      f('error', 2, { endLine: 5, endColumn: 5 }),
      f('error', 3, { column: 0 }),
      f('error', 4, { path: '', line: 0, column: 0, properties: { package: 'jinja2' } })
    ])
    const [a, b, d, e] = selectAnnotations(report([c]), { prefix: 'sub/', manifest: 'requirements.txt' })
    expect(a).toEqual({ level: 'error', message: 'm1\na hint', properties: { title: 'mypy: R1', file: 'sub/src/m1.py', startLine: 2, startColumn: 3, endColumn: 9 } })
    // Multi-line: GitHub takes no columns.
    expect(b!.properties).toEqual({ title: 'mypy: R2', file: 'sub/src/m2.py', startLine: 3, endLine: 5 })
    expect(d!.properties).toEqual({ title: 'mypy: R3', file: 'sub/src/m3.py', startLine: 4 })
    expect(e!.properties).toEqual({ title: 'mypy: R4', file: 'sub/requirements.txt' })
  })
})
