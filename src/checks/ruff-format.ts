// ruff format --check: one finding per Python file that would be reformatted, at its first
// changed position; a file that does not parse is its own finding and does not stop the others.
import path from 'node:path'
import type { Check, CheckOutcome, CheckContext } from './check.js'
import { errorOutcome, locateTool } from './check.js'
import type { Finding, RuleMeta, CheckResult } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { maxGate } from '../gates.js'
import { run, toolEnv } from '../tools/exec.js'
import { firstLine } from '../tools/resolve.js'
import { RUFF } from './ruff.js'
import { relPath } from './paths.js'

const INFO_URI = 'https://docs.astral.sh/ruff/formatter/'

/** ruff's fatal errors say `ruff failed` and put the why on `Cause:` lines. */
export function ruffFailure(stderr: string, stdout = ''): string {
  const causes = stderr
    .split('\n')
    .map(l => /^\s*Cause:\s*(.+)$/.exec(l)?.[1])
    .filter((c): c is string => !!c)
  const head = firstLine(stderr || stdout)
  return causes.length ? `${head}: ${causes.join(': ')}`.slice(0, 300) : head
}

/**
 * ruff ≥ 0.16 also formats Python code blocks inside Markdown files it finds under a directory.
 * This check is about Python sources, so only these count; others are reported in the metrics.
 */
export const PYTHON_EXTENSIONS = new Set(['.py', '.pyi', '.ipynb'])

export function isPythonSource(file: string): boolean {
  return PYTHON_EXTENSIONS.has(path.extname(file).toLowerCase())
}

interface FormatDiagnostic {
  code: string | null
  message: string
  filename: string
  location: { row: number; column: number } | null
  end_location: { row: number; column: number } | null
}

export interface FormatParse {
  findings: Finding[]
  /** Files ruff would change that are not Python sources (Markdown code blocks). */
  nonPython: string[]
}

function toFinding(
  root: string,
  code: string,
  message: string,
  file: string,
  line: number,
  column: number
): Finding {
  const syntax = code === 'invalid-syntax'
  return {
    ruleId: syntax ? 'invalid-syntax' : 'format',
    level: syntax ? 'error' : 'warning',
    message: syntax
      ? `Cannot format: ${message}`
      : 'File would be reformatted by ruff format (first change here)',
    path: relPath(root, file),
    line,
    column,
    fingerprint: '',
    helpUri: INFO_URI
  }
}

function split(all: Finding[]): FormatParse {
  const findings: Finding[] = []
  const nonPython: string[] = []
  for (const f of all) {
    if (isPythonSource(f.path)) findings.push(f)
    else nonPython.push(f.path)
  }
  return { findings, nonPython }
}

/** `ruff format --check --output-format json` (ruff ≥ 0.9): an array of diagnostics. */
export function parseFormatJson(stdout: string, root: string): FormatParse {
  const data: unknown = JSON.parse(stdout)
  if (!Array.isArray(data)) throw new Error('ruff format JSON output is not an array')
  const all = (data as FormatDiagnostic[]).map(d => {
    if (typeof d?.filename !== 'string') throw new Error('diagnostic without a filename')
    return toFinding(
      root,
      d.code ?? 'invalid-syntax',
      d.message,
      d.filename,
      d.location?.row ?? 1,
      d.location?.column ?? 1
    )
  })
  return split(all)
}

/**
 * Older ruff without `--output-format` for format: `--diff` prints unified diffs (stdout) and
 * `error: Failed to parse FILE:L:C: msg` (stderr). The first hunk gives the first changed line.
 */
export function parseFormatDiff(stdout: string, stderr: string, root: string): FormatParse {
  const all: Finding[] = []
  let current: Finding | null = null
  let hunkSeen = false
  const lines = stdout.split('\n')
  lines.forEach((line, i) => {
    const head = /^--- (.+?)\s*$/.exec(line)
    if (head && lines[i + 1]?.startsWith('+++ ')) {
      current = toFinding(root, 'format', '', head[1]!, 1, 1)
      all.push(current)
      hunkSeen = false
      return
    }
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(line)
    if (hunk && current && !hunkSeen) {
      // The hunk starts with unchanged context lines; the first -/+ line is the change.
      let n = Number(hunk[1])
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith(' '); j++) n++
      current.line = Math.max(1, n)
      hunkSeen = true
    }
  })
  for (const line of stderr.split('\n')) {
    const m = /^error: Failed to parse (.+?):(\d+):(\d+): (.*)$/.exec(line.trim())
    if (m) all.push(toFinding(root, 'invalid-syntax', m[4]!, m[1]!, Number(m[2]), Number(m[3])))
  }
  return split(all)
}

const RULES: Record<string, RuleMeta> = {
  format: {
    id: 'format',
    name: 'unformatted',
    shortDescription: 'File is not formatted with ruff format',
    fullDescription:
      'ruff format would change this file; the location is the first change it would make.',
    help: 'Run `ruff format` on the file (or the project) and commit the result.',
    helpUri: INFO_URI
  },
  'invalid-syntax': {
    id: 'invalid-syntax',
    name: 'invalid-syntax',
    shortDescription: 'File cannot be parsed, so it cannot be formatted',
    fullDescription: 'ruff format could not parse this file as Python and left it unchecked.',
    help: 'Fix the syntax error so the file parses.',
    helpUri: INFO_URI
  }
}

export const ruffFormatCheck: Check = {
  id: 'ruff-format',
  title: 'Formatting (ruff format)',
  weight: 1,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const found = await locateTool(ctx, RUFF, INFO_URI)
    if (!found.ok) return found.outcome
    const { t, tool } = found
    const base = [...t.prefix, 'format', '--no-cache', '--force-exclude']
    const opts = { cwd: ctx.config.root, env: toolEnv(t.env), timeoutMs: ctx.config.timeoutMs }
    let args = [...base, '--check', '--output-format', 'json', ...ctx.config.paths]
    let r = await run(t.command, args, opts)
    let legacy = false
    if (r.exitCode === 2 && /unexpected argument '--output-format'/.test(r.stderr)) {
      legacy = true
      // --diff alone never writes and exits 1 when something would change.
      args = [...base, '--diff', ...ctx.config.paths]
      r = await run(t.command, args, opts)
    }
    const command = [t.command, ...args]
    if (r.timedOut || r.spawnError)
      return errorOutcome(
        tool,
        `ruff format ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`,
        command
      )
    // Exit 2 is both "some file does not parse" (still a full report) and a usage error.
    if (r.exitCode !== 0 && r.exitCode !== 1 && r.exitCode !== 2)
      return errorOutcome(
        tool,
        `ruff format exited ${r.exitCode}: ${ruffFailure(r.stderr, r.stdout)}`,
        command
      )
    let parsed: FormatParse
    try {
      parsed = legacy
        ? parseFormatDiff(r.stdout, r.stderr, ctx.config.root)
        : parseFormatJson(r.stdout, ctx.config.root)
    } catch (e) {
      return errorOutcome(
        tool,
        r.exitCode === 2
          ? `ruff format exited 2: ${ruffFailure(r.stderr, r.stdout)}`
          : `ruff format printed output that is not its JSON format (${(e as Error).message})`,
        command
      )
    }
    if (r.exitCode === 2 && !parsed.findings.some(f => f.ruleId === 'invalid-syntax'))
      return errorOutcome(tool, `ruff format exited 2: ${ruffFailure(r.stderr, r.stdout)}`, command)
    const { findings, nonPython } = parsed
    const unformatted = findings.filter(f => f.ruleId === 'format').length
    const rules: Record<string, RuleMeta> = {}
    for (const f of findings) rules[f.ruleId] = RULES[f.ruleId]!
    return {
      status: findings.length ? 'failed' : 'passed',
      tool,
      findings,
      rules,
      command,
      metrics: {
        unformatted,
        unparsable: findings.length - unformatted,
        nonPythonIgnored: nonPython.length
      }
    }
  },
  gates(result: CheckResult, config: Config) {
    return [
      maxGate(
        'format',
        'ruff-format',
        result.findings.length,
        config.thresholds.format,
        'files not formatted'
      )
    ]
  }
}
