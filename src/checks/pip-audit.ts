// pip-audit: known vulnerabilities in the declared requirements files / pyproject, or in the
// project's environment. Exit 1 means "vulnerabilities" only when JSON was written; without
// JSON it is pip-audit failing (resolver, network, bad file), which is an `error`.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Check, CheckContext, CheckOutcome } from './check.js'
import { errorOutcome, locateTool } from './check.js'
import type { CheckResult } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { run, toolEnv } from '../tools/exec.js'
import { lastLine } from '../tools/resolve.js'
import { declarations, isIgnored, vulnFindings, vulnGate, vulnRules, type Vuln } from './deps.js'

export const PIP_AUDIT = {
  name: 'pip-audit',
  executable: 'pip-audit',
  module: 'pip_audit',
  pip: ['pip-audit']
}
const INFO_URI = 'https://github.com/pypa/pip-audit'

export interface PipAuditParsed {
  vulns: Vuln[]
  skipped: { name: string; reason: string }[]
  packages: number
}

interface PaDep {
  name: string
  version?: string
  vulns?: { id: string; fix_versions?: string[]; aliases?: string[]; description?: string }[]
  skip_reason?: string
}

/** `pip-audit -f json`: {"dependencies": [...], "fixes": [...]} (2.x) or the bare list (1.x). */
export function parsePipAuditJson(text: string): PipAuditParsed {
  const doc: unknown = JSON.parse(text)
  const deps = Array.isArray(doc)
    ? (doc as PaDep[])
    : typeof doc === 'object' &&
        doc !== null &&
        Array.isArray((doc as { dependencies?: unknown }).dependencies)
      ? (doc as { dependencies: PaDep[] }).dependencies
      : null
  if (!deps) throw new Error('pip-audit JSON has no dependencies array')
  const vulns: Vuln[] = []
  const skipped: PipAuditParsed['skipped'] = []
  for (const d of deps) {
    if (d.skip_reason !== undefined) {
      skipped.push({ name: d.name, reason: d.skip_reason })
      continue
    }
    for (const v of d.vulns ?? [])
      vulns.push({
        package: d.name,
        version: d.version ?? '',
        id: v.id,
        aliases: v.aliases ?? [],
        fixVersions: v.fix_versions ?? [],
        description: v.description ?? ''
      })
  }
  return { vulns, skipped, packages: deps.length }
}

/** What to audit: each requirements file with -r, a pyproject's project dir, else the environment. */
export function pipAuditTargets(config: Config): { args: string[]; mode: string } {
  const args: string[] = []
  for (const r of config.requirements) {
    if (path.basename(r) === 'pyproject.toml') args.push(path.dirname(r) || '.')
    else args.push('-r', r)
  }
  return { args, mode: args.length ? 'requirements' : 'environment' }
}

/** Turns one pip-audit run (exit code, the JSON file's text if any, stderr) into an outcome. */
export function pipAuditOutcome(
  r: { exitCode: number; json: string | null; stderr: string },
  config: Config,
  tool: { name: string; version: string | null },
  command: string[]
): CheckOutcome {
  if (r.json === null || r.json.trim() === '')
    return errorOutcome(
      tool,
      `pip-audit failed (exit ${r.exitCode}, no JSON report): ${lastLine(r.stderr) || 'no output'}`,
      command
    )
  let parsed: PipAuditParsed
  try {
    parsed = parsePipAuditJson(r.json)
  } catch (e) {
    return errorOutcome(
      tool,
      `pip-audit printed output that is not its JSON format (${(e as Error).message})`,
      command
    )
  }
  if (r.exitCode !== 0 && parsed.vulns.length === 0)
    return errorOutcome(
      tool,
      `pip-audit exited ${r.exitCode}: ${lastLine(r.stderr) || 'no output'}`,
      command
    )
  const kept = parsed.vulns.filter(v => !isIgnored(v, config.ignoreVulnerabilities))
  const findings = vulnFindings(kept, declarations(config.root, config.requirements))
  return {
    status: findings.length ? 'failed' : 'passed',
    tool,
    findings,
    rules: vulnRules(kept),
    command,
    metrics: {
      packages: parsed.packages,
      vulnerabilities: findings.length,
      ignored: parsed.vulns.length - kept.length,
      vulnerablePackages: new Set(kept.map(v => v.package)).size,
      skipped: parsed.skipped
    }
  }
}

export const pipAuditCheck: Check = {
  id: 'pip-audit',
  title: 'Dependency vulnerabilities (pip-audit)',
  weight: 3,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const found = await locateTool(ctx, PIP_AUDIT, INFO_URI)
    if (!found.ok) return found.outcome
    const { t, tool } = found
    const out = path.join(ctx.tmpDir, 'pip-audit.json')
    const { args: targets, mode } = pipAuditTargets(ctx.config)
    const args = [...t.prefix, '-f', 'json', '-o', out, '--progress-spinner', 'off', ...targets]
    // pip-audit asks pip about the environment through pip-api, which honours this variable:
    // the project's interpreter, not the one pip-audit is installed in.
    const env = toolEnv({
      ...t.env,
      ...(mode === 'environment' ? { PIPAPI_PYTHON_LOCATION: await ctx.tools.projectPython() } : {})
    })
    const r = await run(t.command, args, {
      cwd: ctx.config.root,
      env,
      timeoutMs: ctx.config.timeoutMs
    })
    const command = [t.command, ...args]
    if (r.timedOut || r.spawnError)
      return errorOutcome(
        tool,
        `pip-audit ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`,
        command
      )
    const json = await readFile(out, 'utf8').catch(() =>
      r.stdout.trim().startsWith('{') ? r.stdout : null
    )
    const o = pipAuditOutcome(
      { exitCode: r.exitCode, json, stderr: r.stderr || r.stdout },
      ctx.config,
      tool,
      command
    )
    o.metrics = { ...o.metrics, source: mode }
    return o
  },
  gates(result: CheckResult, config: Config) {
    return [vulnGate('pip-audit', result, config)]
  }
}
