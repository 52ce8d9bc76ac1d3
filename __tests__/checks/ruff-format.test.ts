import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  isPythonSource,
  parseFormatDiff,
  parseFormatJson,
  ruffFormatCheck
} from '../../src/checks/ruff-format.js'
import { PYTHON, RECORDED, contextFor, copyFixture } from '../support/check-context.js'

const ROOT = '/proj'
const rec = (f: string): string =>
  readFileSync(path.join(RECORDED, f), 'utf8').replaceAll('@ROOT@', ROOT)

describe('ruff-format parsers on recorded output', () => {
  it('JSON: one finding per Python file, syntax errors as invalid-syntax, Markdown left out', () => {
    const raw = JSON.parse(rec('ruff-format.json')) as { filename: string; code: string }[]
    const { findings, nonPython } = parseFormatJson(rec('ruff-format.json'), ROOT)
    expect(findings).toHaveLength(raw.filter(d => isPythonSource(d.filename)).length)
    expect(nonPython).toEqual(['src/notes.md'])
    const byPath = Object.fromEntries(findings.map(f => [f.path, f]))
    expect(byPath['src/broken.py']).toMatchObject({ ruleId: 'invalid-syntax', level: 'error' })
    expect(byPath['src/ugly.py']).toMatchObject({ ruleId: 'format', level: 'warning' })
    expect(byPath['src/ok.py']).toBeUndefined()
  })

  it('the --diff fallback finds the same files and the first changed line', () => {
    const json = parseFormatJson(rec('ruff-format.json'), ROOT).findings
    const diff = parseFormatDiff(rec('ruff-format.diff'), rec('ruff-format.diff.stderr'), ROOT)
    const key = (f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`
    expect(diff.findings.map(key).sort()).toEqual(json.map(key).sort())
    expect(diff.nonPython).toEqual(['src/notes.md'])
    // Both forms agree on where the first change is.
    for (const f of diff.findings)
      expect(f.line).toBe(json.find(j => j.path === f.path && j.ruleId === f.ruleId)!.line)
  })

  it('garbage is an error, not an empty result', () => {
    expect(() => parseFormatJson('Would reformat: x.py', ROOT)).toThrow()
    expect(() => parseFormatJson('{"a":1}', ROOT)).toThrow()
  })
})

describe('ruff-format check on a real project', () => {
  it('reports unformatted and unparsable files, not Markdown, and changes nothing', async () => {
    const dir = copyFixture('format-project')
    const before = readFileSync(path.join(dir, 'src/ugly.py'), 'utf8')
    const out = await ruffFormatCheck.run(contextFor(dir, { paths: 'src' }))
    expect(out.status).toBe('failed')
    // What ruff itself says, with its own --diff output.
    const direct = spawnSync('ruff', ['format', '--check', '--diff', '--no-cache', 'src'], {
      cwd: dir
    })
    const files = direct.stdout
      .toString()
      .split('\n')
      .filter(l => l.startsWith('--- '))
      .map(l => l.slice(4).trim())
    expect(files).toContain('src/notes.md')
    const unformatted = out.findings.filter(f => f.ruleId === 'format').map(f => f.path)
    expect(unformatted.sort()).toEqual(files.filter(f => f.endsWith('.py')).sort())
    expect(out.findings.filter(f => f.ruleId === 'invalid-syntax').map(f => f.path)).toEqual([
      'src/broken.py'
    ])
    expect(direct.stderr.toString()).toContain('Failed to parse src/broken.py')
    expect(out.metrics).toMatchObject({ nonPythonIgnored: 1, unparsable: 1 })
    expect(readFileSync(path.join(dir, 'src/ugly.py'), 'utf8')).toBe(before)
    const gates = ruffFormatCheck.gates(
      { ...out, id: 'ruff-format', title: '', durationMs: 0, metrics: out.metrics ?? {} },
      contextFor(dir).config
    )
    expect(gates[0]).toMatchObject({ id: 'format', status: 'failed', actual: out.findings.length })
  })

  it('a broken ruff config is an error with ruff\'s cause, not "no findings"', async () => {
    const dir = copyFixture('format-project')
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.ruff]\nline-length = "wide"\n')
    const out = await ruffFormatCheck.run(contextFor(dir, { paths: 'src' }))
    expect(out.status).toBe('error')
    expect(out.reason).toMatch(/^ruff format exited 2: ruff failed: .*pyproject\.toml/)
  })

  it('falls back to --diff with a ruff that has no --output-format for format', async () => {
    // A wrapper that behaves like an older ruff for that one flag and is the real ruff otherwise.
    const real = execFileSync(PYTHON, ['-c', 'import ruff; print(ruff.find_ruff_bin())'])
      .toString()
      .trim()
    const bin = mkdtempSync(path.join(os.tmpdir(), 'old-ruff-'))
    writeFileSync(
      path.join(bin, 'ruff'),
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = "--output-format" ] && [ "$1" = format ] && { echo "error: unexpected argument '--output-format' found" >&2; exit 2; }; done\nexec ${real} "$@"\n`
    )
    chmodSync(path.join(bin, 'ruff'), 0o755)
    const saved = process.env.PATH
    process.env.PATH = `${bin}${path.delimiter}${saved}`
    try {
      const dir = copyFixture('format-project')
      const legacy = await ruffFormatCheck.run(contextFor(dir, { paths: 'src' }))
      expect(legacy.command).toContain('--diff')
      expect(legacy.command).not.toContain('--check')
      const key = (f: { path: string; ruleId: string; line: number }) =>
        `${f.path} ${f.ruleId} ${f.line}`
      // Same files, same first lines as the JSON form of the real ruff.
      process.env.PATH = saved
      const json = await ruffFormatCheck.run(contextFor(dir, { paths: 'src' }))
      expect(legacy.findings.map(key).sort()).toEqual(json.findings.map(key).sort())
      expect(legacy.status).toBe('failed')
    } finally {
      process.env.PATH = saved
    }
  })

  it('passes on formatted code', async () => {
    const dir = copyFixture('format-project')
    const out = await ruffFormatCheck.run(contextFor(dir, { paths: 'src/ok.py' }))
    expect(out).toMatchObject({ status: 'passed', findings: [] })
  })
})
