// End to end fault isolation: for each publisher (code scanning, Pages, artifact) and each fault
// (403, 404, 500, timeout, rate limit) the bundled action still writes every report file, uploads
// the artifact (unless it is the one faulted), finishes the other publishers, warns with the
// cause, and exits by the gates; only a publisher requested with `true` fails the step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { ensureBundle, REPO_ROOT } from '../harness/bundle.js'
import { githubErrors, type FaultSpec } from '../harness/faults.js'
import { startHarness, type Harness } from '../harness/harness.js'
import type { ActionRun } from '../harness/runner.js'

type Publisher = 'code-scanning' | 'pages' | 'artifact'
type FaultKind = '403' | '404' | '500' | 'timeout' | 'rate limit'

interface Case {
  publisher: Publisher
  fault: FaultKind
  /** upload-sarif value (code scanning only). */
  uploadSarif?: 'auto' | 'true'
  /** What the warning must say. */
  cause: RegExp
  /** Result the faulted publisher reports. */
  result: 'skipped' | 'failed'
  exitCode: 0 | 1
}

const SARIFS = '/repos/{owner}/{repo}/code-scanning/sarifs'
const GIT = /\/repos\/[^/]+\/[^/]+\/git\//
/** Request deadline in the faulted runs: generous, as four runs share the cores here. */
const TIMEOUT_MS = 3000

/** Emulator faults per publisher: code scanning's upload, every Git data call of Pages. */
function githubFault(p: Publisher, f: FaultKind): FaultSpec {
  const where: FaultSpec = p === 'code-scanning' ? { method: 'POST', route: SARIFS } : { path: GIT }
  const what: Record<FaultKind, Partial<FaultSpec>> = {
    '403':
      p === 'code-scanning'
        ? githubErrors.codeScanningDisabled()
        : githubErrors.forbiddenIntegration(),
    '404': githubErrors.notFound(),
    '500': githubErrors.serverError(),
    timeout: { delayMs: TIMEOUT_MS * 3 },
    'rate limit': githubErrors.rateLimited(120)
  }
  return { ...where, ...what[f] }
}

const cases: Case[] = [
  {
    publisher: 'code-scanning',
    fault: '403',
    cause: /code scanning is not enabled for this repository.*Settings → Code security/,
    result: 'skipped',
    exitCode: 0
  },
  {
    publisher: 'code-scanning',
    fault: '404',
    cause: /not found \(404 Not Found\).*security-events: write/,
    result: 'skipped',
    exitCode: 0
  },
  {
    publisher: 'code-scanning',
    fault: '500',
    cause: /GitHub failed \(500 Server Error\)/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'code-scanning',
    fault: 'timeout',
    cause: /GitHub did not answer in time \(timed out after 3000 ms/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'code-scanning',
    fault: 'rate limit',
    cause: /GitHub rate limit hit \(403 API rate limit exceeded/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'code-scanning',
    fault: '403',
    uploadSarif: 'true',
    cause: /code scanning is not enabled for this repository/,
    result: 'failed',
    exitCode: 1
  },
  {
    publisher: 'code-scanning',
    fault: '500',
    uploadSarif: 'true',
    cause: /GitHub failed \(500 Server Error\)/,
    result: 'failed',
    exitCode: 1
  },
  {
    publisher: 'pages',
    fault: '403',
    cause:
      /the token may not do this \(403 Resource not accessible by integration\).*contents: write/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'pages',
    fault: '404',
    cause: /not found \(404 Not Found\).*contents: write/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'pages',
    fault: '500',
    cause: /GitHub failed \(500 Server Error\)/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'pages',
    fault: 'timeout',
    cause: /GitHub did not answer in time/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'pages',
    fault: 'rate limit',
    cause: /GitHub rate limit hit/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'artifact',
    fault: '403',
    cause: /results service refused the upload .*403/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'artifact',
    fault: '404',
    cause: /artifact upload failed .*404/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'artifact',
    fault: '500',
    cause: /results service failed .*500/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'artifact',
    fault: 'timeout',
    cause: /results service did not answer in time/,
    result: 'failed',
    exitCode: 0
  },
  {
    publisher: 'artifact',
    fault: 'rate limit',
    cause: /results service rate-limited the upload .*429/,
    result: 'failed',
    exitCode: 0
  }
]

const ALL: Publisher[] = ['code-scanning', 'pages', 'artifact']
const name = (c: Case): string =>
  `${c.publisher} ${c.fault}${c.uploadSarif === 'true' ? ' (upload-sarif: true)' : ''}`

interface Outcome {
  run: ActionRun
  harness: Harness
  /** Files present in the report dir right after the run. */
  reportFiles: string[]
}

/** A results service that accepts connections and never answers (dropped after a while). */
async function silentService(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>()
  const srv = http.createServer(() => undefined)
  srv.on('connection', s => {
    sockets.add(s)
    setTimeout(() => s.destroy(), TIMEOUT_MS * 3).unref()
  })
  await new Promise<void>(r => srv.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>(r => {
        for (const s of sockets) s.destroy()
        srv.close(() => r())
      })
  }
}

let entry: string
const outcomes = new Map<string, Outcome>()
const closers: Array<() => Promise<void>> = []

async function runCase(c: Case): Promise<void> {
  const h = await startHarness({ owner: 'octo-org', repo: 'demo', files: { 'README.md': '# d\n' } })
  closers.push(() => h.close())
  const env: Record<string, string> = {
    PYMAINT_MAX_RETRY_WAIT_MS: '0',
    PYMAINT_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
    PYMAINT_SARIF_POLL_MS: '10',
    PYMAINT_ARTIFACT_TIMEOUT_MS: String(
      c.publisher === 'artifact' && c.fault === 'timeout' ? TIMEOUT_MS : 120_000
    )
  }
  if (c.publisher === 'artifact') {
    if (c.fault === 'timeout') {
      const silent = await silentService()
      closers.push(silent.close)
      env.ACTIONS_RESULTS_URL = silent.url
    } else {
      const status = { '403': 403, '404': 404, '500': 500, 'rate limit': 429 }[c.fault]
      h.artifacts.fault({ method: 'CreateArtifact', status, msg: `injected ${status}` })
    }
  } else h.github.fault(githubFault(c.publisher, c.fault))
  const run = await h.run({
    project: path.join(REPO_ROOT, '__tests__', 'fixtures', 'harness-project'),
    files: { 'src/harness_demo/__init__.py': '"""Clean."""\n' },
    entry,
    event: { name: 'schedule' },
    inputs: {
      checks: 'ruff',
      'install-tools': 'never',
      pages: 'true',
      'upload-sarif': c.uploadSarif ?? 'auto'
    },
    env
  })
  const dir = run.outputs['report-dir'] ?? ''
  const reportFiles = ['report.json', 'report.html', 'sarif/ruff.sarif'].filter(f =>
    existsSync(path.join(dir, f))
  )
  outcomes.set(name(c), { run, harness: h, reportFiles })
}

beforeAll(async () => {
  entry = ensureBundle()
  // The artifact 500 / 429 cases sit through the client's own retries (>= 3 s sleeps): run the
  // cases side by side, each on its own servers.
  const queue = [...cases]
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await runCase(c)
    })
  )
}, 600_000)
afterAll(async () => {
  await Promise.all(closers.map(c => c()))
})

describe.each(cases.map(c => [name(c), c] as const))('%s', (_, c) => {
  const o = (): Outcome => outcomes.get(name(c))!

  it('writes the report files and sets the outputs', () => {
    expect(o().reportFiles).toEqual(['report.json', 'report.html', 'sarif/ruff.sarif'])
    expect(o().run.outputs.status).toBe('passing')
  })

  it(`reports the publisher ${c.result}, the others done, and lists all in the summary`, () => {
    const { summary } = o().run
    for (const p of ALL) {
      const want = p === c.publisher ? c.result : 'done'
      expect(summary).toMatch(new RegExp(`\\| ${p} \\| ${want}( \\(required\\))? \\|`))
    }
  })

  it('uploads the artifact unless the artifact is the one faulted', () => {
    const a = o().harness.artifacts.artifact('maintenance-reports')
    if (c.publisher === 'artifact') expect(a?.finalized ?? false).toBe(false)
    else {
      expect(a?.finalized).toBe(true)
      expect(Object.keys(o().harness.artifacts.files('maintenance-reports'))).toEqual(
        expect.arrayContaining(['report.json', 'report.html', 'sarif/ruff.sarif'])
      )
      expect(o().run.outputs['artifact-id']).toBe(String(a!.id))
    }
  })

  it('warns with the cause', () => {
    const { annotations } = o().run
    const level = c.exitCode === 1 ? /warning|error/ : /warning/
    expect(annotations).toContainEqual(
      expect.objectContaining({
        level: expect.stringMatching(level),
        message: expect.stringMatching(c.cause)
      })
    )
  })

  it(`exits ${c.exitCode}: ${c.exitCode ? 'the publisher was requested with true' : 'by the gates, not the fault'}`, () => {
    expect(o().run.exitCode).toBe(c.exitCode)
    expect(o().harness.github.invalidRequests()).toEqual([])
  })
})
