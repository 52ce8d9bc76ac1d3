// End to end: the bundled action, run as on a runner against the GitHub emulator, uploads one
// SARIF per check to code scanning (each valid for the spec, its own category) and polls until
// processing completes; on a pull request the upload names the merge ref.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import path from 'node:path'
import { ensureBundle, REPO_ROOT } from '../harness/bundle.js'
import { GitHubEmulator } from '../harness/github-emulator.js'
import { removeRun, runAction, type ActionRun } from '../harness/runner.js'
import { validateSarif } from '../support/sarif-validator.js'
import os from 'node:os'
import { mkdtempSync } from 'node:fs'

const project = path.join(REPO_ROOT, 'examples', 'sample-project')
const CHECKS = ['ruff', 'ruff-format', 'mypy']
const fast = {
  PYMAINT_SARIF_POLL_MS: '20',
  PYMAINT_MAX_RETRY_WAIT_MS: '0',
  PYMAINT_REQUEST_TIMEOUT_MS: '2000'
}

let emu: GitHubEmulator
let entry: string
const runs: ActionRun[] = []

beforeAll(async () => {
  entry = ensureBundle()
  emu = await GitHubEmulator.start({
    owner: 'octo-org',
    repo: 'sample',
    files: { 'README.md': '# sample\n' },
    sarifPendingPolls: 2
  })
}, 300_000)
afterAll(async () => {
  await emu.close()
  for (const r of runs) removeRun(r)
})

describe('code scanning on a scheduled run of the example project', () => {
  let run: ActionRun
  beforeAll(async () => {
    emu.clearLog()
    run = await runAction({
      project,
      entry,
      github: emu,
      event: { name: 'schedule' },
      inputs: { checks: CHECKS.join(','), 'install-tools': 'never', 'upload-sarif': 'auto' },
      env: fast
    })
    runs.push(run)
  }, 300_000)

  it('uploads one SARIF per check, each with its own category, for the branch and commit', () => {
    const uploads = emu.sarifUploads()
    expect(uploads).toHaveLength(CHECKS.length)
    const categories = uploads.map(u => {
      const doc = u.sarif as { runs: Array<{ automationDetails?: { id?: string } }> }
      expect(doc.runs).toHaveLength(1)
      return doc.runs[0]!.automationDetails?.id
    })
    expect(categories.sort()).toEqual(CHECKS.map(c => `pymaint/${c}/`).sort())
    for (const u of uploads) {
      expect(u.ref).toBe('refs/heads/main')
      expect(u.commit_sha).toBe(run.env.GITHUB_SHA)
      expect(u.commit_sha).toBe(emu.headSha('main'))
      expect(u.checkout_uri).toBe(`file://${run.workspace}/`)
      expect(u.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
      expect(u.errors).toEqual([])
    }
  })

  it('sends only requests the OpenAPI description accepts, with only the documented fields', () => {
    expect(emu.invalidRequests()).toEqual([])
    expect(emu.unhandledRequests()).toEqual([])
    const posts = emu.requests({
      method: 'POST',
      route: '/repos/{owner}/{repo}/code-scanning/sarifs'
    })
    expect(posts).toHaveLength(CHECKS.length)
    for (const p of posts) {
      expect(Object.keys(p.body as object).sort()).toEqual(
        ['checkout_uri', 'commit_sha', 'ref', 'sarif', 'started_at', 'tool_name'].sort()
      )
      expect(p.authorization).toBe(true)
    }
  })

  it('uploads exactly the SARIF the report holds, valid under GitHub ingestion rules', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'uploaded-sarif-'))
    for (const u of emu.sarifUploads()) {
      const posted = emu
        .requests({ method: 'POST', route: '/repos/{owner}/{repo}/code-scanning/sarifs' })
        .find(
          p =>
            gunzipSync(Buffer.from((p.body as { sarif: string }).sarif, 'base64')).toString() ===
            u.text
        )
      expect(posted).toBeDefined()
      const file = path.join(dir, `${u.id}.sarif`)
      writeFileSync(file, u.text)
      const { errors } = await validateSarif(file)
      expect(errors).toEqual([])
    }
  }, 120_000)

  it('polls each upload until processing completes', () => {
    for (const u of emu.sarifUploads()) expect(u.polls).toBe(3)
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as {
      publish: Array<{
        id: string
        result: string
        details?: { uploads: Array<{ status: string }> }
      }>
    }
    const cs = report.publish.find(p => p.id === 'code-scanning')!
    expect(cs.result).toBe('done')
    expect(cs.details!.uploads.map(u => u.status)).toEqual(CHECKS.map(() => 'complete'))
  })

  it('lists the upload in the job summary and keeps the exit code of the gates', () => {
    expect(run.summary).toMatch(
      /\| ✅ \| code-scanning \| done \| .*3 SARIF uploads to refs\/heads\/main/
    )
    expect(run.exitCode).toBe(run.outputs.status === 'failing' ? 1 : 0)
  })
})

describe('code scanning on a pull request', () => {
  it('uploads for the merge ref and merge commit', async () => {
    emu.clearLog()
    const before = emu.sarifUploads().length
    const merge = 'e'.repeat(40)
    const run = await runAction({
      project,
      entry,
      github: emu,
      ref: 'refs/pull/12/merge',
      sha: merge,
      gitInit: false,
      event: {
        name: 'pull_request',
        payload: {
          number: 12,
          pull_request: {
            number: 12,
            head: { ref: 'feature', sha: 'f'.repeat(40), repo: { full_name: 'octo-org/sample' } },
            base: { ref: 'main' }
          }
        }
      },
      inputs: { checks: 'ruff', 'install-tools': 'never' },
      env: fast
    })
    runs.push(run)
    const uploads = emu.sarifUploads().slice(before)
    expect(uploads.map(u => [u.ref, u.commit_sha])).toEqual([['refs/pull/12/merge', merge]])
    expect(emu.invalidRequests()).toEqual([])
  }, 300_000)

  it('skips uploads from a fork with the reason, and fails the step only with upload-sarif: true', async () => {
    const before = emu.sarifUploads().length
    const fork = {
      name: 'pull_request' as const,
      payload: {
        number: 13,
        pull_request: {
          number: 13,
          head: { ref: 'f', sha: 'f'.repeat(40), repo: { full_name: 'someone/sample' } },
          base: { ref: 'main' }
        }
      }
    }
    const common = {
      project,
      entry,
      github: emu,
      ref: 'refs/pull/13/merge',
      sha: 'd'.repeat(40),
      gitInit: false,
      event: fork,
      env: fast
    }
    const auto = await runAction({
      ...common,
      inputs: { checks: 'ruff', 'install-tools': 'never', 'fail-on': 'never' }
    })
    const forced = await runAction({
      ...common,
      inputs: {
        checks: 'ruff',
        'install-tools': 'never',
        'fail-on': 'never',
        'upload-sarif': 'true'
      }
    })
    runs.push(auto, forced)
    expect(emu.sarifUploads().length).toBe(before)
    expect(auto.summary).toMatch(/\| ⏭️ \| code-scanning \| skipped \| pull request from a fork/)
    expect(auto.exitCode).toBe(0)
    expect(forced.exitCode).toBe(1)
    expect(forced.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/code-scanning failed: pull request from a fork/)
      })
    )
  }, 300_000)
})

describe('where uploads cannot work', () => {
  it.each([
    [
      'no token',
      { inputs: { 'github-token': '' } },
      /no github-token: pass one with \\?`security-events: write\\?`/
    ],
    [
      'no GITHUB_REPOSITORY',
      { env: { GITHUB_REPOSITORY: undefined } },
      /not running on GitHub Actions \(no GITHUB\\?_REPOSITORY\)/
    ]
  ] as const)(
    '%s: auto skips with the reason, true fails the step',
    async (_, o, reason) => {
      const before = emu.sarifUploads().length
      const base = (mode: string) =>
        runAction({
          project,
          entry,
          github: emu,
          event: { name: 'schedule' },
          inputs: {
            checks: 'ruff',
            'install-tools': 'never',
            'fail-on': 'never',
            'upload-sarif': mode,
            ...('inputs' in o ? o.inputs : {})
          },
          env: { ...fast, GITHUB_TOKEN: undefined, ...('env' in o ? o.env : {}) }
        })
      const auto = await base('auto')
      const forced = await base('true')
      runs.push(auto, forced)
      expect(emu.sarifUploads().length).toBe(before)
      const row = (r: ActionRun) => r.summary.split('\n').find(l => l.includes('| code-scanning |'))
      expect(row(auto)).toMatch(/\| skipped \|/)
      expect(row(auto)).toMatch(reason)
      expect(auto.exitCode).toBe(0)
      expect(row(forced)).toMatch(/\| failed \(required\) \|/)
      expect(forced.exitCode).toBe(1)
    },
    300_000
  )
})
