// Custom checks from [tool.pymaint.checks.<id>]: run the configured argv (no shell) in the
// project root; the SARIF or pymaint findings JSON it writes to {output} (or prints) becomes a
// normal check with its own "count ≤ threshold" gate.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Check, CheckContext, CheckOutcome } from './check.js'
import { errorOutcome } from './check.js'
import type { CheckResult } from '../findings/model.js'
import type { CustomCheckConfig } from '../config/types.js'
import { maxGate } from '../gates.js'
import { run, toolEnv } from '../tools/exec.js'
import { firstLine } from '../tools/resolve.js'
import { parseFindingsJson, parseSarif, type ReadFindings } from '../findings/sarif-read.js'

const OUTPUT = '{output}'

export function customCheck(def: CustomCheckConfig): Check {
  return {
    id: def.id,
    title: def.title,
    weight: 1,
    async run(ctx: CheckContext): Promise<CheckOutcome> {
      const out = path.join(ctx.tmpDir, `${def.id}.${def.format === 'sarif' ? 'sarif' : 'json'}`)
      const argv = def.command.map(a => a.split(OUTPUT).join(out))
      // A bare `python`/`python3` means the project's interpreter, like every other check uses.
      const program = /^python3?$/.test(argv[0]!) ? await ctx.tools.projectPython() : argv[0]!
      const args = argv.slice(1)
      const command = [program, ...args]
      const tool = { name: def.id, version: null }
      const r = await run(program, args, {
        cwd: ctx.config.root,
        env: toolEnv(),
        timeoutMs: def.timeoutMs
      })
      if (r.timedOut || r.spawnError)
        return errorOutcome(
          tool,
          `${argv[0]} ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`,
          command
        )
      const fromFile = existsSync(out) ? (await readFile(out, 'utf8')).trim() : ''
      const text = fromFile || r.stdout.trim()
      if (!text)
        return errorOutcome(
          tool,
          `${argv[0]} exited ${r.exitCode} and wrote no ${def.format} results: ${firstLine(r.stderr) || 'no output'}`,
          command
        )
      let read: ReadFindings
      try {
        read =
          def.format === 'sarif'
            ? parseSarif(text, ctx.config.root)
            : parseFindingsJson(text, ctx.config.root)
      } catch (e) {
        return errorOutcome(
          tool,
          `${argv[0]} exited ${r.exitCode}; its output is not ${def.format} (${(e as Error).message})`,
          command
        )
      }
      const n = read.findings.length
      return {
        status: n > def.threshold ? 'failed' : 'passed',
        tool: { name: read.toolName ?? def.id, version: read.toolVersion ?? null },
        findings: read.findings,
        rules: read.rules,
        command,
        metrics: { findings: n, exitCode: r.exitCode }
      }
    },
    gates(result: CheckResult) {
      return [maxGate(def.id, def.id, result.findings.length, def.threshold, 'findings')]
    }
  }
}
