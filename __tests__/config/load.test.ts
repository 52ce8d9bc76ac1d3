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
