// Finds each Python tool (project venv, PATH, `python -m`) and, when allowed, installs what is
// missing into pymaint's own isolated venv (never into the project). Records versions.
import { createHash } from 'node:crypto'
import { existsSync, realpathSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Config } from '../config/types.js'
import { run, toolEnv } from './exec.js'

export interface ToolSpec {
  /** Report name, e.g. `ruff`. */
  name: string
  /** Executable on PATH / in a venv's bin, when the tool ships one. */
  executable?: string
  /** `python -m <module>` fallback. */
  module: string
  /** pip requirement(s) that provide it. */
  pip: string[]
  /** Other modules that must import too (e.g. `pytest_cov`). */
  requires?: string[]
  /** Must import from the project's environment (pytest: the code under test lives there). */
  projectEnv?: boolean
}

export interface ResolvedTool {
  name: string
  /** Program and leading args: run `command ...prefix ...yourArgs`. */
  command: string
  prefix: string[]
  version: string | null
  source: 'project-venv' | 'path' | 'python -m' | 'pymaint-venv'
  /** Extra environment the tool needs (PYTHONPATH pointing at the project's site-packages). */
  env: Record<string, string>
}

export type Resolution = { ok: true; tool: ResolvedTool } | { ok: false; reason: string }

const bin = process.platform === 'win32' ? 'Scripts' : 'bin'
const exe = (n: string): string => (process.platform === 'win32' ? `${n}.exe` : n)

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    const p = path.join(dir, exe(name))
    if (existsSync(p)) return p
  }
  return null
}

export function parseVersion(text: string): string | null {
  const m = /(\d+\.\d+(?:\.\d+)?(?:[a-z0-9.+-]*)?)/i.exec(text)
  return m ? m[1]! : null
}

/** Where pymaint keeps its own tools venv: outside the workspace, reused across runs. */
export function toolsHome(): string {
  if (process.env.PYMAINT_TOOLS_DIR) return process.env.PYMAINT_TOOLS_DIR
  if (process.env.RUNNER_TOOL_CACHE) return path.join(process.env.RUNNER_TOOL_CACHE, 'pymaint')
  return path.join(
    process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
    'pymaint',
    'tools'
  )
}

export class ToolResolver {
  private pythonP: Promise<string> | null = null
  private sitePackagesP: Promise<string[]> | null = null
  private installChain: Promise<unknown> = Promise.resolve()
  private cache = new Map<string, Promise<Resolution>>()

  constructor(private readonly config: Config) {}

  /** The project's interpreter: `python` setting > .venv > venv > $VIRTUAL_ENV > python3 on PATH. */
  projectPython(): Promise<string> {
    this.pythonP ??= (async () => {
      const c = this.config
      if (c.python)
        return path.isAbsolute(c.python) || c.python.includes('/')
          ? path.resolve(c.root, c.python)
          : (onPath(c.python) ?? c.python)
      for (const v of ['.venv', 'venv']) {
        const p = path.join(c.root, v, bin, exe('python'))
        if (existsSync(p)) return p
      }
      if (process.env.VIRTUAL_ENV) {
        const p = path.join(process.env.VIRTUAL_ENV, bin, exe('python'))
        if (existsSync(p)) return p
      }
      return onPath('python3') ?? onPath('python') ?? 'python3'
    })()
    return this.pythonP
  }

  /** The project interpreter's site-packages, so tools from pymaint's venv can import the project's dependencies. */
  projectSitePackages(): Promise<string[]> {
    this.sitePackagesP ??= (async () => {
      const py = await this.projectPython()
      const r = await run(
        py,
        [
          '-c',
          'import json,site,sys; print(json.dumps([p for p in sys.path if p.endswith(("site-packages","dist-packages"))]))'
        ],
        { cwd: this.config.root, timeoutMs: 30_000 }
      )
      try {
        return r.exitCode === 0 ? (JSON.parse(r.stdout.trim()) as string[]) : []
      } catch {
        return []
      }
    })()
    return this.sitePackagesP
  }

  resolve(spec: ToolSpec): Promise<Resolution> {
    let p = this.cache.get(spec.name)
    if (!p) {
      p = this.doResolve(spec)
      this.cache.set(spec.name, p)
    }
    return p
  }

  /** One venv per project interpreter: tools that import the project (pytest) must match its Python. */
  private async venvDir(): Promise<string> {
    const py = await this.projectPython()
    let real = py
    try {
      real = realpathSync(py)
    } catch {
      /* not a path (a bare name): hash the name */
    }
    return path.join(
      toolsHome(),
      `venv-${process.platform}-${process.arch}-${createHash('sha1').update(real).digest('hex').slice(0, 10)}`
    )
  }

  private async imports(python: string, modules: string[]): Promise<boolean> {
    const r = await run(python, ['-c', `import ${modules.join(', ')}`], {
      cwd: this.config.root,
      timeoutMs: 60_000
    })
    return r.exitCode === 0
  }

  private async version(command: string, prefix: string[]): Promise<string | null> {
    const r = await run(command, [...prefix, '--version'], {
      cwd: this.config.root,
      timeoutMs: 60_000
    })
    if (r.exitCode !== 0) return null
    return parseVersion(r.stdout || r.stderr)
  }

  private async found(
    spec: ToolSpec,
    command: string,
    prefix: string[],
    source: ResolvedTool['source'],
    env: Record<string, string> = {}
  ): Promise<Resolution> {
    return {
      ok: true,
      tool: {
        name: spec.name,
        command,
        prefix,
        version: await this.version(command, prefix),
        source,
        env
      }
    }
  }

  private async doResolve(spec: ToolSpec): Promise<Resolution> {
    const mode = this.config.installTools
    const py = await this.projectPython()
    const needs = [spec.module, ...(spec.requires ?? [])]
    if (mode !== 'always') {
      if (spec.projectEnv) {
        if (await this.imports(py, needs))
          return this.found(spec, py, ['-m', spec.module], 'python -m')
      } else {
        if (spec.executable) {
          for (const v of ['.venv', 'venv']) {
            const p = path.join(this.config.root, v, bin, exe(spec.executable))
            if (existsSync(p)) return this.found(spec, p, [], 'project-venv')
          }
          const p = onPath(spec.executable)
          if (p && (!spec.requires?.length || (await this.imports(py, spec.requires))))
            return this.found(spec, p, [], 'path')
        }
        if (await this.imports(py, needs))
          return this.found(spec, py, ['-m', spec.module], 'python -m')
      }
    }
    if (mode === 'never') {
      const where = spec.projectEnv
        ? `importable by ${py}`
        : `on PATH, in the project's .venv, or importable by ${py}`
      return {
        ok: false,
        reason: `${spec.name} is not installed (looked ${where}); install it or set install-tools: missing`
      }
    }
    const venvPy = await this.ensureInVenv(spec)
    if (typeof venvPy !== 'string') return venvPy
    const env: Record<string, string> = {}
    if (spec.projectEnv) {
      // The tool comes from pymaint's venv; the project's own dependencies from its interpreter.
      const sp = await this.projectSitePackages()
      if (sp.length)
        env.PYTHONPATH = [...sp, process.env.PYTHONPATH ?? ''].filter(Boolean).join(path.delimiter)
    }
    const venvExe = spec.executable
      ? path.join(await this.venvDir(), bin, exe(spec.executable))
      : null
    if (venvExe && existsSync(venvExe)) return this.found(spec, venvExe, [], 'pymaint-venv', env)
    return this.found(spec, venvPy, ['-m', spec.module], 'pymaint-venv', env)
  }

  /** Installs the spec's packages into pymaint's venv, one install at a time. */
  private ensureInVenv(spec: ToolSpec): Promise<string | { ok: false; reason: string }> {
    const job = this.installChain.then(async () => {
      const dir = await this.venvDir()
      const vpy = path.join(dir, bin, exe('python'))
      if (!existsSync(vpy)) {
        await mkdir(path.dirname(dir), { recursive: true })
        const base = await this.projectPython()
        const r = await run(base, ['-m', 'venv', dir], {
          cwd: this.config.root,
          timeoutMs: 300_000
        })
        if (r.exitCode !== 0)
          return {
            ok: false as const,
            reason: `cannot create pymaint's tools venv at ${dir}: ${firstLine(r.stderr || r.stdout)}`
          }
      }
      const needs = [spec.module, ...(spec.requires ?? [])]
      if (await this.imports(vpy, needs)) return vpy
      const r = await run(vpy, ['-m', 'pip', 'install', '--quiet', ...spec.pip], {
        cwd: this.config.root,
        env: toolEnv(),
        timeoutMs: 600_000
      })
      if (r.exitCode !== 0)
        return {
          ok: false as const,
          reason: `pip could not install ${spec.pip.join(' ')}: ${lastLine(r.stderr || r.stdout)}`
        }
      return vpy
    })
    this.installChain = job.catch(() => undefined)
    return job
  }
}

export function firstLine(s: string): string {
  return (s.split('\n').find(l => l.trim()) ?? '').trim().slice(0, 300)
}

export function lastLine(s: string): string {
  const lines = s.split('\n').filter(l => l.trim())
  return (lines[lines.length - 1] ?? '').trim().slice(0, 300)
}
