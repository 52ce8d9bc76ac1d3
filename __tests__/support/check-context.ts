// Builds a real CheckContext for one fixture project (real config loading, real tool resolution),
// so check tests run the actual tools the way the engine does.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CheckContext } from '../../src/checks/check.js'
import { loadConfig } from '../../src/config/load.js'
import { ToolResolver } from '../../src/tools/resolve.js'

export const FIXTURES = path.resolve('__tests__/fixtures')
export const RECORDED = path.join(FIXTURES, 'recorded')

/** The interpreter the real tools are installed for. */
export const PYTHON = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'])
  .toString()
  .trim()

/** A throw-away copy of a fixture project (tools must not write into the repository). */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pymaint-${name}-`))
  cpSync(path.join(FIXTURES, name), dir, { recursive: true })
  return dir
}

export function contextFor(
  root: string,
  explicit: Record<string, string> = {},
  lines: string[] = []
): CheckContext {
  const config = loadConfig({
    explicit: { python: PYTHON, 'install-tools': 'never', ...explicit },
    source: 'flag',
    workspace: root,
    project: '.',
    defaultOutDir: path.join(os.tmpdir(), 'pymaint-unused-out')
  })
  return {
    config,
    tools: new ToolResolver(config),
    tmpDir: mkdtempSync(path.join(os.tmpdir(), 'pymaint-check-tmp-')),
    cacheDir: mkdtempSync(path.join(os.tmpdir(), 'pymaint-check-cache-')),
    log: l => lines.push(l)
  }
}
