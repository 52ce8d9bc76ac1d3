// The scan: plan the checks, run them side by side (bounded by the core count, heaviest first),
// fingerprint findings and evaluate gates. Shared by the CLI and the action; writes nothing
// into the project and nothing outside its own temp dir.
import { mkdtemp, rm, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Config } from './config/types.js'
import type { CheckResult, Report } from './findings/model.js'
import type { Check } from './checks/check.js'
import { checksFor } from './checks/registry.js'
import { fingerprintFindings } from './findings/fingerprints.js'
import { evaluateGates, verdictOf } from './gates.js'
import { ToolResolver, toolsHome } from './tools/resolve.js'
import { VERSION } from './version.js'

export interface ScanOptions {
  log?: (line: string) => void
  onCheckDone?: (result: CheckResult) => void
  /** Most checks at once (default: available cores). */
  concurrency?: number
}

export async function runPool<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

async function runOne(
  check: Check,
  config: Config,
  tools: ToolResolver,
  tmpRoot: string,
  log: (l: string) => void
): Promise<CheckResult> {
  const started = Date.now()
  const tmpDir = path.join(tmpRoot, check.id)
  await mkdir(tmpDir, { recursive: true })
  const cacheDir = path.join(toolsHome(), 'cache', check.id)
  let result: CheckResult
  try {
    const o = await check.run({ config, tools, tmpDir, cacheDir, log })
    result = {
      id: check.id,
      title: check.title,
      status: o.status,
      reason: o.reason,
      tool: o.tool,
      durationMs: 0,
      findings: o.findings,
      metrics: o.metrics ?? {},
      rules: o.rules,
      command: o.command
    }
  } catch (e) {
    // A bug or an unexpected tool behaviour stays inside its check.
    result = {
      id: check.id,
      title: check.title,
      status: 'error',
      reason: `internal error: ${(e as Error).message}`,
      tool: { name: check.id, version: null },
      durationMs: 0,
      findings: [],
      metrics: {}
    }
  }
  try {
    await fingerprintFindings(result.findings, config.root)
  } catch {
    /* fingerprints are best effort; reports still work without them */
  }
  result.durationMs = Date.now() - started
  return result
}

export async function scan(config: Config, opts: ScanOptions = {}): Promise<Report> {
  const started = Date.now()
  const log = opts.log ?? (() => undefined)
  const checks = checksFor(config)
  const tools = new ToolResolver(config)
  const tmpBase =
    process.env.RUNNER_TEMP && path.isAbsolute(process.env.RUNNER_TEMP)
      ? process.env.RUNNER_TEMP
      : os.tmpdir()
  await mkdir(tmpBase, { recursive: true })
  const tmpRoot = await mkdtemp(path.join(tmpBase, 'pymaint-'))
  const limit = opts.concurrency ?? Math.max(1, os.availableParallelism())
  const byWeight = [...checks].sort((a, b) => b.weight - a.weight)
  let results: CheckResult[]
  try {
    const done = await runPool(byWeight, limit, async c => {
      const r = await runOne(c, config, tools, tmpRoot, log)
      opts.onCheckDone?.(r)
      return r
    })
    // Report in the configured order, not in completion order.
    results = config.checks
      .map(id => done.find(r => r.id === id))
      .filter((r): r is CheckResult => !!r)
  } finally {
    await rm(tmpRoot, { recursive: true, force: true })
  }
  const gates = evaluateGates(results, checks, config)
  return {
    schemaVersion: 1,
    status: verdictOf(gates),
    generatedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    pymaint: { version: VERSION },
    project: { name: path.basename(config.root), root: config.root },
    checks: results,
    gates
  }
}
