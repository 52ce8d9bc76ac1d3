// End to end: the bundled action uploads every report file as one artifact through the real
// @actions/artifact client to the harness results service; expires_at is 90 days ahead by
// default, N days for retention-days N, and the repository maximum clamps it with a warning.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ensureBundle, REPO_ROOT } from '../harness/bundle.js'
import { startHarness, type Harness } from '../harness/harness.js'
import type { ActionRun, RunOptions } from '../harness/runner.js'

const project = path.join(REPO_ROOT, 'examples', 'sample-project')
const DAY = 86_400_000
let entry: string
let h: Harness

beforeAll(async () => {
  entry = ensureBundle()
  h = await startHarness({ owner: 'octo-org', repo: 'sample', files: { 'README.md': '# s\n' } })
}, 300_000)
afterAll(() => h.close())

const run = (
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> =>
  h.run({
    project,
    entry,
    event: { name: 'schedule' },
    inputs: {
      checks: 'ruff,ruff-format',
      'install-tools': 'never',
      'upload-sarif': 'false',
      ...inputs
    },
    env: { PYMAINT_MAX_RETRY_WAIT_MS: '0', ...env }
  } satisfies RunOptions)

/** Every file under dir, relative POSIX paths. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

const daysAhead = (iso: string | undefined, started: number): number =>
  Math.round((Date.parse(iso ?? '') - started) / DAY)

describe('the report artifact', () => {
  let r: ActionRun
  let started: number
  beforeAll(async () => {
    started = Date.now()
    r = await run()
  }, 300_000)

  it('holds every report file under the default name', () => {
    const a = h.artifacts.artifact('maintenance-reports', undefined)
    expect(a?.finalized).toBe(true)
    const uploaded = h.artifacts.files('maintenance-reports')
    const dir = r.outputs['report-dir']!
    expect(Object.keys(uploaded).sort()).toEqual(filesUnder(dir))
    expect(Object.keys(uploaded)).toEqual(
      expect.arrayContaining([
        'report.json',
        'report.html',
        'sarif/ruff.sarif',
        'sarif/ruff-format.sarif'
      ])
    )
    // Same bytes (report.json and summary.md were rewritten afterwards with the outcomes).
    for (const [p, content] of Object.entries(uploaded))
      if (!['report.json', 'summary.md'].includes(p))
        expect(content).toBe(readFileSync(path.join(dir, p), 'utf8'))
  })

  it('expires 90 days ahead by default', () => {
    expect(daysAhead(h.artifacts.artifact('maintenance-reports')?.expiresAt, started)).toBe(90)
  })

  it('sets artifact-id and links the artifact in the summary', () => {
    const a = h.artifacts.artifact('maintenance-reports')!
    expect(r.outputs['artifact-id']).toBe(String(a.id))
    expect(r.summary).toContain(
      `(https://github.com/octo-org/sample/actions/runs/${r.runId}/artifacts/${a.id})`
    )
    expect(r.summary).toMatch(
      /\| artifact \| done \| .*\d+ files as maintenance-reports, kept 90 days/
    )
  })
})

describe('retention-days', () => {
  it.each([1, 7, 30])(
    'expires %i days ahead for retention-days %i',
    async n => {
      const started = Date.now()
      const name = `reports-${n}`
      const r = await run({ 'artifact-name': name, 'retention-days': String(n) })
      expect(r.outputs['artifact-id']).toBe(String(h.artifacts.artifact(name)?.id))
      expect(daysAhead(h.artifacts.artifact(name)?.expiresAt, started)).toBe(n)
    },
    300_000
  )

  it('is clamped to the repository maximum with a warning naming the setting', async () => {
    const started = Date.now()
    const r = await run({ 'artifact-name': 'clamped' }, { GITHUB_RETENTION_DAYS: '14' })
    expect(daysAhead(h.artifacts.artifact('clamped')?.expiresAt, started)).toBe(14)
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /retention-days 90 is more than this repository allows \(14 days\)/
        )
      })
    )
    expect(r.summary).toMatch(/kept 14 days/)
  }, 300_000)

  it('is skipped off Actions (no runtime token), without failing the step', async () => {
    const r = await run(
      { 'artifact-name': 'never', 'fail-on': 'never' },
      { ACTIONS_RUNTIME_TOKEN: '' }
    )
    expect(h.artifacts.artifact('never')).toBeUndefined()
    expect(r.summary).toMatch(/\| artifact \| skipped \| not running on GitHub Actions/)
    expect(r.exitCode).toBe(0)
  }, 300_000)
})
