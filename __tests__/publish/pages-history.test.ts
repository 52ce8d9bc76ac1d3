// history.json: entries built from a report, re-runs replacing their entry, trimming to
// pages-history with the dropped folders named, stray folders, and unreadable files.
import { describe, expect, it } from '@jest/globals'
import {
  addRun,
  entryFor,
  parseHistory,
  runFolder,
  strayFolders,
  type History,
  type HistoryEntry
} from '../../src/publish/pages-history.js'
import type { Report } from '../../src/findings/model.js'
import type { GitHubRun } from '../../src/github/context.js'

const gh = (runId: string): GitHubRun => ({
  token: 't',
  apiUrl: 'http://127.0.0.1:1',
  serverUrl: 'https://github.com',
  owner: 'octo',
  repo: 'demo',
  sha: 'c'.repeat(40),
  ref: 'refs/heads/main',
  runId,
  runAttempt: '1',
  eventName: 'schedule',
  event: {},
  workflow: 'maintenance',
  runUrl: `https://github.com/octo/demo/actions/runs/${runId}`
})

const report = (date: string, coverage?: number): Report => ({
  schemaVersion: 1,
  status: 'warning',
  generatedAt: date,
  durationMs: 10,
  pymaint: { version: '0.1.0' },
  project: { name: 'demo', root: '/w' },
  checks: [
    {
      id: 'ruff',
      title: 'Lint',
      status: 'failed',
      tool: { name: 'ruff', version: '0.16.9' },
      durationMs: 1,
      findings: [1, 2, 3].map(i => ({
        ruleId: 'F401',
        level: 'error' as const,
        message: 'm',
        path: 'a.py',
        line: i,
        column: 1,
        fingerprint: String(i)
      })),
      metrics: {}
    },
    {
      id: 'mypy',
      title: 'Types',
      status: 'error',
      reason: 'crashed',
      tool: { name: 'mypy', version: null },
      durationMs: 1,
      findings: [],
      metrics: {}
    },
    {
      id: 'pytest',
      title: 'Tests',
      status: 'passed',
      tool: { name: 'pytest', version: '9' },
      durationMs: 1,
      findings: [],
      metrics: coverage === undefined ? {} : { coverage: { percent: coverage } }
    }
  ],
  gates: [
    {
      id: 'coverage',
      check: 'pytest',
      passed: true,
      status: 'passed',
      actual: coverage ?? null,
      threshold: 80,
      message: 'ok'
    }
  ]
})

const entry = (runId: string, day: number): HistoryEntry =>
  entryFor(report(`2026-11-${String(day).padStart(2, '0')}T06:00:00.000Z`, 90), gh(runId))

const empty = (): History => parseHistory(null, 'octo/demo')

describe('entryFor', () => {
  it('records the gate figures: coverage and findings of the checks that ran', () => {
    const e = entryFor(report('2026-12-01T09:00:00.000Z', 91.237), gh('42'))
    expect(e).toMatchObject({
      id: '2026-12-01-42',
      runId: '42',
      sha: 'c'.repeat(40),
      status: 'warning',
      coverage: 91.24,
      findings: { ruff: 3, pytest: 0 },
      checks: { ruff: 'failed', mypy: 'error', pytest: 'passed' },
      gates: [{ id: 'coverage', passed: true, actual: 91.237 }]
    })
    expect(e.findings).not.toHaveProperty('mypy')
  })
  it('has null coverage when pytest did not measure it', () => {
    expect(entryFor(report('2026-12-01T09:00:00.000Z'), gh('1')).coverage).toBeNull()
  })
})

describe('runFolder', () => {
  it('is the UTC date and the run id, with nothing that could leave runs/', () => {
    expect(runFolder('2026-12-01T23:59:59.000Z', '123')).toBe('2026-12-01-123')
    expect(runFolder('2026-12-01T00:00:00.000Z', '../x')).toBe('2026-12-01-.._x')
  })
})

describe('addRun', () => {
  it('puts the newest run first', () => {
    let h = empty()
    for (const [id, day] of [
      ['1', 1],
      ['3', 3],
      ['2', 2]
    ] as const)
      h = addRun(h, entry(id, day), 52, 'now').history
    expect(h.runs.map(r => r.runId)).toEqual(['3', '2', '1'])
  })
  it('keeps the newest `keep` runs and names the dropped folders', () => {
    let h = empty()
    const dropped: string[] = []
    for (let d = 1; d <= 5; d++) {
      const r = addRun(h, entry(String(d), d), 2, 'now')
      h = r.history
      dropped.push(...r.dropped)
    }
    expect(h.runs.map(r => r.id)).toEqual(['2026-11-05-5', '2026-11-04-4'])
    expect(dropped).toEqual(['2026-11-01-1', '2026-11-02-2', '2026-11-03-3'])
  })
  it('replaces the entry of a re-run instead of adding one', () => {
    let h = addRun(empty(), entry('7', 1), 52, 'now').history
    const again = addRun(h, entry('7', 2), 52, 'now')
    h = again.history
    expect(h.runs.map(r => r.id)).toEqual(['2026-11-02-7'])
    // The first attempt's folder (another day) goes away with it.
    expect(again.dropped).toEqual(['2026-11-01-7'])
  })
  it('keeps unknown top-level keys (other publishers store state there)', () => {
    const h = parseHistory(
      JSON.stringify({ schemaVersion: 1, runs: [], slack: { last: 'failing' } }),
      'octo/demo'
    )
    expect(addRun(h, entry('1', 1), 5, 'now').history.slack).toEqual({ last: 'failing' })
  })
})

describe('parseHistory', () => {
  it('starts fresh on missing, broken or foreign files', () => {
    for (const t of [null, '', '{', '[]', '{"runs":"x"}'])
      expect(parseHistory(t, 'o/r').runs).toEqual([])
  })
  it('drops entries whose id could escape the runs folder', () => {
    const good = entry('1', 1)
    const bad = { ...entry('2', 2), id: '../../etc' }
    const h = parseHistory(JSON.stringify({ runs: [good, bad, { id: 'x' }] }), 'o/r')
    expect(h.runs.map(r => r.id)).toEqual([good.id])
  })
})

describe('strayFolders', () => {
  it('lists run folders the history does not reference', () => {
    const h = addRun(empty(), entry('1', 1), 5, 'now').history
    expect(
      strayFolders(
        [
          'runs/2026-11-01-1/report.json',
          'runs/old/report.json',
          'runs/old/x',
          'latest/report.json'
        ],
        h
      )
    ).toEqual(['old'])
  })
})
