import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { excludePattern, mypyCheck, parseMypyJson } from '../../src/checks/mypy.js'
import { moduleNames, projectMypyConfig, writeSkipConfig } from '../../src/checks/mypy-config.js'
import { parse as parseToml } from 'smol-toml'
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

describe('config copy that skips broken modules', () => {
  const tree = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mcfg-'))
    for (const [f, t] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
      writeFileSync(path.join(dir, f), t)
    }
    return dir
  }

  it('module names follow the packages', () => {
    const dir = tree({ 'src/app/__init__.py': '', 'src/app/sub/__init__.py': '', 'ns/mod.py': '' })
    expect(moduleNames(dir, 'src/app/sub/x.py')).toEqual(['app.sub.x'])
    expect(moduleNames(dir, 'src/app/__init__.py')).toEqual(['app'])
    expect(moduleNames(dir, 'ns/mod.py')).toEqual(['mod', 'ns.mod'])
  })

  it('finds the file mypy would read, in its order', () => {
    const dir = tree({ 'pyproject.toml': '[tool.black]\n', 'setup.cfg': '[mypy]\nstrict = True\n' })
    expect(projectMypyConfig(dir)).toEqual({ file: path.join(dir, 'setup.cfg'), kind: 'ini' })
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.mypy]\nstrict = true\n')
    expect(projectMypyConfig(dir)?.kind).toBe('toml')
    writeFileSync(path.join(dir, '.mypy.ini'), '[mypy]\n')
    expect(projectMypyConfig(dir)?.file).toBe(path.join(dir, '.mypy.ini'))
  })

  it('keeps existing overrides and settings (TOML) and sections (INI)', async () => {
    const dir = tree({
      'pyproject.toml':
        '[tool.mypy]\nstrict = true\noverrides = [{ module = "x.*", ignore_errors = true }]\n'
    })
    const out = mkdtempSync(path.join(os.tmpdir(), 'mcfg-out-'))
    const f = await writeSkipConfig(projectMypyConfig(dir), ['app.broken'], out)
    const doc = parseToml(readFileSync(f!, 'utf8')) as { tool: { mypy: Record<string, unknown> } }
    expect(doc.tool.mypy).toEqual({
      strict: true,
      overrides: [
        { module: 'x.*', ignore_errors: true },
        { module: ['app.broken'], follow_imports: 'skip' }
      ]
    })
    const ini = await writeSkipConfig(null, ['a', 'b.c'], out)
    expect(readFileSync(ini!, 'utf8')).toMatch(
      /^\[mypy\]\n[\s\S]*\[mypy-a\]\nfollow_imports = skip\n[\s\S]*\[mypy-b\.c\]\nfollow_imports = skip/
    )
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

  it('a broken module imported by another: its importers are still type-checked', async () => {
    for (const layout of ['pyproject', 'mypy.ini', 'none'] as const) {
      const dir = copyFixture('mypy-syntax')
      writeFileSync(
        path.join(dir, 'src/app/c.py'),
        'from app.broken import broken\n\n\ndef h() -> str:\n    return 1\n'
      )
      if (layout !== 'pyproject') writeFileSync(path.join(dir, 'pyproject.toml'), '')
      if (layout === 'mypy.ini')
        writeFileSync(
          path.join(dir, 'mypy.ini'),
          '[mypy]\nmypy_path = $MYPY_CONFIG_FILE_DIR/src\ndisable_error_code = no-any-return\n'
        )
      const out = await mypyCheck.run(contextFor(dir))
      expect(out.reason).toBeUndefined()
      const files = new Set(out.findings.map(f => f.path))
      expect(files).toEqual(
        new Set(['src/app/broken.py', 'src/app/a.py', 'src/app/b.py', 'src/app/c.py'])
      )
      const c = out.findings.filter(f => f.path === 'src/app/c.py')
      expect(c.map(f => [f.line, f.ruleId])).toEqual([[5, 'return-value']])
      // The project's own settings still apply in the config copy.
      expect(out.findings.some(f => f.ruleId === 'no-any-return')).toBe(layout === 'none')
    }
  })

  it('several broken files (mypy stops at one per run): all reported, the rest checked', async () => {
    const dir = copyFixture('mypy-syntax')
    writeFileSync(path.join(dir, 'src/app/broken2.py'), 'class :\n')
    writeFileSync(path.join(dir, 'src/app/broken3.py'), 'print "python 2"\n')
    const out = await mypyCheck.run(contextFor(dir))
    expect(out.reason).toBeUndefined()
    expect((out.metrics as { unparsableFiles: string[] }).unparsableFiles.sort()).toEqual([
      'src/app/broken.py',
      'src/app/broken2.py',
      'src/app/broken3.py'
    ])
    expect(new Set(out.findings.filter(f => f.ruleId !== 'syntax').map(f => f.path))).toEqual(
      new Set(['src/app/a.py', 'src/app/b.py'])
    )
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

  it("a fatal mypy error is an error with mypy's own message", async () => {
    const dir = copyFixture('mypy-syntax')
    const out = await mypyCheck.run(contextFor(dir, { python: '/nonexistent/python3' }))
    expect(out.status).toBe('error')
    expect(out.reason).toMatch(
      /^mypy exited 2: .*Invalid python executable '\/nonexistent\/python3'/
    )
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
