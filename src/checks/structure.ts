// structure: required/forbidden paths, the root allow-list, layer and independence contracts
// (structure-imports.ts), and/or the repository's own validation script. With nothing
// configured it checks defaults (see DEFAULTS below) as warnings.
import { existsSync, statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import type { Check, CheckContext, CheckOutcome } from './check.js'
import { errorOutcome } from './check.js'
import type { CheckResult, Finding, GateResult, RuleMeta } from '../findings/model.js'
import type { Config, StructureConfig } from '../config/types.js'
import { run, toolEnv } from '../tools/exec.js'
import { lastLine } from '../tools/resolve.js'
import { parseAnyFindings } from '../findings/sarif-read.js'
import { contractFindings, scanImports } from './structure-imports.js'

const INFO_URI = 'https://github.com/pymaint/pymaint#structure'
/** Never walked for forbidden paths: VCS data and environments are not the project's layout. */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '.tox', '.nox'])
/** The environment variable naming the file a structure script may write SARIF/findings JSON to. */
export const FINDINGS_FILE_ENV = 'PYMAINT_FINDINGS_FILE'

const finding = (ruleId: string, level: Finding['level'], p: string, message: string): Finding => ({
  ruleId,
  level,
  message,
  path: p,
  line: 0,
  column: 0,
  fingerprint: ''
})

export function requiredFindings(root: string, s: StructureConfig): Finding[] {
  const out: Finding[] = []
  for (const want of s.required) {
    const isDir = want.endsWith('/')
    const p = path.join(root, want)
    const rel = want.replace(/\/+$/, '')
    if (!existsSync(p))
      out.push(
        finding(
          'required-path',
          'error',
          rel,
          `required ${isDir ? 'directory' : 'path'} ${want} is missing`
        )
      )
    else if (isDir && !statSync(p).isDirectory())
      out.push(
        finding('required-path', 'error', rel, `${want} must be a directory, but it is a file`)
      )
  }
  return out
}

async function walk(
  root: string,
  rel: string,
  visit: (rel: string, isDir: boolean) => boolean
): Promise<void> {
  let entries
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true })
  } catch {
    return
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${e.name}` : e.name
    const dir = e.isDirectory()
    if (dir && SKIP_DIRS.has(e.name)) continue
    // visit returns false to stop descending (a forbidden dir is reported once).
    if (visit(r, dir) && dir) await walk(root, r, visit)
  }
}

export async function forbiddenFindings(root: string, s: StructureConfig): Promise<Finding[]> {
  if (s.forbidden.length === 0) return []
  const out: Finding[] = []
  const matchers = s.forbidden.map(g => ({ g, m: picomatch(g, { dot: true }) }))
  await walk(root, '', (rel, isDir) => {
    const hit = matchers.find(x => x.m(rel) || (isDir && x.m(`${rel}/`)))
    if (!hit) return true
    out.push(
      finding(
        'forbidden-path',
        'error',
        rel,
        `${rel}${isDir ? '/' : ''} matches the forbidden pattern ${hit.g}`
      )
    )
    return false
  })
  return out
}

export async function rootAllowFindings(root: string, s: StructureConfig): Promise<Finding[]> {
  if (s.rootAllow.length === 0) return []
  const allow = picomatch(s.rootAllow, { dot: true })
  const names = (await readdir(root)).filter(n => n !== '.git').sort()
  return names
    .filter(n => !allow(n) && !allow(`${n}/`))
    .map(n =>
      finding(
        'root-not-allowed',
        'error',
        n,
        `${n} is not in the root allow-list (${s.rootAllow.join(', ')})`
      )
    )
}

/** What runs when [tool.pymaint.structure] is absent: packaging metadata and a tests dir. */
export function defaultFindings(root: string): Finding[] {
  const out: Finding[] = []
  if (!['pyproject.toml', 'setup.py', 'setup.cfg'].some(f => existsSync(path.join(root, f))))
    out.push(
      finding(
        'missing-project-metadata',
        'warning',
        '',
        'no pyproject.toml, setup.py or setup.cfg at the project root'
      )
    )
  if (!['tests', 'test'].some(d => existsSync(path.join(root, d))))
    out.push(
      finding(
        'missing-tests-dir',
        'warning',
        '',
        'no tests/ (or test/) directory at the project root'
      )
    )
  return out
}

/** Where the layered package lives: `src/<pkg>` or `<pkg>`; the one package under src/ by default. */
export async function locatePackage(
  root: string,
  pkg: string
): Promise<{ package: string; sourceRoot: string } | string> {
  if (pkg) {
    const rel = pkg.split('.').join('/')
    for (const sr of ['src', '.'])
      if (existsSync(path.join(root, sr, rel))) return { package: pkg, sourceRoot: sr }
    return `package ${pkg} not found under src/ or the project root`
  }
  const src = path.join(root, 'src')
  const cands = existsSync(src)
    ? (await readdir(src, { withFileTypes: true }))
        .filter(e => e.isDirectory() && existsSync(path.join(src, e.name, '__init__.py')))
        .map(e => e.name)
    : []
  if (cands.length === 1) return { package: cands[0]!, sourceRoot: 'src' }
  return cands.length === 0
    ? 'no package under src/; set [tool.pymaint.structure] package'
    : `several packages under src/ (${cands.join(', ')}); set [tool.pymaint.structure] package`
}

async function scriptFindings(
  ctx: CheckContext,
  script: string
): Promise<{ findings: Finding[]; command: string[]; error?: string }> {
  const py = await ctx.tools.projectPython()
  const out = path.join(ctx.tmpDir, 'structure-findings.json')
  const command = [py, script]
  const r = await run(py, [script], {
    cwd: ctx.config.root,
    env: toolEnv({ [FINDINGS_FILE_ENV]: out }),
    timeoutMs: ctx.config.timeoutMs
  })
  if (r.timedOut || r.spawnError)
    return {
      findings: [],
      command,
      error: `${script} ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`
    }
  const findings: Finding[] = []
  const texts: string[] = []
  if (existsSync(out)) texts.push(await readFile(out, 'utf8'))
  const so = r.stdout.trim()
  if (so.startsWith('{') && so.includes('"runs"')) texts.push(so)
  for (const t of texts) {
    try {
      findings.push(...parseAnyFindings(t, ctx.config.root).findings)
    } catch (e) {
      findings.push(
        finding(
          'structure-script',
          'error',
          script,
          `${script} wrote results pymaint cannot read: ${(e as Error).message}`
        )
      )
    }
  }
  for (const f of findings) f.properties = { ...f.properties, source: 'script' }
  if (r.exitCode !== 0)
    findings.push(
      finding(
        'structure-script',
        'error',
        script,
        `${script} exited ${r.exitCode}: ${lastLine(r.stderr || r.stdout) || 'no output'}`
      )
    )
  return { findings, command }
}

const RULES: Record<string, string> = {
  'required-path': 'A required file or directory is missing',
  'forbidden-path': 'A path matches a forbidden pattern',
  'root-not-allowed': 'A root entry is not in the allow-list',
  'layer-contract': 'An inner layer imports an outer layer',
  'independence-contract': 'Independent packages import each other',
  'syntax-error': 'A Python file does not parse, so its imports are unchecked',
  'structure-script': "The repository's structure script failed",
  'missing-project-metadata': 'No packaging metadata (pyproject.toml/setup.py)',
  'missing-tests-dir': 'No tests directory',
  'structure-config': 'The structure configuration cannot be applied'
}

function structureRules(findings: Finding[]): Record<string, RuleMeta> {
  const rules: Record<string, RuleMeta> = {}
  for (const f of findings) {
    const d = RULES[f.ruleId]
    rules[f.ruleId] ??= {
      id: f.ruleId,
      name: f.ruleId,
      shortDescription: d ?? f.ruleId,
      fullDescription: d ?? `Reported by the structure script: ${f.ruleId}`,
      help: d ?? f.message,
      helpUri: INFO_URI
    }
  }
  return rules
}

/** Findings that fail the gate: error level, except a script's own ones (its exit code decides). */
export function gatingStructure(findings: Finding[]): number {
  return findings.filter(f => f.level === 'error' && f.properties?.source !== 'script').length
}

export const structureCheck: Check = {
  id: 'structure',
  title: 'Project structure',
  weight: 1,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const s = ctx.config.structure
    const root = ctx.config.root
    const tool = { name: 'pymaint-structure', version: null, informationUri: INFO_URI }
    const findings: Finding[] = []
    let command: string[] | undefined
    const onlyScript =
      !!s.script &&
      !s.required.length &&
      !s.forbidden.length &&
      !s.rootAllow.length &&
      !s.layers.length &&
      !s.independent.length
    if (!s.configured && !s.script) findings.push(...defaultFindings(root))
    if (!onlyScript) {
      findings.push(...requiredFindings(root, s))
      findings.push(...(await forbiddenFindings(root, s)))
      findings.push(...(await rootAllowFindings(root, s)))
    }
    let files: number | undefined
    if (s.layers.length || s.independent.length) {
      const loc = await locatePackage(root, s.package)
      if (typeof loc === 'string') findings.push(finding('structure-config', 'error', '', loc))
      else {
        const py = await ctx.tools.projectPython()
        const dir = path.join(loc.sourceRoot, ...loc.package.split('.'))
        try {
          const scan = await scanImports(py, root, [dir])
          files = new Set(scan.imports.map(i => i.file)).size
          findings.push(
            ...contractFindings(scan, loc.sourceRoot, root, {
              package: loc.package,
              layers: s.layers,
              independent: s.independent,
              typeCheckingImports: s.typeCheckingImports
            })
          )
        } catch (e) {
          return errorOutcome(tool, (e as Error).message)
        }
      }
    }
    if (s.script) {
      const r = await scriptFindings(ctx, s.script)
      if (r.error) return errorOutcome(tool, r.error, r.command)
      findings.push(...r.findings)
      command = r.command
    }
    const gating = gatingStructure(findings)
    return {
      status: gating ? 'failed' : 'passed',
      tool,
      findings,
      rules: structureRules(findings),
      command,
      metrics: {
        violations: gating,
        findings: findings.length,
        filesWithImports: files ?? null,
        defaults: !s.configured && !s.script
      }
    }
  },
  gates(result: CheckResult, _config: Config): GateResult[] {
    const n = gatingStructure(result.findings)
    const warn = result.findings.length - n
    return [
      {
        id: 'structure',
        check: 'structure',
        passed: n === 0,
        status: n ? 'failed' : warn ? 'warning' : 'passed',
        actual: n,
        threshold: 0,
        message: n
          ? `${n} structure violation(s)`
          : warn
            ? `no structure violation (${warn} warning(s))`
            : 'no structure violation'
      }
    ]
  }
}
