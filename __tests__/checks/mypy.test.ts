import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { excludePattern, mypyCheck, parseMypyJson } from '../../src/checks/mypy.js'
import { PYTHON, RECORDED, contextFor, copyFixture } from '../support/check-context.js'

const rec = (f: string): string => readFileSync(path.join(RECORDED, f), 'utf8')
const jsonLines = (s: string): { file: string; severity: string; code: string }[] =>
  s
    .split('\n')
    .filter(l => l.startsWith('{'))
    .map(l => JSON.parse(l) as { file: string; severity: string; code: string })

describe('mypy parser on recorded output', () => {
  it('turns each error into a finding with 1-based columns', () => {
    const raw = jsonLines(rec('mypy-syntax-pass2.jsonl'))
    const { findings, text } = parseMypyJson(rec('mypy-syntax-pass2.jsonl'), '/proj')
    expect(text).toEqual([])
    expect(findings).toHaveLength(raw.filter(r => r.severity === 'error').length)
    const first = JSON.parse(rec('mypy-syntax-pass2.jsonl').split('\n')[0]!) as {
      column: number
      line: number
    }
    expect(findings[0]).toMatchObject({ line: first.line, column: first.column + 1 })
    expect(findings.every(f => f.column >= 1)).toBe(true)
    // mypy 2 folds related notes into `hint`; they stay hints.
    expect(findings.some(f => f.hint?.includes('invariant'))).toBe(true)
  })

  it('keeps syntax errors from the aborted pass as `syntax` findings', () => {
    const { findings } = parseMypyJson(rec('mypy-syntax-pass1.jsonl'), '/proj')
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.every(f => f.ruleId === 'syntax' && f.path === 'src/app/broken.py')).toBe(true)
  })

  it('a note after an error becomes its hint; a note with nothing before it is a note', () => {
    const notes = rec('mypy-notes.jsonl')
    const { findings } = parseMypyJson(notes, '/proj')
    expect(findings.filter(f => f.level === 'error')).toHaveLength(
      jsonLines(notes).filter(r => r.severity === 'error').length
    )
    expect(findings.find(f => f.level === 'note')?.message).toMatch(/Revealed type/)
    const chained = parseMypyJson(
      [
        '{"file":"a.py","line":3,"column":-1,"message":"boom","hint":null,"code":"misc","severity":"error"}',
        '{"file":"b.py","line":1,"column":0,"message":"defined here","hint":null,"code":null,"severity":"note"}'
      ].join('\n'),
      '/proj'
    ).findings
    expect(chained).toHaveLength(1)
    expect(chained[0]).toMatchObject({ column: 1, hint: 'defined here', path: 'a.py' })
  })

  it('collects non-JSON lines (fatal errors, tracebacks) as text', () => {
    const r = parseMypyJson('mypy: error: bad config\nTraceback (most recent call last):', '/p')
    expect(r.findings).toEqual([])
    expect(r.text).toHaveLength(2)
  })

  it('exclude patterns match exactly one file', () => {
    const re = new RegExp(excludePattern('src/app/broken.py'))
    expect(re.test('src/app/broken.py')).toBe(true)
    expect(re.test('src/app/brokenXpy')).toBe(false)
    expect(re.test('src/app/not_broken.py')).toBe(false)
  })
})

describe('mypy check on real projects', () => {
  it('one syntax-error file does not hide the type errors of two other files', async () => {
    const dir = copyFixture('mypy-syntax')
    const ctx = contextFor(dir)
    const out = await mypyCheck.run(ctx)
    expect(out.status).toBe('failed')
    const syntax = out.findings.filter(f => f.ruleId === 'syntax')
    expect(syntax.length).toBeGreaterThan(0)
    expect(new Set(syntax.map(f => f.path))).toEqual(new Set(['src/app/broken.py']))
    // Plain mypy aborts on the syntax error, so it reports nothing else:
    const plain = spawnSync(
      'mypy',
      ['-O', 'json', '--strict', '--cache-dir', mkdtempSync(path.join(os.tmpdir(), 'm-')), 'src'],
      { cwd: dir }
    )
    expect(plain.status).toBe(2)
    expect(jsonLines(plain.stdout.toString()).every(r => r.code === 'syntax')).toBe(true)
    // ... and without the broken file it reports these type errors, which pymaint has too.
    const rest = spawnSync(
      'mypy',
      [
        '--strict',
        '--cache-dir',
        mkdtempSync(path.join(os.tmpdir(), 'm-')),
        'src/app/__init__.py',
        'src/app/a.py',
        'src/app/b.py'
      ],
      { cwd: dir }
    )
    const expected = rest.stdout
      .toString()
      .split('\n')
      .filter(l => / error: /.test(l))
      .map(l => /^(\S+?):(\d+):/.exec(l)!.slice(1, 3).join(':'))
    const typeErrors = out.findings.filter(f => f.ruleId !== 'syntax')
    expect(typeErrors.map(f => `${f.path}:${f.line}`).sort()).toEqual(expected.sort())
    expect(new Set(typeErrors.map(f => f.path))).toEqual(new Set(['src/app/a.py', 'src/app/b.py']))
    expect(out.metrics).toMatchObject({ unparsableFiles: ['src/app/broken.py'], strict: true })
    // The cache went under the check's cacheDir, keyed by project; none in the project.
    expect(readdirSync(ctx.cacheDir)).toHaveLength(1)
    expect(readdirSync(dir)).not.toContain('.mypy_cache')
  })

  it('a warm cache gives the same findings and paths', async () => {
    const dir = copyFixture('mypy-syntax')
    const ctx = contextFor(dir)
    const cold = await mypyCheck.run(ctx)
    const warm = await mypyCheck.run({ ...ctx, tmpDir: mkdtempSync(path.join(os.tmpdir(), 't-')) })
    const key = (f: { path: string; line: number; ruleId: string }) =>
      `${f.path}:${f.line}:${f.ruleId}`
    expect(warm.findings.map(key)).toEqual(cold.findings.map(key))
  })

  it('honours [tool.mypy] and mypy-strict = false', async () => {
    const dir = copyFixture('mypy-syntax')
    const lax = await mypyCheck.run(contextFor(dir, { 'mypy-strict': 'false' }))
    const strict = await mypyCheck.run(contextFor(dir))
    expect(lax.findings.some(f => f.ruleId === 'no-untyped-def')).toBe(false)
    expect(strict.findings.some(f => f.ruleId === 'no-untyped-def')).toBe(true)
    // [tool.mypy] disable_error_code = ["no-any-return"] in the fixture's pyproject.toml:
    expect(strict.findings.some(f => f.ruleId === 'attr-defined')).toBe(true)
    expect(strict.findings.some(f => f.ruleId === 'no-any-return')).toBe(false)
    expect(lax.command).toContain('--python-executable')
    expect(lax.command).toContain(PYTHON)
  })

  it('gates on errors only', async () => {
    const dir = copyFixture('mypy-syntax')
    const ctx = contextFor(dir)
    const out = await mypyCheck.run(ctx)
    const [g] = mypyCheck.gates(
      { ...out, id: 'mypy', title: '', durationMs: 0, metrics: out.metrics ?? {} },
      ctx.config
    )
    expect(g).toMatchObject({ id: 'types', status: 'failed', actual: out.findings.length })
  })
})
