// Acceptance: a missing, crashing or garbage-printing tool makes only its own check `error`
// (with a one-line reason); the other checks in the same scan still report.
import { afterEach, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { loadConfig } from '../../src/config/load.js'
import { scan } from '../../src/engine.js'
import type { Report } from '../../src/findings/model.js'
import { PYTHON, copyFixture } from '../support/check-context.js'

const REAL_PATH = process.env.PATH ?? ''
const REAL_RUFF = execFileSync(PYTHON, ['-c', 'import ruff; print(ruff.find_ruff_bin())'])
  .toString()
  .trim()

afterEach(() => {
  process.env.PATH = REAL_PATH
})

function fakeBin(scripts: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-fakebin-'))
  for (const [name, body] of Object.entries(scripts)) {
    const p = path.join(dir, name)
    writeFileSync(p, `#!/bin/sh\n${body}\n`)
    chmodSync(p, 0o755)
  }
  return dir
}

/** A tool that answers --version like the real one, then misbehaves. */
const misbehave = (name: string, body: string): string =>
  `if [ "$1" = "--version" ]; then echo "${name} 9.9.9"; exit 0; fi\n${body}`

async function scanWith(python: string): Promise<Report> {
  process.env.PYMAINT_TOOLS_DIR = mkdtempSync(path.join(os.tmpdir(), 'pymaint-tools-'))
  const dir = copyFixture('pytest-project')
  const config = loadConfig({
    explicit: { checks: 'ruff,ruff-format,mypy,pytest', python, 'install-tools': 'never' },
    source: 'flag',
    workspace: dir,
    project: '.',
    defaultOutDir: path.join(os.tmpdir(), 'pymaint-unused-out')
  })
  return scan(config)
}

const status = (r: Report, id: string) => r.checks.find(c => c.id === id)!

describe('broken tools stay inside their check', () => {
  it('missing mypy and pytest (install-tools never): error with the reason, ruff still reports', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bin-'))
    symlinkSync(REAL_RUFF, path.join(bin, 'ruff'))
    process.env.PATH = [bin, '/usr/bin', '/bin'].join(path.delimiter)
    // Debian's python3 has neither mypy nor pytest.
    const r = await scanWith('/usr/bin/python3')
    expect(status(r, 'mypy')).toMatchObject({ status: 'error' })
    expect(status(r, 'mypy').reason).toMatch(/^mypy is not installed .*install-tools/)
    expect(status(r, 'pytest').reason).toMatch(/^pytest is not installed/)
    expect(status(r, 'ruff').status).toBe('passed')
    expect(status(r, 'ruff-format').status).toBe('passed')
    const g = r.gates.find(x => x.id === 'mypy')!
    expect(g).toMatchObject({ status: 'warning', actual: null })
  })

  it('crashing tools (exit 3 with a traceback): error with the exit code', async () => {
    const crash = (n: string) =>
      misbehave(
        n,
        `echo 'Traceback (most recent call last):' >&2\necho '  File "x.py", line 1' >&2\necho 'RuntimeError: internal' >&2\nexit 3`
      )
    process.env.PATH = [fakeBin({ mypy: crash('mypy'), ruff: crash('ruff') }), REAL_PATH].join(
      path.delimiter
    )
    const r = await scanWith(PYTHON)
    for (const id of ['ruff', 'ruff-format', 'mypy']) {
      expect(status(r, id).status).toBe('error')
      expect(status(r, id).reason).toMatch(/exited 3: Traceback/)
      expect(status(r, id).reason).not.toMatch(/\n/)
    }
    expect(status(r, 'pytest').status).toBe('failed')
    expect(status(r, 'pytest').metrics).toMatchObject({ tests: { passed: 2 } })
  })

  it('tools printing garbage: error saying the output is not the tool format', async () => {
    const garbage = (n: string) => misbehave(n, `echo 'Hello from a broken ${n}!'\nexit 1`)
    process.env.PATH = [fakeBin({ mypy: garbage('mypy'), ruff: garbage('ruff') }), REAL_PATH].join(
      path.delimiter
    )
    const r = await scanWith(PYTHON)
    expect(status(r, 'ruff').reason).toMatch(/not its JSON format/)
    expect(status(r, 'ruff-format').reason).toMatch(/not its JSON format/)
    expect(status(r, 'mypy').reason).toMatch(/no JSON diagnostics.*Hello from a broken mypy/)
    for (const id of ['ruff', 'ruff-format', 'mypy']) expect(status(r, id).status).toBe('error')
    expect(status(r, 'pytest').status).toBe('failed')
  })

  it('garbage with exit 0 is not a clean pass', async () => {
    const quiet = (n: string) => misbehave(n, `echo '<html>oops</html>'\nexit 0`)
    process.env.PATH = [fakeBin({ mypy: quiet('mypy'), ruff: quiet('ruff') }), REAL_PATH].join(
      path.delimiter
    )
    const r = await scanWith(PYTHON)
    for (const id of ['ruff', 'ruff-format', 'mypy']) expect(status(r, id).status).toBe('error')
  })
})
