// structure on the layered fixture: contract violations found by really parsing Python, exactly
// at the lines the fixture marks with "# VIOLATION", and no false positive from decoys.
import { describe, expect, it } from '@jest/globals'
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  mkdirSync,
  cpSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import { scan } from '../../src/engine.js'
import { importTargets, type PyImport } from '../../src/checks/structure-imports.js'

const FIXTURE = path.resolve('__tests__/fixtures/layered-project')

function cfg(dir: string, extra: Record<string, string> = {}) {
  return loadConfig({
    explicit: { checks: 'structure', ...extra },
    source: 'flag',
    workspace: dir,
    project: '.',
    defaultOutDir: mkdtempSync(path.join(os.tmpdir(), 'pymaint-out-'))
  })
}

/** Every "# VIOLATION" line in the fixture's sources, as "path:line". */
function markedLines(): string[] {
  const out: string[] = []
  const walk = (rel: string): void => {
    for (const n of readdirSync(path.join(FIXTURE, rel))) {
      const r = `${rel}/${n}`
      if (statSync(path.join(FIXTURE, r)).isDirectory()) walk(r)
      else if (n.endsWith('.py'))
        readFileSync(path.join(FIXTURE, r), 'utf8')
          .split('\n')
          .forEach((l, i) => {
            if (l.includes('# VIOLATION')) out.push(`${r}:${i + 1}`)
          })
    }
  }
  walk('src')
  return out.sort()
}

describe('structure check on the layered fixture', () => {
  it('reports exactly the marked contract violations (files and lines), nothing from decoys', async () => {
    const report = await scan(cfg(FIXTURE))
    const check = report.checks.find(c => c.id === 'structure')!
    expect(check.status).toBe('failed')
    const contracts = check.findings.filter(f => f.ruleId.endsWith('-contract'))
    const got = contracts.map(f => `${f.path}:${f.line}`).sort()
    const want = markedLines()
    expect(want.length).toBeGreaterThanOrEqual(6)
    expect(got).toEqual(want)
    // The kinds the issue asks for are among them.
    const at = (p: string) => contracts.find(f => f.path.endsWith(p))!
    expect(at('domain/rules.py').message).toMatch(/shop\.application\.services/)
    expect(at('application/handlers.py').properties?.nested).toBe(true)
    expect(at('presentation/web.py').ruleId).toBe('independence-contract')
    // No finding in the file full of decoy strings/comments/docstrings except its real import.
    expect(contracts.filter(f => f.path.endsWith('domain/model.py')).map(f => f.line)).toEqual([12])
    // A file Python cannot parse is a finding with its line.
    const syntax = check.findings.filter(f => f.ruleId === 'syntax-error')
    expect(syntax.map(f => `${f.path}:${f.line}`)).toEqual(['src/shop/infrastructure/legacy.py:2'])
    const gate = report.gates.find(g => g.id === 'structure')!
    expect(gate.status).toBe('failed')
    expect(gate.actual).toBe(check.findings.filter(f => f.level === 'error').length)
  })

  it('checks required paths, forbidden globs and the root allow-list with the offending path', async () => {
    const report = await scan(cfg(FIXTURE))
    const f = report.checks.find(c => c.id === 'structure')!.findings
    const of = (rule: string) => f.filter(x => x.ruleId === rule).map(x => x.path)
    expect(of('required-path')).toEqual(['README.md'])
    expect(of('forbidden-path')).toEqual(['src/shop/domain/model.py.orig'])
    expect(of('root-not-allowed')).toEqual(['notes.tmp'])
  })

  it('counts TYPE_CHECKING imports only when type-checking-imports = true', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-layered-'))
    cpSync(FIXTURE, dir, { recursive: true })
    const pp = path.join(dir, 'pyproject.toml')
    writeFileSync(
      pp,
      readFileSync(pp, 'utf8').replace(
        '[tool.pymaint.structure]\n',
        '[tool.pymaint.structure]\ntype-checking-imports = true\n'
      )
    )
    const report = await scan(cfg(dir))
    const lines = report.checks[0]!.findings.filter(f => f.path.endsWith('domain/model.py')).map(
      f => f.line
    )
    expect(lines).toEqual([12, 15])
  })

  it('runs defaults as warnings when nothing is configured', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bare-'))
    mkdirSync(path.join(dir, 'src'))
    const report = await scan(cfg(dir))
    const c = report.checks[0]!
    expect(c.findings.map(f => `${f.ruleId}:${f.level}`)).toEqual([
      'missing-project-metadata:warning',
      'missing-tests-dir:warning'
    ])
    expect(report.gates[0]!.status).toBe('warning')
  })

  it("runs the repository's own script: exit code decides, its SARIF file becomes findings", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-script-'))
    mkdirSync(path.join(dir, 'scripts'))
    writeFileSync(
      path.join(dir, 'pyproject.toml'),
      '[tool.pymaint.structure]\nscript = "scripts/validate_structure.py"\n'
    )
    writeFileSync(
      path.join(dir, 'scripts/validate_structure.py'),
      [
        'import json, os, sys',
        'sarif = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "validate_structure"}}, "results": [',
        '  {"ruleId": "missing-dir", "level": "error", "message": {"text": "docs/ is missing"},',
        '   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "pyproject.toml"}, "region": {"startLine": 1}}}]}]}]}',
        'open(os.environ["PYMAINT_FINDINGS_FILE"], "w").write(json.dumps(sarif))',
        'print("1 problem")',
        'sys.exit(int(os.environ.get("FAIL", "1")))',
        ''
      ].join('\n')
    )
    const report = await scan(cfg(dir))
    const c = report.checks[0]!
    expect(c.findings.map(f => `${f.ruleId}:${f.path}:${f.line}`)).toEqual([
      'missing-dir:pyproject.toml:1',
      'structure-script:scripts/validate_structure.py:0'
    ])
    expect(c.findings[1]!.message).toMatch(/exited 1: 1 problem/)
    expect(report.gates[0]!.status).toBe('failed')
    process.env.FAIL = '0'
    try {
      const ok = await scan(cfg(dir))
      expect(ok.checks[0]!.findings.map(f => f.ruleId)).toEqual(['missing-dir'])
      expect(ok.gates[0]!.passed).toBe(true)
    } finally {
      delete process.env.FAIL
    }
  })
})

describe('relative import resolution', () => {
  const imp = (module: string, level: number, names: string[]): PyImport => ({
    file: 'x',
    line: 1,
    col: 1,
    module,
    level,
    names,
    typeChecking: false,
    nested: false
  })
  it('resolves from the importing module, packages (__init__) included', () => {
    expect(importTargets(imp('', 1, ['b']), 'p.sub.mod', false)).toEqual(['p.sub.b'])
    expect(importTargets(imp('', 1, ['b']), 'p.sub', true)).toEqual(['p.sub.b'])
    expect(importTargets(imp('x', 2, ['y']), 'p.sub.mod', false)).toEqual(['p.x.y'])
    expect(importTargets(imp('a.b', 0, []), 'p.mod', false)).toEqual(['a.b'])
  })
})

describe('structure configuration errors', () => {
  it('a structure script that does not exist is a ConfigError naming the setting', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-noscript-'))
    writeFileSync(
      path.join(dir, 'pyproject.toml'),
      '[tool.pymaint.structure]\nscript = "scripts/nope.py"\n'
    )
    expect(() => cfg(dir)).toThrow(
      /\[tool\.pymaint\.structure\] script: "scripts\/nope\.py" does not exist/
    )
    expect(() => cfg(dir, { 'structure-script': '../outside.py' })).toThrow(
      /--structure-script: .*outside the project/
    )
  })
})
