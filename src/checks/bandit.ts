// bandit: security findings from its JSON report, honouring the project's `.bandit` and
// `[tool.bandit]`, sharded over the cores on big trees (see bandit-shards.ts).
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import type { Check, CheckContext, CheckOutcome } from './check.js'
import { errorOutcome, locateTool } from './check.js'
import type { CheckResult } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { run, toolEnv } from '../tools/exec.js'
import { firstLine, type ResolvedTool } from '../tools/resolve.js'
import {
  banditFindings,
  banditRules,
  gatingFindings,
  parseBanditJson,
  securityGate,
  type BanditReport
} from './bandit-parse.js'
import {
  describeShards,
  listBanditFiles,
  mergeReports,
  shardCount,
  splitShards
} from './bandit-shards.js'

export const BANDIT = { name: 'bandit', executable: 'bandit', module: 'bandit', pip: ['bandit'] }
const INFO_URI = 'https://bandit.readthedocs.io/'

export interface BanditSettings {
  /** `.bandit` INI (project-relative) passed with `--ini`. */
  ini: string | null
  exclude: string[]
  skips: string[]
  tests: string[]
  /** pyproject.toml has `[tool.bandit]`. */
  toolTable: boolean
}

const splitList = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : [])
    .map(s => s.trim())
    .filter(Boolean)

/** The `[bandit]` section of an INI file (bandit reads it with configparser). */
export function parseBanditIni(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  let inSection = false
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith(';')) continue
    const sec = /^\[(.+)\]$/.exec(line)
    if (sec) {
      inSection = sec[1]!.trim() === 'bandit'
      continue
    }
    const kv = /^([^=:]+)[=:](.*)$/.exec(line)
    if (inSection && kv) out[kv[1]!.trim().toLowerCase()] = kv[2]!.trim()
  }
  return out
}

/**
 * What the project configures. bandit (1.6.2 verified, 1.7 the same) reads only `exclude`,
 * `skips`, `tests`, `targets` from `--ini`: the `exclude_dirs` key Pynomaly-style files use is
 * silently ignored, and a `-x` on the command line replaces the INI's `exclude`. So pymaint
 * merges every exclusion into one `-x` and leaves skips/tests to `--ini` unless
 * `[tool.bandit]` adds some (a CLI `-s` would otherwise drop the INI's).
 */
export function banditSettings(root: string, iniFound: string | null): BanditSettings {
  const ini = existsSync(path.join(root, '.bandit')) ? '.bandit' : iniFound
  const iniVals = ini ? parseBanditIni(readFileSync(path.join(root, ini), 'utf8')) : {}
  let tool: Record<string, unknown> = {}
  const pp = path.join(root, 'pyproject.toml')
  if (existsSync(pp)) {
    try {
      const doc = parseToml(readFileSync(pp, 'utf8')) as { tool?: { bandit?: unknown } }
      if (doc.tool?.bandit && typeof doc.tool.bandit === 'object')
        tool = doc.tool.bandit as Record<string, unknown>
    } catch {
      /* an invalid pyproject is reported by config loading; bandit just runs without it */
    }
  }
  const uniq = (xs: string[]): string[] => [...new Set(xs)]
  const toolSkips = splitList(tool.skips)
  const toolTests = splitList(tool.tests)
  return {
    ini,
    exclude: uniq([
      ...splitList(iniVals.exclude),
      ...splitList(iniVals.exclude_dirs),
      ...splitList(tool.exclude_dirs)
    ]),
    skips: toolSkips.length ? uniq([...splitList(iniVals.skips), ...toolSkips]) : [],
    tests: toolTests.length ? uniq([...splitList(iniVals.tests), ...toolTests]) : [],
    toolTable: Object.keys(tool).length > 0
  }
}

export function versionAtLeast(v: string | null, want: number[]): boolean {
  if (!v) return false
  const parts = v.split('.').map(n => parseInt(n, 10) || 0)
  for (let i = 0; i < want.length; i++) {
    if ((parts[i] ?? 0) !== want[i]) return (parts[i] ?? 0) > want[i]!
  }
  return true
}

/** Flags shared by the single run and every shard. */
export function banditArgs(s: BanditSettings, version: string | null): string[] {
  const args = ['-f', 'json', '-q']
  if (s.ini) args.push('--ini', s.ini)
  // [tool.bandit] natively only from 1.7.8 on (plugin options too); its lists are also
  // passed as flags so older bandit honours them (1.6.2 has no TOML config at all).
  if (s.toolTable && versionAtLeast(version, [1, 7, 8])) args.push('-c', 'pyproject.toml')
  if (s.exclude.length) args.push('-x', s.exclude.join(','))
  if (s.skips.length) args.push('-s', s.skips.join(','))
  if (s.tests.length) args.push('-t', s.tests.join(','))
  return args
}

interface OneRun {
  report?: BanditReport
  error?: string
  command: string[]
}

async function runBandit(
  t: ResolvedTool,
  ctx: CheckContext,
  args: string[],
  out: string
): Promise<OneRun> {
  const full = [...t.prefix, ...args, '-o', out]
  const command = [t.command, ...full]
  const r = await run(t.command, full, {
    cwd: ctx.config.root,
    env: toolEnv(t.env),
    timeoutMs: ctx.config.timeoutMs
  })
  if (r.timedOut || r.spawnError)
    return {
      command,
      error: `bandit ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`
    }
  if (r.exitCode !== 0 && r.exitCode !== 1)
    return { command, error: `bandit exited ${r.exitCode}: ${firstLine(r.stderr || r.stdout)}` }
  let text: string
  try {
    text = await readFile(out, 'utf8')
  } catch {
    return { command, error: `bandit wrote no report: ${firstLine(r.stderr || r.stdout)}` }
  }
  try {
    return { command, report: parseBanditJson(text) }
  } catch (e) {
    return {
      command,
      error: `bandit printed output that is not its JSON format (${(e as Error).message})`
    }
  }
}

export interface BanditScanOptions {
  /** 'auto' applies the size rule (bandit-shards.ts); a number forces that many shards. */
  shards: 'auto' | number
  cores?: number
}

export async function banditScan(
  ctx: CheckContext,
  opts: BanditScanOptions
): Promise<CheckOutcome> {
  const found = await locateTool(ctx, BANDIT, INFO_URI)
  if (!found.ok) return found.outcome
  const { t, tool } = found
  const root = ctx.config.root
  const targets = ctx.config.sourcePaths.filter(p => existsSync(path.join(root, p)))
  if (targets.length === 0)
    return {
      status: 'skipped',
      reason: `none of the source paths exist: ${ctx.config.sourcePaths.join(', ')}`,
      tool,
      findings: []
    }
  let settings = banditSettings(root, null)
  const python = await ctx.tools.projectPython()
  let listing
  try {
    listing = await listBanditFiles(python, root, targets, settings.exclude)
  } catch (e) {
    return errorOutcome(tool, (e as Error).message)
  }
  // bandit finds a lone `.bandit` under its targets by itself, but only when recursing:
  // name it explicitly so shards (given files, not dirs) use it too.
  if (!settings.ini && listing.iniFiles.length === 1)
    settings = banditSettings(root, path.normalize(listing.iniFiles[0]!))
  const common = banditArgs(settings, t.version)
  const totalBytes = listing.files.reduce((n, f) => n + f.size, 0)
  const cores = opts.cores ?? Math.max(1, os.availableParallelism())
  const n =
    opts.shards === 'auto'
      ? shardCount(totalBytes, cores, listing.files.length)
      : Math.max(1, Math.min(opts.shards, listing.files.length))
  let runs: OneRun[]
  if (n <= 1) {
    runs = [
      await runBandit(t, ctx, [...common, '-r', ...targets], path.join(ctx.tmpDir, 'bandit.json'))
    ]
  } else {
    const lists = await describeShards(ctx.tmpDir, splitShards(listing.files, n))
    ctx.log(`bandit: ${listing.files.length} files, ${totalBytes} bytes in ${lists.length} shards`)
    runs = await Promise.all(
      lists.map((files, i) =>
        runBandit(t, ctx, [...common, ...files], path.join(ctx.tmpDir, `bandit-${i}.json`))
      )
    )
  }
  const failed = runs.find(r => r.error)
  if (failed) return errorOutcome(tool, failed.error!, failed.command)
  const report = mergeReports(runs.map(r => r.report!))
  const findings = banditFindings(report, root)
  const gating = gatingFindings(findings, ctx.config).length
  const totals = report.metrics?._totals ?? {}
  return {
    status: gating > 0 ? 'failed' : 'passed',
    tool,
    findings,
    rules: banditRules(findings),
    // Sharded: the first shard's argv stands for all (they differ only in the file list).
    command: runs[0]!.command,
    metrics: {
      results: report.results.length,
      gating,
      parseErrors: report.errors.length,
      files: listing.files.length,
      linesOfCode: totals.loc ?? null,
      nosec: totals.nosec ?? null,
      shards: n,
      bySeverity: countBy(findings.map(f => f.severity).filter(Boolean) as string[])
    }
  }
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const x of xs) out[x] = (out[x] ?? 0) + 1
  return out
}

export const banditCheck: Check = {
  id: 'bandit',
  title: 'Security (bandit)',
  weight: 5,
  run: ctx => banditScan(ctx, { shards: 'auto' }),
  gates(result: CheckResult, config: Config) {
    return [securityGate(result.findings, config)]
  }
}
