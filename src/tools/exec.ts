// Runs a program with an argv (never a shell) and captures its output; the one place checks
// start processes, so time limits, env hygiene and logging are the same for every tool.
// node:child_process rather than @actions/exec: a timed-out tool must be killed, process group
// and all, and @actions/exec gives no handle on the child to do that.
import { spawn } from 'node:child_process'

export interface ExecOptions {
  cwd: string
  env?: Record<string, string>
  timeoutMs?: number
  input?: string
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
  durationMs: number
  /** The process could not be started at all (ENOENT, EACCES). */
  spawnError?: string
  timedOut?: boolean
}

/** Environment every tool runs with: no bytecode or caches written into the scanned project. */
export function toolEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
  // INPUT_* may hold secrets (tokens, webhook URLs); tools never need them.
  for (const k of Object.keys(env)) {
    if (k.startsWith('INPUT_') || k === 'ACTIONS_RUNTIME_TOKEN' || k === 'GITHUB_TOKEN')
      delete env[k]
  }
  env.PYTHONDONTWRITEBYTECODE = '1'
  env.PYTHONUNBUFFERED = '1'
  env.NO_COLOR = '1'
  env.PIP_DISABLE_PIP_VERSION_CHECK = '1'
  return { ...env, ...extra }
}

export function run(command: string, args: string[], opts: ExecOptions): Promise<ExecResult> {
  const started = Date.now()
  return new Promise(resolve => {
    const out: Buffer[] = []
    const err: Buffer[] = []
    let settled = false
    let timedOut = false
    let timer: NodeJS.Timeout | undefined
    const finish = (
      r: Omit<ExecResult, 'durationMs' | 'stdout' | 'stderr'> & { stderr?: string }
    ): void => {
      if (settled) return
      settled = true
      if (timer) clearTimeout(timer)
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: r.stderr ?? Buffer.concat(err).toString('utf8'),
        durationMs: Date.now() - started,
        exitCode: r.exitCode,
        spawnError: r.spawnError,
        timedOut: r.timedOut
      })
    }
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? toolEnv(),
      shell: false,
      detached: process.platform !== 'win32',
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true
    })
    child.stdout?.on('data', (b: Buffer) => out.push(b))
    child.stderr?.on('data', (b: Buffer) => err.push(b))
    child.on('error', e => finish({ exitCode: -1, spawnError: e.message, stderr: e.message }))
    child.on('close', (code, signal) => {
      if (timedOut)
        finish({
          exitCode: -1,
          timedOut: true,
          stderr: `timed out after ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`
        })
      else finish({ exitCode: code ?? (signal ? 128 : -1) })
    })
    if (opts.input !== undefined) child.stdin?.end(opts.input)
    if (opts.timeoutMs) {
      timer = setTimeout(() => {
        timedOut = true
        try {
          // Negative pid: the whole process group (pytest workers, mypy daemons).
          if (child.pid)
            process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL')
        } catch {
          child.kill('SIGKILL')
        }
      }, opts.timeoutMs)
    }
  })
}
