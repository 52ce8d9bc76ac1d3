// Bad input: a one-line error naming the input and what is allowed, exit 2, no tool started and
// nothing written. A fake `ruff`/`mypy` first on PATH records any start.
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  readdirSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { main } from '../../src/cli.js'

let ws: string
let marker: string
let savedPath: string | undefined

beforeAll(() => {
  ws = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bad-'))
  marker = path.join(ws, 'tool-started')
  const bin = path.join(ws, 'fakebin')
  mkdirSync(bin)
  for (const tool of ['ruff', 'mypy', 'bandit', 'python3', 'python', 'pytest']) {
    const p = path.join(bin, tool)
    writeFileSync(p, `#!/bin/sh\necho ${tool} >> '${marker}'\nexit 0\n`)
    chmodSync(p, 0o755)
  }
  savedPath = process.env.PATH
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`
  const proj = (name: string, pyproject?: string): void => {
    mkdirSync(path.join(ws, name, 'src'), { recursive: true })
    if (pyproject !== undefined) writeFileSync(path.join(ws, name, 'pyproject.toml'), pyproject)
  }
  proj('good', '[project]\nname = "good"\n')
  proj('broken', '[tool.pymaint\ncoverage-threshold = 1\n')
  proj('unknown-key', '[tool.pymaint]\ncoverage_treshold = 90\n')
  proj('bad-type', '[tool.pymaint]\ncoverage-threshold = "high"\n')
  proj('bad-custom', '[tool.pymaint.checks.lic]\ncommand = "python check.py"\n')
  proj('bad-structure', '[tool.pymaint.structure]\nlayers = "domain"\n')
  proj('builtin-custom', '[tool.pymaint.checks.mypy]\ncommand = ["x"]\n')
  writeFileSync(path.join(ws, 'a-file'), '')
})

afterAll(() => {
  process.env.PATH = savedPath
  rmSync(ws, { recursive: true, force: true })
})

const cases: Array<{ name: string; args: string[]; names: RegExp; allowed?: RegExp }> = [
  {
    name: 'unknown check',
    args: ['good', '--checks', 'ruff,pylint'],
    names: /--checks/,
    allowed: /allowed: structure, ruff, ruff-format, mypy/
  },
  {
    name: 'threshold "abc"',
    args: ['good', '--coverage-threshold', 'abc'],
    names: /--coverage-threshold/,
    allowed: /a number from 0 to 100/
  },
  {
    name: 'negative coverage',
    args: ['good', '--coverage-threshold', '-5'],
    names: /--coverage-threshold/,
    allowed: /from 0 to 100/
  },
  {
    name: 'coverage above 100',
    args: ['good', '--coverage-threshold', '101'],
    names: /--coverage-threshold/
  },
  {
    name: 'fail-on "maybe"',
    args: ['good', '--fail-on', 'maybe'],
    names: /--fail-on/,
    allowed: /one of failing, warning, never/
  },
  {
    name: 'install-tools bogus',
    args: ['good', '--install-tools', 'sometimes'],
    names: /--install-tools/,
    allowed: /missing, always, never/
  },
  {
    name: 'fractional lint threshold',
    args: ['good', '--lint-threshold', '1.5'],
    names: /--lint-threshold/,
    allowed: /whole number/
  },
  {
    name: 'mypy-strict "yes"',
    args: ['good', '--mypy-strict', 'yes'],
    names: /--mypy-strict/,
    allowed: /true or false/
  },
  {
    name: 'path outside the workspace',
    args: ['..'],
    names: /PATH/,
    allowed: /outside the workspace/
  },
  { name: 'path that is a file', args: ['a-file'], names: /PATH/, allowed: /not a directory/ },
  {
    name: 'source path outside the project',
    args: ['good', '--source-paths', '../../etc'],
    names: /--source-paths/,
    allowed: /outside the project/
  },
  {
    name: 'broken pyproject',
    args: ['broken'],
    names: /pyproject\.toml/,
    allowed: /not valid TOML/
  },
  {
    name: 'unknown [tool.pymaint] key',
    args: ['unknown-key'],
    names: /\[tool\.pymaint\] coverage_treshold/,
    allowed: /allowed: .*coverage-threshold/
  },
  {
    name: 'wrong type in pyproject',
    args: ['bad-type'],
    names: /\[tool\.pymaint\] coverage-threshold/
  },
  {
    name: 'custom check command as a string',
    args: ['bad-custom'],
    names: /\[tool\.pymaint\.checks\.lic\] command/,
    allowed: /list of strings/
  },
  {
    name: 'custom check shadowing a built-in',
    args: ['builtin-custom'],
    names: /\[tool\.pymaint\.checks\.mypy\]/
  },
  {
    name: 'structure layers not a list',
    args: ['bad-structure'],
    names: /\[tool\.pymaint\.structure\] layers/
  },
  {
    name: 'missing --config file',
    args: ['good', '--config', 'nope.toml'],
    names: /--config/,
    allowed: /does not exist/
  },
  { name: 'unknown flag', args: ['good', '--colour'], names: /--colour/ },
  { name: 'two project paths', args: ['good', 'broken'], names: /PATH/ },
  { name: 'skip-checks unknown', args: ['good', '--skip-checks', 'lint'], names: /--skip-checks/ },
  {
    name: 'checks selecting nothing',
    args: ['good', '--checks', 'ruff', '--skip-checks', 'ruff'],
    names: /checks/,
    allowed: /selects no check/
  }
]

describe('bad input → one-line error, exit 2, no side effect', () => {
  it.each(cases)('$name', async ({ args, names, allowed }) => {
    const out: string[] = []
    const err: string[] = []
    const code = await main([...args, '--out', path.join(ws, 'out')], {
      out: s => out.push(s),
      err: s => err.push(s),
      cwd: ws
    })
    expect(code).toBe(2)
    const text = err.join('')
    const lines = text.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^pymaint: error: /)
    expect(lines[0]).toMatch(names)
    if (allowed) expect(lines[0]).toMatch(allowed)
    expect(out.join('')).toBe('')
    expect(existsSync(marker)).toBe(false)
    expect(existsSync(path.join(ws, 'out'))).toBe(false)
  })

  it('leaves the projects untouched', () => {
    expect(readdirSync(path.join(ws, 'good')).sort()).toEqual(['pyproject.toml', 'src'])
  })
})
