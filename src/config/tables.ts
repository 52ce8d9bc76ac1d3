// The [tool.pymaint.*] sub-tables (structure, checks.<id>, cleanup): each validated into its typed
// config with one-line ConfigErrors naming the key.
import { ConfigError } from './errors.js'
import { BUILTIN_CHECKS } from './options.js'
import type { CleanupConfig, CustomCheckConfig, StructureConfig } from './types.js'

type Table = Record<string, unknown>

const CHECK_ID = /^[a-z][a-z0-9-]{0,39}$/

export function show(v: unknown): string {
  return JSON.stringify(v) ?? String(v)
}

/** Coerces one value (a string from an input/flag, or a TOML value) to the option's type. */
export function strList(v: unknown, where: string): string[] {
  if (v === undefined) return []
  if (!Array.isArray(v) || !v.every(x => typeof x === 'string'))
    throw new ConfigError(where, `${show(v)} is not allowed; expected a list of strings`)
  return v as string[]
}

function checkKeys(table: Table, allowed: string[], where: string): void {
  for (const k of Object.keys(table)) {
    if (!allowed.includes(k))
      throw new ConfigError(`${where} ${k}`, `unknown key; allowed: ${allowed.join(', ')}`)
  }
}

function normKeys(table: Table): Table {
  const out: Table = {}
  for (const [k, v] of Object.entries(table)) out[k.replace(/_/g, '-')] = v
  return out
}

export function loadStructure(raw: unknown, scriptOpt: string): StructureConfig {
  const where = '[tool.pymaint.structure]'
  const t = raw === undefined ? {} : raw
  if (typeof t !== 'object' || t === null || Array.isArray(t))
    throw new ConfigError(where, 'must be a table')
  const table = normKeys(t as Table)
  checkKeys(
    table,
    [
      'required',
      'forbidden',
      'root-allow',
      'layers',
      'package',
      'independent',
      'type-checking-imports',
      'script'
    ],
    where
  )
  const independent = table.independent === undefined ? [] : table.independent
  if (
    !Array.isArray(independent) ||
    !independent.every(g => Array.isArray(g) && g.every(x => typeof x === 'string'))
  )
    throw new ConfigError(
      `${where} independent`,
      `${show(independent)} is not allowed; expected a list of lists of package names`
    )
  const tci = table['type-checking-imports'] ?? false
  if (typeof tci !== 'boolean')
    throw new ConfigError(
      `${where} type-checking-imports`,
      `${show(tci)} is not allowed; expected true or false`
    )
  const pkg = table.package ?? ''
  if (typeof pkg !== 'string')
    throw new ConfigError(
      `${where} package`,
      `${show(pkg)} is not allowed; expected a dotted package name`
    )
  const script = table.script ?? ''
  if (typeof script !== 'string')
    throw new ConfigError(`${where} script`, `${show(script)} is not allowed; expected a path`)
  return {
    required: strList(table.required, `${where} required`),
    forbidden: strList(table.forbidden, `${where} forbidden`),
    rootAllow: strList(table['root-allow'], `${where} root-allow`),
    layers: strList(table.layers, `${where} layers`),
    package: pkg,
    independent: independent as string[][],
    typeCheckingImports: tci,
    script: scriptOpt || script,
    configured: raw !== undefined
  }
}

export function loadCustom(
  raw: unknown,
  defaultTimeoutMs: number
): Record<string, CustomCheckConfig> {
  const out: Record<string, CustomCheckConfig> = {}
  if (raw === undefined) return out
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigError('[tool.pymaint.checks]', 'must be a table of tables')
  for (const [id, def] of Object.entries(raw as Table)) {
    const where = `[tool.pymaint.checks.${id}]`
    if (!CHECK_ID.test(id))
      throw new ConfigError(where, 'check ids are lower-case letters, digits and dashes')
    if ((BUILTIN_CHECKS as readonly string[]).includes(id))
      throw new ConfigError(where, `'${id}' is a built-in check; choose another id`)
    if (typeof def !== 'object' || def === null || Array.isArray(def))
      throw new ConfigError(where, 'must be a table')
    const t = normKeys(def as Table)
    checkKeys(t, ['command', 'format', 'threshold', 'title', 'timeout-minutes'], where)
    const command = t.command
    if (
      !Array.isArray(command) ||
      command.length === 0 ||
      !command.every(x => typeof x === 'string')
    )
      throw new ConfigError(
        `${where} command`,
        `${show(command)} is not allowed; expected a non-empty list of strings (argv, no shell)`
      )
    const format = t.format ?? 'sarif'
    if (format !== 'sarif' && format !== 'findings-json')
      throw new ConfigError(
        `${where} format`,
        `${show(format)} is not allowed; expected one of sarif, findings-json`
      )
    const threshold = t.threshold ?? 0
    if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 0)
      throw new ConfigError(
        `${where} threshold`,
        `${show(threshold)} is not allowed; expected a whole number ≥ 0`
      )
    const title = t.title ?? id
    if (typeof title !== 'string')
      throw new ConfigError(`${where} title`, `${show(title)} is not allowed; expected a string`)
    const tm = t['timeout-minutes']
    if (tm !== undefined && (typeof tm !== 'number' || tm <= 0))
      throw new ConfigError(
        `${where} timeout-minutes`,
        `${show(tm)} is not allowed; expected a number > 0`
      )
    out[id] = {
      id,
      title,
      command: command as string[],
      format,
      threshold,
      timeoutMs: tm === undefined ? defaultTimeoutMs : (tm as number) * 60_000
    }
  }
  return out
}

export function loadCleanupTable(
  raw: unknown,
  mode: CleanupConfig['mode'],
  branch: string
): CleanupConfig {
  const where = '[tool.pymaint.cleanup]'
  const t = raw === undefined ? {} : raw
  if (typeof t !== 'object' || t === null || Array.isArray(t))
    throw new ConfigError(where, 'must be a table')
  const table = normKeys(t as Table)
  checkKeys(table, ['extend', 'exclude', 'gitignore'], where)
  const gi = table.gitignore ?? false
  if (typeof gi !== 'boolean')
    throw new ConfigError(
      `${where} gitignore`,
      `${show(gi)} is not allowed; expected true or false`
    )
  return {
    mode,
    branch,
    extend: strList(table.extend, `${where} extend`),
    exclude: strList(table.exclude, `${where} exclude`),
    gitignore: gi
  }
}
