// The code scanning publisher called directly against the emulator: the processing poll's
// outcomes (complete, failed with GitHub's errors, still pending at the deadline, a 404 right
// after the upload), and the payload limits refused before any request.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { GitHubEmulator } from '../harness/github-emulator.js'
import { loadConfig } from '../../src/config/load.js'
import { publishCodeScanning } from '../../src/publish/code-scanning.js'
import type { PublishContext } from '../../src/publish/publisher.js'
import type { GitHubRun } from '../../src/github/context.js'
import type { Report } from '../../src/findings/model.js'

const SARIFS = '/repos/{owner}/{repo}/code-scanning/sarifs'
let emu: GitHubEmulator
let workspace: string
let ruffSarif: string
const warnings: string[] = []
const saved = { ...process.env }

beforeAll(async () => {
  emu = await GitHubEmulator.start({ files: { 'README.md': 'x' } })
  workspace = mkdtempSync(path.join(os.tmpdir(), 'cs-int-'))
  writeFileSync(path.join(workspace, 'a.py'), 'import os\n')
  ruffSarif = spawnSync('ruff', ['check', '--no-cache', '--output-format', 'sarif', 'a.py'], {
    cwd: workspace
  }).stdout.toString()
  process.env.PYMAINT_SARIF_POLL_MS = '5'
  process.env.PYMAINT_MAX_RETRY_WAIT_MS = '0'
})
afterAll(async () => {
  process.env = saved
  await emu.close()
})
beforeEach(() => {
  warnings.length = 0
  emu.clearLog()
  emu.clearFaults()
  delete process.env.PYMAINT_SARIF_WAIT_MS
})
afterEach(() => expect(emu.invalidRequests()).toEqual([]))

function ctx(sarif: Record<string, string>, mode = 'auto'): PublishContext {
  const out = path.join(workspace, 'out')
  mkdirSync(path.join(out, 'sarif'), { recursive: true })
  const files: Record<string, string> = {}
  for (const [id, text] of Object.entries(sarif)) {
    files[id] = path.join(out, 'sarif', `${id}.sarif`)
    writeFileSync(files[id]!, text)
  }
  const config = loadConfig({
    explicit: { 'upload-sarif': mode },
    source: 'input',
    workspace,
    project: '.',
    defaultOutDir: out
  })
  const gh: GitHubRun = {
    token: 't',
    apiUrl: emu.url,
    serverUrl: 'https://github.com',
    owner: emu.owner,
    repo: emu.repo,
    sha: emu.headSha()!,
    ref: 'refs/heads/main',
    runId: '1',
    runAttempt: '1',
    eventName: 'schedule',
    event: {},
    workflow: 'w',
    runUrl: 'https://github.com/x'
  }
  const report = {
    generatedAt: new Date().toISOString(),
    durationMs: 1000,
    checks: Object.keys(sarif).map(id => ({ id }))
  } as unknown as Report
  return {
    config,
    report,
    written: {
      dir: out,
      json: '',
      html: '',
      summary: '',
      badges: { svg: '', json: '' },
      files: [],
      sarif: files,
      sarifNotUploadable: {}
    },
    github: gh,
    log: { info: () => undefined, warning: m => void warnings.push(m) },
    outputs: {},
    previous: []
  }
}

describe('publishCodeScanning', () => {
  it('is done once every upload is complete', async () => {
    const o = await publishCodeScanning(ctx({ ruff: ruffSarif }))
    expect(o).toMatchObject({ result: 'done', reason: '1 SARIF upload to refs/heads/main' })
    expect(emu.sarifUploads().at(-1)!.polls).toBe(2)
  })

  it('fails with GitHub’s processing errors', async () => {
    emu.fault({
      method: 'GET',
      route: `${SARIFS}/{sarif_id}`,
      status: 200,
      body: {
        processing_status: 'failed',
        analyses_url: null,
        errors: ['locationFromSarifResult: expected artifact location']
      }
    })
    const o = await publishCodeScanning(ctx({ ruff: ruffSarif }))
    expect(o.result).toBe('failed')
    expect(o.reason).toMatch(
      /1 of 1 SARIF uploads failed \(ruff: locationFromSarifResult: expected artifact location\)/
    )
  })

  it('keeps polling through a 404 right after the upload', async () => {
    emu.fault({
      method: 'GET',
      route: `${SARIFS}/{sarif_id}`,
      status: 404,
      message: 'Not Found',
      times: 2
    })
    const o = await publishCodeScanning(ctx({ ruff: ruffSarif }))
    expect(o.result).toBe('done')
    expect(
      emu.requests({ method: 'GET', route: `${SARIFS}/{sarif_id}` }).map(r => r.status)
    ).toEqual([404, 404, 200, 200])
  })

  it('stops waiting at the deadline and says the results are still processing', async () => {
    process.env.PYMAINT_SARIF_WAIT_MS = '60'
    emu.fault({
      method: 'GET',
      route: `${SARIFS}/{sarif_id}`,
      status: 200,
      body: { processing_status: 'pending', analyses_url: null }
    })
    const o = await publishCodeScanning(ctx({ ruff: ruffSarif }))
    expect(o).toMatchObject({ result: 'done', reason: expect.stringMatching(/1 still processing/) })
    expect(warnings).toContainEqual(expect.stringMatching(/ruff still processing after the wait/))
  })

  it('refuses a file over 10 MB gzipped without sending it, and uploads the others', async () => {
    const big = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'mypy' } },
          results: [{ message: { text: randomBytes(11 << 20).toString('base64') } }]
        }
      ]
    })
    const o = await publishCodeScanning(ctx({ ruff: ruffSarif, mypy: big }))
    expect(o.result).toBe('failed')
    expect(o.reason).toMatch(
      /mypy: sarif\/mypy.sarif is \d+\.\d MB gzipped; GitHub accepts at most 10 MB/
    )
    expect(emu.requests({ method: 'POST', route: SARIFS })).toHaveLength(1)
  })

  it('stops after the first refused upload: the same cause would refuse the rest', async () => {
    emu.fault({
      method: 'POST',
      route: SARIFS,
      status: 403,
      message: 'Advanced Security must be enabled for this repository to use code scanning.'
    })
    const two = { ruff: ruffSarif, 'ruff-format': ruffSarif.replace('"ruff"', '"ruff-format"') }
    const auto = await publishCodeScanning(ctx(two))
    expect(auto).toMatchObject({
      result: 'skipped',
      reason: expect.stringMatching(/code scanning is not enabled/)
    })
    expect(emu.requests({ method: 'POST', route: SARIFS })).toHaveLength(1)
    const forced = await publishCodeScanning(ctx(two, 'true'))
    expect(forced).toMatchObject({ result: 'failed', required: true })
  })
})
