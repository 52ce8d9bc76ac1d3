// ruff check: lint violations from `--output-format json` (syntax errors included, as
// `invalid-syntax`). No cache and no fixes, whatever the project's config says.
import type { Check, CheckOutcome, CheckContext } from './check.js'
import { errorOutcome, locateTool } from './check.js'
import type { Finding, RuleMeta, CheckResult } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { maxGate } from '../gates.js'
import { run, toolEnv } from '../tools/exec.js'
import { firstLine } from '../tools/resolve.js'
import { relPath } from './paths.js'

export const RUFF = { name: 'ruff', executable: 'ruff', module: 'ruff', pip: ['ruff'] }
const INFO_URI = 'https://docs.astral.sh/ruff/'

interface RuffDiagnostic {
  code: string | null
  name?: string
  message: string
  filename: string
  location: { row: number; column: number } | null
  end_location: { row: number; column: number } | null
  url: string | null
  fix?: { message?: string | null } | null
}

interface RuffRuleDoc {
  code: string
  name: string
  linter: string
  summary: string
  explanation: string
}

export function parseRuffJson(stdout: string, root: string): Finding[] {
  const data: unknown = JSON.parse(stdout)
  if (!Array.isArray(data)) throw new Error('ruff JSON output is not an array')
  return (data as RuffDiagnostic[]).map(d => {
    const ruleId = d.code ?? 'invalid-syntax'
    const f: Finding = {
      ruleId,
      level: 'error',
      message: d.message,
      path: relPath(root, d.filename),
      line: d.location?.row ?? 0,
      column: d.location?.column ?? 0,
      endLine: d.end_location?.row,
      endColumn: d.end_location?.column,
      fingerprint: '',
      helpUri: d.url ?? undefined
    }
    if (d.fix?.message) f.hint = d.fix.message
    return f
  })
}

/** Rule documentation for the rules that fired, from `ruff rule --all` (one cheap call). */
export async function ruffRules(
  command: string,
  prefix: string[],
  root: string,
  ids: Set<string>
): Promise<Record<string, RuleMeta>> {
  const rules: Record<string, RuleMeta> = {}
  if (ids.has('invalid-syntax')) {
    rules['invalid-syntax'] = {
      id: 'invalid-syntax',
      name: 'invalid-syntax',
      shortDescription: 'Python syntax error',
      fullDescription:
        'The file could not be parsed as Python; ruff reports the syntax error and cannot lint the file.',
      help: 'Fix the syntax error so the file parses.',
      helpUri: INFO_URI
    }
  }
  const want = [...ids].filter(i => i !== 'invalid-syntax')
  if (want.length === 0) return rules
  const r = await run(command, [...prefix, 'rule', '--all', '--output-format', 'json'], {
    cwd: root,
    timeoutMs: 60_000
  })
  let docs: RuffRuleDoc[] = []
  try {
    docs = JSON.parse(r.stdout) as RuffRuleDoc[]
  } catch {
    /* older ruff without JSON rule docs: rules get generic help below */
  }
  for (const id of want) {
    const d = docs.find(x => x.code === id)
    rules[id] = {
      id,
      name: d?.name,
      shortDescription: d?.summary ?? id,
      fullDescription: d ? `${d.linter}: ${d.summary}` : id,
      help: d?.explanation ?? `See the ruff documentation for ${id}.`,
      helpUri: d ? `https://docs.astral.sh/ruff/rules/${d.name}` : INFO_URI
    }
  }
  return rules
}

export const ruffCheck: Check = {
  id: 'ruff',
  title: 'Lint (ruff)',
  weight: 2,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const found = await locateTool(ctx, RUFF, INFO_URI)
    if (!found.ok) return found.outcome
    const { t, tool } = found
    const args = [
      ...t.prefix,
      'check',
      '--output-format',
      'json',
      '--no-cache',
      '--no-fix',
      '--force-exclude',
      ...ctx.config.paths
    ]
    const r = await run(t.command, args, {
      cwd: ctx.config.root,
      env: toolEnv(t.env),
      timeoutMs: ctx.config.timeoutMs
    })
    const command = [t.command, ...args]
    if (r.timedOut || r.spawnError)
      return errorOutcome(
        tool,
        `ruff ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`,
        command
      )
    if (r.exitCode !== 0 && r.exitCode !== 1)
      return errorOutcome(
        tool,
        `ruff exited ${r.exitCode}: ${firstLine(r.stderr || r.stdout)}`,
        command
      )
    let findings: Finding[]
    try {
      findings = parseRuffJson(r.stdout, ctx.config.root)
    } catch (e) {
      return errorOutcome(
        tool,
        `ruff printed output that is not its JSON format (${(e as Error).message})`,
        command
      )
    }
    const rules = await ruffRules(
      t.command,
      t.prefix,
      ctx.config.root,
      new Set(findings.map(f => f.ruleId))
    )
    return {
      status: findings.length ? 'failed' : 'passed',
      tool,
      findings,
      rules,
      command,
      metrics: { violations: findings.length }
    }
  },
  gates(result: CheckResult, config: Config) {
    return [
      maxGate('lint', 'ruff', result.findings.length, config.thresholds.lint, 'lint violations')
    ]
  }
}
