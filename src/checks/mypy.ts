// mypy (strict by default) with `-O json`, in the project root so its [tool.mypy] applies, with
// the project's interpreter and a per-project cache outside the project. One file that does not
// parse aborts a mypy run, so such files are reported and the run repeated without them.
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Check, CheckOutcome, CheckContext } from './check.js'
import { errorOutcome, locateTool } from './check.js'
import type { Finding, RuleMeta, CheckResult } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { maxGate } from '../gates.js'
import { run, toolEnv } from '../tools/exec.js'
import { firstLine } from '../tools/resolve.js'
import { relPath } from './paths.js'
import { moduleNames, projectMypyConfig, writeSkipConfig } from './mypy-config.js'

export const MYPY = { name: 'mypy', executable: 'mypy', module: 'mypy', pip: ['mypy'] }
const INFO_URI = 'https://mypy.readthedocs.io/'
const CODES_URI = 'https://mypy.readthedocs.io/en/stable/error_code_list.html'
/** mypy stops at the first broken file, so each re-run finds one more; at most 10 broken files. */
const MAX_PASSES = 11

interface MypyMessage {
  file: string
  line: number
  column: number
  end_line?: number | null
  end_column?: number | null
  message: string
  hint?: string | null
  code?: string | null
  severity: 'error' | 'note' | string
}

export interface MypyParse {
  findings: Finding[]
  /** Lines that are not JSON (fatal errors, crash tracebacks, summaries). */
  text: string[]
}

/** mypy's fatal text: the `error:` line (after a usage block) says what went wrong. */
export function mypyFailure(text: string): string {
  const lines = text.split('\n').map(l => l.trim())
  return (lines.find(l => /(^|: )error: /.test(l)) ?? firstLine(text)).slice(0, 300)
}

function lineOf(n: number | null | undefined): number {
  return typeof n === 'number' && n > 0 ? n : 0
}

/** JSON lines into findings: errors are findings, notes become the hint of the error before them. */
export function parseMypyJson(stdout: string, root: string): MypyParse {
  const findings: Finding[] = []
  const text: string[] = []
  let last: Finding | null = null
  for (const raw of stdout.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    let m: MypyMessage
    try {
      if (!line.startsWith('{')) throw new Error('not JSON')
      m = JSON.parse(line) as MypyMessage
      if (typeof m.file !== 'string' || typeof m.message !== 'string') throw new Error('shape')
    } catch {
      text.push(line)
      continue
    }
    if (m.severity === 'note') {
      if (last) {
        last.hint = last.hint ? `${last.hint}\n${m.message}` : m.message
        continue
      }
      // A note with no error before it (reveal_type, reveal_locals) is information only.
    }
    const code = m.code ?? (m.severity === 'note' ? 'note' : 'misc')
    const f: Finding = {
      ruleId: code,
      level: m.severity === 'note' ? 'note' : 'error',
      message: m.message,
      path: relPath(root, m.file),
      line: lineOf(m.line),
      column: Math.max(1, (m.column ?? 0) + 1),
      fingerprint: '',
      helpUri: code === 'syntax' ? INFO_URI : `${CODES_URI}#${code}`,
      properties: { mypyColumn: m.column }
    }
    if (lineOf(m.end_line)) f.endLine = lineOf(m.end_line)
    if (typeof m.end_column === 'number' && m.end_column >= 0) f.endColumn = m.end_column + 1
    if (m.hint) f.hint = m.hint
    findings.push(f)
    if (f.level === 'error') last = f
  }
  return { findings, text }
}

/** A regex for mypy's --exclude that matches exactly one project-relative file. */
export function excludePattern(rel: string): string {
  return `(^|/)${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`
}

/** Cache per project and settings: a warm cache replays the paths of the run that wrote it. */
export function cacheKey(root: string, python: string, strict: boolean): string {
  return createHash('sha256').update(`${root}\0${python}\0${strict}`).digest('hex').slice(0, 16)
}

function rulesFor(findings: Finding[]): Record<string, RuleMeta> {
  const rules: Record<string, RuleMeta> = {}
  for (const f of findings) {
    if (rules[f.ruleId]) continue
    rules[f.ruleId] =
      f.ruleId === 'syntax'
        ? {
            id: 'syntax',
            name: 'syntax',
            shortDescription: 'Python syntax error',
            fullDescription:
              'mypy could not parse this file; it was left out so the other files could be type-checked.',
            help: 'Fix the syntax error so the file parses.',
            helpUri: INFO_URI
          }
        : {
            id: f.ruleId,
            name: f.ruleId,
            shortDescription: `mypy error code ${f.ruleId}`,
            fullDescription: `mypy reports this with the error code [${f.ruleId}].`,
            help: `See the mypy error code list for [${f.ruleId}], or add the annotation or fix mypy asks for.`,
            helpUri: f.helpUri
          }
  }
  return rules
}

export const mypyCheck: Check = {
  id: 'mypy',
  title: 'Types (mypy)',
  weight: 5,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const found = await locateTool(ctx, MYPY, INFO_URI)
    if (!found.ok) return found.outcome
    const { t, tool } = found
    const { config } = ctx
    const python = await ctx.tools.projectPython()
    const cacheDir = path.join(ctx.cacheDir, cacheKey(config.root, python, config.mypyStrict))
    const base = [
      ...t.prefix,
      '-O',
      'json',
      '--cache-dir',
      cacheDir,
      '--python-executable',
      python,
      ...(config.mypyStrict ? ['--strict'] : []),
      ...config.sourcePaths
    ]
    const opts = {
      cwd: config.root,
      env: toolEnv({ ...t.env, MYPY_FORCE_COLOR: '0' }),
      timeoutMs: config.timeoutMs
    }
    // CLI --exclude adds to the project's own exclude list rather than replacing it.
    const broken = new Set<string>()
    const syntax = new Map<string, Finding>()
    let command: string[] = []
    let typeFindings: Finding[] = []
    let leftover = ''
    const projectConfig = projectMypyConfig(config.root)
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let skipArgs: string[] = []
      if (broken.size) {
        // Importers of a broken module would make mypy parse it again: skip following it.
        const mods = [...broken].flatMap(f => moduleNames(config.root, f))
        const file = await writeSkipConfig(projectConfig, mods, ctx.tmpDir)
        if (file) skipArgs = ['--config-file', file]
      }
      const args = [
        ...base,
        ...skipArgs,
        ...[...broken].flatMap(f => ['--exclude', excludePattern(f)])
      ]
      command = [t.command, ...args]
      const r = await run(t.command, args, opts)
      if (r.timedOut || r.spawnError)
        return errorOutcome(
          tool,
          `mypy ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`,
          command
        )
      const parsed = parseMypyJson(r.stdout, config.root)
      const newSyntax = parsed.findings.filter(f => f.ruleId === 'syntax')
      for (const f of newSyntax) syntax.set(`${f.path}:${f.line}:${f.column}:${f.message}`, f)
      typeFindings = parsed.findings.filter(f => f.ruleId !== 'syntax')
      if (r.exitCode === 0 || r.exitCode === 1) {
        // A clean run prints one empty line; anything else without JSON is not mypy's output.
        if (parsed.findings.length === 0 && (r.exitCode === 1 || parsed.text.length > 0))
          return errorOutcome(
            tool,
            `mypy printed no JSON diagnostics (exit ${r.exitCode}): ${firstLine(parsed.text.join('\n') || r.stderr)}`,
            command
          )
        leftover = ''
        break
      }
      if (r.exitCode !== 2 || newSyntax.length === 0)
        return errorOutcome(
          tool,
          `mypy exited ${r.exitCode}: ${mypyFailure(r.stderr || parsed.text.join('\n') || r.stdout)}`,
          command
        )
      const fresh = [...new Set(newSyntax.map(f => f.path))].filter(p => !broken.has(p))
      if (fresh.length === 0) {
        // Still reached through an import (a module name pymaint could not work out).
        leftover = `files that import ${[...new Set(newSyntax.map(f => f.path))].join(', ')} could not be type-checked`
        typeFindings = []
        break
      }
      for (const p of fresh) broken.add(p)
      leftover = 'too many files with syntax errors; the rest was not type-checked'
    }
    const findings = [...syntax.values(), ...typeFindings]
    const errors = findings.filter(f => f.level === 'error').length
    return {
      status: errors ? 'failed' : 'passed',
      reason: leftover || undefined,
      tool,
      findings,
      rules: rulesFor(findings),
      command,
      metrics: {
        errors,
        syntaxErrors: syntax.size,
        filesWithErrors: new Set(findings.filter(f => f.level === 'error').map(f => f.path)).size,
        unparsableFiles: [...broken],
        strict: config.mypyStrict
      }
    }
  },
  gates(result: CheckResult, config: Config) {
    const errors = result.findings.filter(f => f.level === 'error').length
    return [maxGate('types', 'mypy', errors, config.thresholds.typeErrors, 'type errors')]
  }
}
