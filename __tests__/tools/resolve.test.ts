// Tool discovery and installation with the real pip: `always` builds pymaint's own venv outside
// the project and installs into it from this machine's local index; `never` names what is missing.
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import { ToolResolver, parseVersion } from '../../src/tools/resolve.js'
import { run } from '../../src/tools/exec.js'

const saved = { ...process.env }
let dir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-tools-'))
  mkdirSync(path.join(dir, 'proj', 'src'), { recursive: true })
  process.env.PYMAINT_TOOLS_DIR = path.join(dir, 'tools')
  // The machine's index is local; pip must not wait on the default one.
  if (existsSync('/opt/pypi/simple')) {
    process.env.PIP_INDEX_URL = 'file:///opt/pypi/simple'
    process.env.PIP_EXTRA_INDEX_URL = existsSync('/opt/pypi-more/simple')
      ? 'file:///opt/pypi-more/simple'
      : ''
  }
})

afterAll(() => {
  process.env = saved
  rmSync(dir, { recursive: true, force: true })
})

const cfg = (installTools: string) =>
  loadConfig({
    explicit: { 'install-tools': installTools },
    source: 'flag',
    workspace: dir,
    project: 'proj',
    defaultOutDir: path.join(dir, 'out')
  })

describe('ToolResolver', () => {
  it('parses versions from tool banners', () => {
    expect(parseVersion('ruff 0.16.9')).toBe('0.16.9')
    expect(parseVersion('mypy 2.4.0 (compiled: yes)')).toBe('2.4.0')
    expect(parseVersion('pytest 9.0.3')).toBe('9.0.3')
    expect(parseVersion('no version here')).toBeNull()
  })

  it('finds a tool on PATH with install-tools missing', async () => {
    const r = await new ToolResolver(cfg('missing')).resolve({
      name: 'ruff',
      executable: 'ruff',
      module: 'ruff',
      pip: ['ruff']
    })
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(['path', 'python -m']).toContain(r.tool.source)
      expect(r.tool.version).toMatch(/^\d+\.\d+/)
    }
  })

  it('with never, a missing tool is a reason naming where it looked', async () => {
    const r = await new ToolResolver(cfg('never')).resolve({
      name: 'nosuchtool',
      executable: 'nosuchtool-xyz',
      module: 'nosuchtool_xyz',
      pip: ['nosuchtool']
    })
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /nosuchtool is not installed \(looked on PATH.*\); install it or set install-tools: missing/
      )
    })
  })

  it('with always, installs into its own venv outside the project and runs from there', async () => {
    const resolver = new ToolResolver(cfg('always'))
    const r = await resolver.resolve({
      name: 'ruff',
      executable: 'ruff',
      module: 'ruff',
      pip: ['ruff']
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.tool.source).toBe('pymaint-venv')
    expect(r.tool.command.startsWith(path.join(dir, 'tools'))).toBe(true)
    const out = await run(r.tool.command, [...r.tool.prefix, '--version'], {
      cwd: path.join(dir, 'proj')
    })
    expect(out.stdout).toMatch(/^ruff \d/)
    expect(readdirSync(path.join(dir, 'proj'))).toEqual(['src'])
  }, 300_000)

  it('with missing, a tool pip cannot provide is an error reason, not a throw', async () => {
    const r = await new ToolResolver(cfg('missing')).resolve({
      name: 'ghost',
      executable: 'ghost-tool-xyz',
      module: 'ghost_tool_xyz',
      pip: ['ghost-tool-xyz-does-not-exist']
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/pip could not install ghost-tool-xyz-does-not-exist/)
  }, 300_000)
})
