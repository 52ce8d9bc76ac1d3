// index.html: links to every run, the trend charts as inline SVG, nothing external, and every
// value from the history escaped.
import { describe, expect, it } from '@jest/globals'
import { esc, renderChart, renderIndex } from '../../src/publish/pages-index.js'
import type { History, HistoryEntry } from '../../src/publish/pages-history.js'

const run = (i: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `2026-11-0${i}-${i}`,
  runId: String(i),
  runAttempt: '1',
  date: `2026-11-0${i}T06:00:00.000Z`,
  sha: `${i}`.repeat(40),
  ref: 'refs/heads/main',
  event: 'schedule',
  status: 'passing',
  url: `https://github.com/o/r/actions/runs/${i}`,
  coverage: 90 + i,
  findings: { ruff: i, mypy: 0 },
  checks: { ruff: 'failed', mypy: 'passed' },
  gates: [],
  ...over
})

const history = (runs: HistoryEntry[]): History => ({
  schemaVersion: 1,
  repository: 'o/r',
  updatedAt: '2026-12-01T00:00:00Z',
  runs
})

describe('renderIndex', () => {
  it('links every run folder, the latest report and the history', () => {
    const html = renderIndex(history([run(3), run(2), run(1)]))
    for (const i of [1, 2, 3]) {
      expect(html).toContain(`href="runs/2026-11-0${i}-${i}/report.html"`)
      expect(html).toContain(`href="https://github.com/o/r/actions/runs/${i}"`)
    }
    expect(html).toContain('href="latest/report.html"')
    expect(html).toContain('href="history.json"')
    expect(html).toContain('src="badge.svg"')
  })
  it('draws coverage and findings per check as inline SVG, loads nothing from outside', () => {
    const html = renderIndex(history([run(3), run(2), run(1)]))
    expect(html.match(/<svg /g)).toHaveLength(2)
    // One line per series with three points: coverage, ruff and mypy.
    expect(html.match(/<polyline /g)).toHaveLength(3)
    expect(html).not.toMatch(/<script|<link|@import|src="https?:/i)
    expect(html).toContain("default-src 'none'")
  })
  it('escapes everything that comes from the history', () => {
    const evil = '<img src=x onerror=alert(1)>'
    const html = renderIndex({
      ...history([
        run(1, {
          findings: { [evil]: 1 },
          url: `javascript:alert(1)`,
          runId: `"><script>x</script>`,
          sha: `<b>${'x'.repeat(40)}`
        })
      ]),
      repository: `o/<script>alert(1)</script>`
    })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('javascript:')
    expect(html).toContain(esc(evil))
    expect(html).toContain('o/&lt;script&gt;')
  })
  it('renders an empty history', () => {
    const html = renderIndex(history([]))
    expect(html).toContain('No runs yet.')
    expect(html).not.toContain('<svg')
  })
  it('leaves out the coverage chart when no run measured it', () => {
    const html = renderIndex(history([run(1, { coverage: null })]))
    expect(html.match(/<svg /g)).toHaveLength(1)
    expect(html).not.toContain('<h2>Coverage</h2>')
  })
})

describe('renderChart', () => {
  it('places the highest value at the top and zero at the bottom', () => {
    const svg = renderChart('t', ['a', 'b'], [{ name: 's', color: '#000', values: [0, 10] }])
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map(m => Number(m[1]))
    expect(ys).toHaveLength(2)
    expect(ys[0]!).toBeGreaterThan(ys[1]!)
  })
  it('skips missing values without breaking the line', () => {
    const svg = renderChart(
      't',
      ['a', 'b', 'c'],
      [{ name: 's', color: '#000', values: [1, null, 2] }]
    )
    expect(svg.match(/<circle /g)).toHaveLength(2)
    expect(svg).toMatch(/<polyline [^>]*points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/)
  })
})
