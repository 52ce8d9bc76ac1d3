// Quality gates: each check states its gates; this turns them into one verdict
// passing | warning | failing, with a reason per gate.
import type { Config } from './config/types.js'
import type { CheckResult, GateResult, Verdict } from './findings/model.js'
import type { Check } from './checks/check.js'

/** A "count ≤ max" gate: warning when there are findings but within a non-zero allowance. */
export function maxGate(
  id: string,
  check: string,
  actual: number,
  max: number,
  what: string
): GateResult {
  const passed = actual <= max
  const status = !passed ? 'failed' : actual > 0 ? 'warning' : 'passed'
  const message = passed
    ? actual === 0
      ? `no ${what}`
      : `${actual} ${what} (at most ${max} allowed)`
    : `${actual} ${what}, at most ${max} allowed`
  return { id, check, passed, status, actual, threshold: max, message }
}

/** A "value ≥ min" gate (coverage, pass rate), in percent. */
export function minGate(
  id: string,
  check: string,
  actual: number | null,
  min: number,
  what: string
): GateResult {
  if (actual === null)
    return {
      id,
      check,
      passed: false,
      status: 'failed',
      actual,
      threshold: min,
      message: `${what} unknown (at least ${min}% required)`
    }
  const passed = actual + 1e-9 >= min
  const pct = `${Math.round(actual * 100) / 100}%`
  return {
    id,
    check,
    passed,
    status: passed ? 'passed' : 'failed',
    actual: Math.round(actual * 100) / 100,
    threshold: min,
    message: passed ? `${what} ${pct} (at least ${min}%)` : `${what} ${pct}, below ${min}%`
  }
}

export function evaluateGates(
  results: CheckResult[],
  checks: Check[],
  config: Config
): GateResult[] {
  const out: GateResult[] = []
  for (const r of results) {
    const check = checks.find(c => c.id === r.id)
    if (!check || r.status === 'skipped') continue
    if (r.status === 'error') {
      // The figure is unknown: not a pass, but a crashed tool is not proof of bad code either.
      out.push({
        id: r.id,
        check: r.id,
        passed: true,
        status: 'warning',
        actual: null,
        threshold: 'n/a',
        message: `${r.id} could not run: ${r.reason ?? 'unknown error'}`
      })
      continue
    }
    out.push(...check.gates(r, config))
  }
  return out
}

export function verdictOf(gates: GateResult[]): Verdict {
  if (gates.some(g => g.status === 'failed')) return 'failing'
  if (gates.some(g => g.status === 'warning')) return 'warning'
  return 'passing'
}

/** Whether the verdict fails the step / exits 1, per `fail-on`. */
export function failsRun(verdict: Verdict, failOn: Config['failOn']): boolean {
  if (failOn === 'never') return false
  if (failOn === 'warning') return verdict !== 'passing'
  return verdict === 'failing'
}
