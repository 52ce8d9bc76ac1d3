// End to end: three runs of the bundled action in a row publish to the Pages branch through the
// Git data API: three run folders, latest/, history.json with three entries, an index linking
// them, the badge at the root; with pages-history 2 only two remain. A concurrent commit is
// kept, and pages-url points at the run's report.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ensureBundle, REPO_ROOT } from '../harness/bundle.js'
import { startHarness, type Harness } from '../harness/harness.js'
import type { ActionRun, RunOptions } from '../harness/runner.js'
import type { History } from '../../src/publish/pages-history.js'

const project = path.join(REPO_ROOT, 'examples', 'sample-project')
const env = { PYMAINT_MAX_RETRY_WAIT_MS: '0', PYMAINT_REQUEST_TIMEOUT_MS: '5000' }
let entry: string

beforeAll(() => {
  entry = ensureBundle()
}, 300_000)

const runOpts = (extra: Record<string, string> = {}): RunOptions => ({
  project,
  entry,
  event: { name: 'schedule' },
  inputs: {
    checks: 'ruff,ruff-format,pytest',
    'install-tools': 'never',
    'upload-sarif': 'false',
    pages: 'true',
    ...extra
  },
  env
})

/** A fresh emulator with one commit on main, closed whatever the test does. */
async function withHarness(fn: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness({
    owner: 'octo-org',
    repo: 'sample',
    files: { 'README.md': '# s\n' }
  })
  try {
    await fn(h)
  } finally {
    await h.close()
  }
}

const runFolders = (tree: Record<string, string>): string[] =>
  [
    ...new Set(
      Object.keys(tree)
        .map(p => /^runs\/([^/]+)\//.exec(p)?.[1])
        .filter(Boolean)
    )
  ].sort() as string[]

describe('three scheduled runs with the default history', () => {
  let h: Harness
  const runs: ActionRun[] = []
  beforeAll(async () => {
    h = await startHarness({ owner: 'octo-org', repo: 'sample', files: { 'README.md': '# s\n' } })
    for (let i = 0; i < 3; i++) runs.push(await h.run(runOpts()))
  }, 300_000)
  afterAll(() => h.close())

  it('leaves one commit per run on the Pages branch, the first an orphan', async () => {
    const commits = h.github.requests({
      method: 'POST',
      route: '/repos/{owner}/{repo}/git/commits'
    })
    expect(commits).toHaveLength(3)
    expect((commits[0]!.body as { parents: string[] }).parents).toEqual([])
    expect((commits[1]!.body as { parents: string[] }).parents).toHaveLength(1)
    expect(
      h.github.requests({ method: 'POST', route: '/repos/{owner}/{repo}/git/refs' })
    ).toHaveLength(1)
    expect(h.github.invalidRequests()).toEqual([])
    expect(h.github.unhandledRequests()).toEqual([])
  })

  it('has three run folders, latest/, the badge, history.json and .nojekyll', () => {
    const tree = h.github.readTree('gh-pages')
    const folders = runFolders(tree)
    expect(folders).toEqual(
      runs.map(r => expect.stringMatching(new RegExp(`^\\d{4}-\\d\\d-\\d\\d-${r.runId}$`))).sort()
    )
    expect(folders).toHaveLength(3)
    // Every top-level report file of each run is in its folder, byte for byte.
    for (const r of runs) {
      const dir = r.outputs['report-dir']!
      const names = readdirSync(dir, { withFileTypes: true })
        .filter(e => e.isFile())
        .map(e => e.name)
      expect(names).toEqual(expect.arrayContaining(['report.json', 'report.html']))
      const f = folders.find(x => x.endsWith(`-${r.runId}`))!
      // report.json and summary.md were rewritten afterwards with the publish outcomes.
      for (const n of names.filter(x => !['report.json', 'summary.md'].includes(x)))
        expect(tree[`runs/${f}/${n}`]).toBe(readFileSync(path.join(dir, n), 'utf8'))
      expect(
        Object.keys(tree)
          .filter(p => p.startsWith(`runs/${f}/`))
          .sort()
      ).toEqual(names.map(n => `runs/${f}/${n}`).sort())
    }
    const last = runs[2]!
    const latestReport = JSON.parse(tree['latest/report.json']!) as { run?: { runId: string } }
    expect(latestReport.run?.runId).toBe(last.runId)
    expect(tree['badge.svg']).toMatch(/^<svg/)
    expect(JSON.parse(tree['badge.json']!)).toMatchObject({
      schemaVersion: 1,
      label: expect.any(String)
    })
    expect(tree['.nojekyll']).toBe('')
    // The reports of the workspace are unchanged by publishing (same bytes as the report dir).
    expect(tree[`runs/${folders.find(f => f.endsWith(last.runId))}/report.html`]).toBe(
      tree['latest/report.html']
    )
  })

  it('has a history.json of three entries, newest first, with the gate figures', () => {
    const history = JSON.parse(h.github.readTree('gh-pages')['history.json']!) as History
    expect(history.schemaVersion).toBe(1)
    expect(history.repository).toBe('octo-org/sample')
    expect(history.runs.map(r => r.runId)).toEqual(runs.map(r => r.runId).reverse())
    const report = JSON.parse(readFileSync(runs[2]!.outputs['report-json']!, 'utf8'))
    const e = history.runs[0]!
    expect(e.status).toBe(report.status)
    expect(e.sha).toBe(h.github.headSha('main'))
    const py = report.checks.find((c: { id: string }) => c.id === 'pytest')
    expect(e.coverage).toBeCloseTo(py.metrics.coverage.percent, 1)
    expect(e.findings.ruff).toBe(
      report.checks.find((c: { id: string }) => c.id === 'ruff').findings.length
    )
    expect(Object.keys(e.findings).sort()).toEqual(['pytest', 'ruff', 'ruff-format'])
  })

  it('has an index that links every run and draws the trend inline', () => {
    const tree = h.github.readTree('gh-pages')
    const index = tree['index.html']!
    for (const f of runFolders(tree)) expect(index).toContain(`href="runs/${f}/report.html"`)
    expect(index).toContain('href="latest/report.html"')
    expect(index.match(/<svg /g)).toHaveLength(2)
    expect(index).not.toMatch(/<script/i)
  })

  it('sets pages-url to the run report and lists Pages in the summary', () => {
    for (const r of runs) {
      expect(r.outputs['pages-url']).toMatch(
        new RegExp(
          `^https://octo-org\\.github\\.io/sample/runs/\\d{4}-\\d\\d-\\d\\d-${r.runId}/report\\.html$`
        )
      )
      expect(r.summary).toMatch(/\| pages \| done \| .*committed gh-pages/)
      expect(r.exitCode).toBe(r.outputs.status === 'failing' ? 1 : 0)
    }
    // Pages not enabled on the repository: published anyway, with a warning saying what to set.
    expect(runs[0]!.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/Pages is not enabled.*Settings → Pages/)
      })
    )
  })
})

describe('pages-history 2 and the html_url GitHub reports', () => {
  let h: Harness
  const runs: ActionRun[] = []
  beforeAll(async () => {
    h = await startHarness({
      owner: 'octo-org',
      repo: 'sample',
      files: { 'README.md': '# s\n' },
      pages: { branch: 'reports-site' }
    })
    for (let i = 0; i < 3; i++)
      runs.push(
        await h.run(
          runOpts({ 'pages-history': '2', 'pages-branch': 'reports-site', checks: 'ruff' })
        )
      )
  }, 300_000)
  afterAll(() => h.close())

  it('keeps only the two newest run folders and history entries', () => {
    const tree = h.github.readTree('reports-site')
    expect(runFolders(tree).map(f => f.replace(/^.*-/, ''))).toEqual(
      [runs[1]!.runId, runs[2]!.runId].sort()
    )
    const history = JSON.parse(tree['history.json']!) as History
    expect(history.runs.map(r => r.runId)).toEqual([runs[2]!.runId, runs[1]!.runId])
    expect(tree['index.html']).not.toContain(runs[0]!.runId)
    expect(h.github.branches()).not.toContain('gh-pages')
  })

  it('removed the oldest folder in the same commit that added the third run', () => {
    const trees = h.github.requests({ method: 'POST', route: '/repos/{owner}/{repo}/git/trees' })
    const third = trees[2]!.body as { tree: Array<{ path: string; sha: string | null }> }
    const deleted = third.tree.filter(t => t.sha === null).map(t => t.path)
    expect(deleted.length).toBeGreaterThan(0)
    expect(deleted.every(p => p.includes(`-${runs[0]!.runId}/`) || p.startsWith('latest/'))).toBe(
      true
    )
    expect(h.github.invalidRequests()).toEqual([])
  })

  it('uses the html_url of GET /pages for pages-url', () => {
    expect(runs[2]!.outputs['pages-url']).toMatch(/^https:\/\/.+\/runs\/.+\/report\.html$/)
    expect(runs[2]!.annotations.filter(a => /Pages is not enabled/.test(a.message))).toEqual([])
  })
})

describe('concurrent updates of the Pages branch', () => {
  it('retries from the new head when the ref update is refused as not a fast forward', async () => {
    await withHarness(async h => {
      await h.run(runOpts({ checks: 'ruff' }))
      const f = h.github.fault({
        method: 'PATCH',
        route: '/repos/{owner}/{repo}/git/refs/{ref}',
        status: 422,
        message: 'Update is not a fast forward',
        times: 1
      })
      const second = await h.run(runOpts({ checks: 'ruff' }))
      expect(f.hits).toBe(1)
      expect(second.summary).toMatch(/\| pages \| done \|/)
      const history = JSON.parse(h.github.readTree('gh-pages')['history.json']!) as History
      expect(history.runs).toHaveLength(2)
      expect(
        h.github
          .requests({ method: 'PATCH', route: '/repos/{owner}/{repo}/git/refs/{ref}' })
          .map(r => r.status)
      ).toEqual([422, 200])
    })
  }, 300_000)

  it('loses no run when two jobs publish at the same time', async () => {
    await withHarness(async h => {
      await h.run(runOpts({ checks: 'ruff' }))
      const pair = await Promise.all([
        h.run(runOpts({ checks: 'ruff' })),
        h.run(runOpts({ checks: 'ruff' }))
      ])
      for (const r of pair) expect(r.summary).toMatch(/\| pages \| done \|/)
      const tree = h.github.readTree('gh-pages')
      const history = JSON.parse(tree['history.json']!) as History
      expect(history.runs).toHaveLength(3)
      expect(history.runs.map(r => r.runId)).toEqual(expect.arrayContaining(pair.map(r => r.runId)))
      expect(runFolders(tree)).toHaveLength(3)
      expect(h.github.invalidRequests()).toEqual([])
    })
  }, 300_000)
})

describe('runs off the default branch', () => {
  it('a pull request run does not publish to Pages and says why', async () => {
    await withHarness(async h => {
      const r = await h.run({
        ...runOpts({ checks: 'ruff', 'fail-on': 'never' }),
        ref: 'refs/pull/3/merge',
        event: { name: 'pull_request', payload: { number: 3 } }
      })
      expect(r.summary).toMatch(
        /\| pages \| skipped \| not published to Pages: a pull\\?_request run speaks for the pull request/
      )
      expect(h.github.branches()).not.toContain('gh-pages')
      expect(r.outputs['pages-url']).toBeUndefined()
      expect(r.exitCode).toBe(0)
    })
  }, 300_000)

  it('a push to a feature branch is not published either', async () => {
    await withHarness(async h => {
      const r = await h.run({
        ...runOpts({ checks: 'ruff', 'fail-on': 'never' }),
        ref: 'refs/heads/feature',
        event: { name: 'push' }
      })
      expect(r.summary).toMatch(
        /\| pages \| skipped \| not published to Pages: the run is on refs\/heads\/feature/
      )
      expect(h.github.branches()).not.toContain('gh-pages')
    })
  }, 300_000)
})
