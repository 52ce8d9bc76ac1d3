// Builds the Config: action input / CLI flag > [tool.pymaint] > built-in default, every value
// validated against its row in options.ts. Nothing here starts a tool or writes a file.
import { existsSync, readFileSync, statSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { ConfigError } from './errors.js'
import { BUILTIN_CHECKS, OPTIONS, optionByName, type OptionDef } from './options.js'
import type { Config } from './types.js'
import { loadCleanupTable, loadCustom, loadStructure, show } from './tables.js'
import type { Severity } from '../findings/model.js'

export interface LoadOptions {
  /** Explicit settings (action inputs or CLI flags) by option name; empty strings mean unset. */
  explicit: Record<string, string>
  /** Where explicit settings came from, for error messages: "input" or "flag". */
  source: 'input' | 'flag'
  workspace: string
  /** Project directory as given (relative to the workspace). */
  project: string
  /** --config FILE; default <project>/pyproject.toml when it exists. */
  configFile?: string
  defaultOutDir: string
}

type Table = Record<string, unknown>

const SUBTABLES = new Set(['structure', 'checks', 'cleanup'])

function label(opt: OptionDef, source: 'input' | 'flag' | 'pyproject'): string {
  if (source === 'input') return `input '${opt.name}'`
  if (source === 'flag') return `--${opt.name}`
  return `[tool.pymaint] ${opt.name}`
}

function describeAllowed(opt: OptionDef): string {
  const t = opt.type
  switch (t.kind) {
    case 'enum':
      return `one of ${t.values.join(', ')}`
    case 'bool':
      return 'true or false'
    case 'number': {
      const kind = t.integer ? 'a whole number' : 'a number'
      if (t.min !== undefined && t.max !== undefined) return `${kind} from ${t.min} to ${t.max}`
      if (t.min !== undefined) return `${kind} ≥ ${t.min}`
      return kind
    }
    case 'list':
      return 'a comma-separated list'
    case 'string':
      return 'a string'
  }
}

export function coerce(opt: OptionDef, value: unknown, where: string): unknown {
  const fail = (): never => {
    throw new ConfigError(where, `${show(value)} is not allowed; expected ${describeAllowed(opt)}`)
  }
  const t = opt.type
  switch (t.kind) {
    case 'string':
      if (typeof value !== 'string') fail()
      return (value as string).trim()
    case 'list': {
      if (Array.isArray(value)) {
        if (!value.every(v => typeof v === 'string')) fail()
        return (value as string[]).map(s => s.trim()).filter(Boolean)
      }
      if (typeof value !== 'string') fail()
      return (value as string)
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(Boolean)
    }
    case 'bool':
      if (typeof value === 'boolean') return value
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === 'true'
      return fail()
    case 'enum': {
      const s = typeof value === 'boolean' ? String(value) : value
      if (typeof s !== 'string' || !t.values.includes(s.trim())) fail()
      return (s as string).trim()
    }
    case 'number': {
      let n: number
      if (typeof value === 'number') n = value
      else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) n = Number(value)
      else return fail()
      if (!Number.isFinite(n)) fail()
      if (t.integer && !Number.isInteger(n)) fail()
      if (t.min !== undefined && n < t.min) fail()
      if (t.max !== undefined && n > t.max) fail()
      return n
    }
  }
}

function readPyproject(file: string): Table | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new ConfigError(`config file ${file}`, `cannot be read (${(e as Error).message})`)
  }
  let doc: Table
  try {
    doc = parseToml(text) as Table
  } catch (e) {
    const first = String((e as Error).message).split('\n')[0]
    throw new ConfigError(`config file ${file}`, `is not valid TOML: ${first}`)
  }
  const tool = doc.tool as Table | undefined
  const own = tool?.pymaint
  if (own === undefined) return null
  if (typeof own !== 'object' || own === null || Array.isArray(own))
    throw new ConfigError('[tool.pymaint]', 'must be a table')
  return own as Table
}

function insideOf(parent: string, child: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return p
  }
}

function relPathList(name: string, list: string[], root: string): string[] {
  for (const p of list) {
    if (path.isAbsolute(p) || !insideOf(root, path.resolve(root, p)))
      throw new ConfigError(
        name,
        `${show(p)} is outside the project; allowed: paths relative to ${root}`
      )
  }
  return list.map(p => p.split(path.sep).join('/'))
}

export function loadConfig(opts: LoadOptions): Config {
  const workspace = realOrSelf(path.resolve(opts.workspace))
  const projectGiven = opts.project || '.'
  const where = opts.source === 'input' ? "input 'working-directory'" : 'PATH'
  const root = realOrSelf(path.resolve(workspace, projectGiven))
  if (!insideOf(workspace, root))
    throw new ConfigError(
      where,
      `${show(projectGiven)} is outside the workspace ${workspace}; allowed: a directory inside it`
    )
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new ConfigError(where, `${show(projectGiven)} is not a directory`)

  // Explicit settings: unknown names are a programming error of the caller, not user input.
  const explicit: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(opts.explicit)) {
    const opt = optionByName(name)
    if (!opt)
      throw new ConfigError(
        opts.source === 'input' ? `input '${name}'` : `--${name}`,
        'unknown setting'
      )
    if (value === undefined || value === '') continue
    explicit[name] = coerce(opt, value, label(opt, opts.source))
  }

  let configFile: string | null = null
  if (opts.configFile) {
    configFile = path.resolve(workspace, opts.configFile)
    if (!existsSync(configFile))
      throw new ConfigError('--config', `${show(opts.configFile)} does not exist`)
  } else if (existsSync(path.join(root, 'pyproject.toml')))
    configFile = path.join(root, 'pyproject.toml')

  const own = configFile ? readPyproject(configFile) : null
  const fromFile: Record<string, unknown> = {}
  const tables: Table = {}
  if (own) {
    for (const [k0, v] of Object.entries(own)) {
      const k = k0.replace(/_/g, '-')
      // `checks` is both the list of checks to run and the [tool.pymaint.checks] custom table.
      if (SUBTABLES.has(k) && !(k === 'checks' && Array.isArray(v))) {
        tables[k] = v
        continue
      }
      const opt = optionByName(k)
      if (!opt || !opt.from.pyproject) {
        const allowed = OPTIONS.filter(o => o.from.pyproject).map(o => o.name)
        throw new ConfigError(
          `[tool.pymaint] ${k0}`,
          `unknown key; allowed: ${[...allowed, ...SUBTABLES].join(', ')}`
        )
      }
      fromFile[k] = coerce(opt, v, label(opt, 'pyproject'))
    }
  }

  const get = <T>(name: string): T => {
    if (name in explicit) return explicit[name] as T
    if (name in fromFile) return fromFile[name] as T
    return optionByName(name)!.default as T
  }

  const timeoutMs = get<number>('timeout-minutes') * 60_000
  const custom = loadCustom(tables.checks, timeoutMs)
  const known = [...BUILTIN_CHECKS, ...Object.keys(custom)]
  const checksWhere =
    'checks' in explicit ? label(optionByName('checks')!, opts.source) : '[tool.pymaint] checks'
  const requested = 'checks' in explicit || 'checks' in fromFile ? get<string[]>('checks') : known
  for (const c of requested) {
    if (!known.includes(c))
      throw new ConfigError(checksWhere, `unknown check ${show(c)}; allowed: ${known.join(', ')}`)
  }
  const skip = get<string[]>('skip-checks')
  for (const c of skip) {
    if (!known.includes(c))
      throw new ConfigError(
        label(optionByName('skip-checks')!, 'skip-checks' in explicit ? opts.source : 'pyproject'),
        `unknown check ${show(c)}; allowed: ${known.join(', ')}`
      )
  }
  const checks = known.filter(c => requested.includes(c) && !skip.includes(c))
  if (checks.length === 0)
    throw new ConfigError(checksWhere, `selects no check; allowed: ${known.join(', ')}`)

  const existing = (cands: string[]): string[] => cands.filter(c => existsSync(path.join(root, c)))
  const pathsOpt = (name: string, fallback: () => string[]): string[] => {
    const v = get<string[]>(name)
    const src =
      name in explicit ? label(optionByName(name)!, opts.source) : `[tool.pymaint] ${name}`
    return v.length > 0 ? relPathList(src, v, root) : fallback()
  }
  const paths = pathsOpt('paths', () => {
    const e = existing(['src', 'tests'])
    return e.length ? e : ['.']
  })
  const sourcePaths = pathsOpt('source-paths', () => {
    const e = existing(['src'])
    return e.length ? e : ['.']
  })
  const testPaths = pathsOpt('test-paths', () => [])
  const coverageSource = pathsOpt('coverage-source', () => sourcePaths)
  const requirements = pathsOpt('requirements', () => [])
  const structure = loadStructure(tables.structure, get<string>('structure-script'))
  if (structure.script) {
    const opt = optionByName('structure-script')!
    const src =
      'structure-script' in explicit
        ? label(opt, opts.source)
        : 'structure-script' in fromFile
          ? label(opt, 'pyproject')
          : '[tool.pymaint.structure] script'
    relPathList(src, [structure.script], root)
    if (!existsSync(path.join(root, structure.script)))
      throw new ConfigError(
        src,
        `${show(structure.script)} does not exist; allowed: a Python file in the project`
      )
  }

  // A secret: the message never repeats the value.
  const slackUrl = get<string>('slack-webhook-url')
  if (slackUrl && !/^https?:\/\/[^\s/]+\/\S*$/.test(slackUrl))
    throw new ConfigError(
      label(optionByName('slack-webhook-url')!, opts.source),
      'is not an http(s) URL (the value is not shown: it is a secret); allowed: https://hooks.slack.com/services/…'
    )

  const outGiven = get<string>('out')
  const outDir = outGiven ? path.resolve(workspace, outGiven) : opts.defaultOutDir

  return {
    workspace,
    root,
    configFile,
    outDir,
    checks,
    python: get<string>('python'),
    installTools: get('install-tools'),
    failOn: get('fail-on'),
    paths,
    sourcePaths,
    testPaths,
    coverageSource,
    mypyStrict: get('mypy-strict'),
    thresholds: {
      lint: get('lint-threshold'),
      format: get('format-threshold'),
      typeErrors: get('type-error-threshold'),
      coverage: get('coverage-threshold'),
      testPassRate: get('test-pass-rate'),
      securityFailSeverity: get<Severity>('security-fail-severity'),
      securityMinConfidence: get<Severity>('security-min-confidence'),
      vulnerabilities: get('vulnerability-threshold')
    },
    ignoreVulnerabilities: get('ignore-vulnerabilities'),
    requirements,
    timeoutMs,
    structure,
    custom,
    cleanup: loadCleanupTable(tables.cleanup, get('cleanup'), get('cleanup-branch')),
    publish: {
      githubToken: get('github-token'),
      uploadSarif: get('upload-sarif'),
      artifactName: get('artifact-name'),
      retentionDays: get('retention-days'),
      pages: get('pages'),
      pagesBranch: get('pages-branch'),
      pagesHistory: get('pages-history'),
      issues: get('issues'),
      issueLabel: get('issue-label'),
      slackWebhookUrl: get('slack-webhook-url'),
      cooldownHours: get('cooldown-hours'),
      forceNotify: get('force-notify')
    }
  }
}
