import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { main } from '../../src/cli.js'
import { copyFixture } from '../support/report-fixture.js'
import { validateReport } from '../support/validate-report.js'

describe('pymaint --out', () => {
  it('writes every report file for a real scan', async () => {
    const root = copyFixture('reports-project')
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'pymaint-cli-out-')), 'r')
    let stdout = ''
    const code = await main([root, '--checks', 'ruff', '--out', out, '--quiet'], {
      out: s => void (stdout += s),
      err: () => undefined,
      cwd: root
    })
    expect(code).toBe(1)
    expect(stdout).toContain('Reports: ')
    expect(readdirSync(out).sort()).toEqual(['badge.json', 'badge.svg', 'report.html', 'report.json', 'sarif', 'summary.md'])
    expect(readdirSync(path.join(out, 'sarif'))).toEqual(['ruff.sarif'])
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as unknown
    expect(validateReport(report)).toEqual([])
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain('## pymaint: ❌ failing')
  })
})
