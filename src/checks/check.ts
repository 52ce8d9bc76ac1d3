// The shape every check module has: build an argv, run it (tools/exec.ts, no shell), parse the
// tool's machine-readable output into findings and metrics, decide a status, and say its gates.
import type { Config } from '../config/types.js'
import type {
  CheckStatus,
  Finding,
  GateResult,
  RuleMeta,
  ToolInfo,
  CheckResult
} from '../findings/model.js'
import type { ResolvedTool, ToolResolver, ToolSpec } from '../tools/resolve.js'

export interface CheckContext {
  config: Config
  tools: ToolResolver
  /** Scratch directory for this check only, outside the project; removed after the run. */
  tmpDir: string
  /** Persistent cache directory outside the workspace (survives runs; e.g. mypy's cache). */
  cacheDir: string
  log: (line: string) => void
}

export interface CheckOutcome {
  status: CheckStatus
  reason?: string
  tool: ToolInfo
  /** `fingerprint` may be left '' : the engine fills it in from the file contents. */
  findings: Finding[]
  metrics?: Record<string, unknown>
  rules?: Record<string, RuleMeta>
  command?: string[]
}

export interface Check {
  id: string
  title: string
  /** Rough relative cost: the engine starts the heaviest checks first. */
  weight: number
  run(ctx: CheckContext): Promise<CheckOutcome>
  /** The check's quality gates, evaluated on its result (only called for passed/failed results). */
  gates(result: CheckResult, config: Config): GateResult[]
}

/** An `error` outcome with a one-line reason (tool missing, crashed, printed garbage). */
export function errorOutcome(tool: ToolInfo, reason: string, command?: string[]): CheckOutcome {
  return {
    status: 'error',
    reason: reason.split('\n')[0]!.slice(0, 500),
    tool,
    findings: [],
    command
  }
}

export type Located =
  { ok: true; t: ResolvedTool; tool: ToolInfo } | { ok: false; outcome: CheckOutcome }

/** Finds the check's tool; a tool that cannot be had is the check's `error` with the reason. */
export async function locateTool(
  ctx: CheckContext,
  spec: ToolSpec,
  informationUri: string
): Promise<Located> {
  const res = await ctx.tools.resolve(spec)
  if (!res.ok)
    return {
      ok: false,
      outcome: errorOutcome({ name: spec.name, version: null, informationUri }, res.reason)
    }
  return {
    ok: true,
    t: res.tool,
    tool: { name: spec.name, version: res.tool.version, informationUri }
  }
}
