import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { GateResult, Report } from '../../src/findings/model.js'
import { renderBadgeJson, renderBadgeSvg } from '../../src/reports/badge.js'
import { writeReports } from '../../src/reports/write.js'
import { scanFixtureReport } from '../support/report-fixture.js'

function gate(id: string, status: GateResult['status']): GateResult {
  return { id, check: 'ruff', passed: status !== 'failed', status, actual: 0, threshold: 0, message: '' }
}

function report(status: Report['status'], gates: GateResult[]): Report {
  return { schemaVersion: 1, status, generatedAt: '', durationMs: 0, pymaint: { version: '0' }, project: { name: 'p', root: '/' }, checks: [], gates }
}

describe('badges', () => {
  it.each([
    ['passing', [gate('a', 'passed')], 'passing', 'green', '#67ac09'],
    ['warning', [gate('a', 'warning'), gate('b', 'passed')], '1 gate warning', 'yellow', '#d8b800'],
    ['failing', [gate('a', 'failed'), gate('b', 'failed'), gate('c', 'failed'), gate('d', 'warning')], '3 gates failing', 'red', '#dd4343']
  ] as const)('%s', (status, gates, message, color, hex) => {
    const r = report(status, [...gates])
    expect(renderBadgeJson(r)).toEqual({ schemaVersion: 1, label: 'pymaint', message, color })
    const svg = renderBadgeSvg(r)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg).toContain(`aria-label="pymaint: ${message}"`)
    expect(svg).toContain(`fill="${hex}"`)
  })

  it('writes badge.svg and badge.json for a real scan', async () => {
    const { report: r, config } = await scanFixtureReport()
    const w = await writeReports(r, config)
    expect(JSON.parse(readFileSync(w.badges.json, 'utf8'))).toEqual({ schemaVersion: 1, label: 'pymaint', message: '5 gates failing', color: 'red' })
    expect(readFileSync(w.badges.svg, 'utf8')).toContain('5 gates failing')
  })
})
