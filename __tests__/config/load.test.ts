import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'

function project(pyproject?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-cfg-'))
  mkdirSync(path.join(dir, 'src'))
  if (pyproject !== undefined) writeFileSync(path.join(dir, 'pyproject.toml'), pyproject)
  return dir
}

describe('loadConfig precedence', () => {
  it('takes input over pyproject over default', () => {
    const dir = project('[tool.pymaint]\ncoverage-threshold = 80\nlint-threshold = 3\n')
    const c = loadConfig({
      explicit: { 'coverage-threshold': '90' },
      source: 'input',
      workspace: dir,
      project: '.',
      defaultOutDir: '/tmp/x'
    })
    expect(c.thresholds.coverage).toBe(90)
    expect(c.thresholds.lint).toBe(3)
    expect(c.thresholds.typeErrors).toBe(0)
    expect(c.sourcePaths).toEqual(['src'])
  })
})

describe('the README', () => {
  it('shows a [tool.pymaint] example that loads as documented', async () => {
    const { readFileSync } = await import('node:fs')
    const readme = readFileSync('README.md', 'utf8')
    const toml = readme
      .split('## Configure it in pyproject.toml')[1]!
      .split('```toml\n')[1]!
      .split('```')[0]!
    const dir = project(toml)
    const c = loadConfig({
      explicit: {},
      source: 'flag',
      workspace: dir,
      project: '.',
      defaultOutDir: '/tmp/x'
    })
    expect(c.checks).not.toContain('safety')
    expect(c.checks).toContain('licenses')
    expect(c.thresholds.coverage).toBe(90)
    expect(c.structure.layers).toEqual(['domain', 'application', 'infrastructure', 'presentation'])
    expect(c.custom.licenses!.command).toContain('{output}')
    expect(c.cleanup.extend).toEqual(['*.bak'])
  })
})
