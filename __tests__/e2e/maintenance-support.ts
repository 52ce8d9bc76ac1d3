// Shared set-up for the maintenance end-to-end tests: the emulated repository with committed junk,
// a workspace checked out from its default branch, a Slack webhook receiver, and one run of the
// bundled action with the fast fixture (INPUT_CHECKS=ruff).
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ensureBundle } from '../harness/bundle.js'
import { runAction, type ActionRun } from '../harness/runner.js'
import type { GitHubEmulator } from '../harness/github-emulator.js'

export const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/maintenance-project')

/** Committed junk the cleanup must remove (content is irrelevant; text keeps the tree readable). */
export const JUNK: Record<string, string> = {
  'src/demo/__pycache__/app.cpython-312.pyc': 'bytecode',
  'src/demo/__pycache__/__init__.cpython-312.pyc': 'bytecode',
  'src/demo/old.pyc': 'bytecode',
  '.DS_Store': 'finder',
  '.coverage': 'coverage data',
  '.pytest_cache/v/cache/lastfailed': '{}',
  'docs/notes.md~': 'backup'
}

/** Look-alikes that are real content and must survive. */
export const KEEP: Record<string, string> = {
  '.coveragerc': '[run]\nbranch = true\n',
  'build/keep.txt': 'build/ is not on the safe list\n',
  'docs/notes.md': 'notes\n'
}

const APP = 'src/demo/app.py'

function fixtureFiles(): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else out[path.relative(FIXTURE, p).split(path.sep).join('/')] = readFileSync(p, 'utf8')
    }
  }
  walk(FIXTURE)
  return out
}

/** The fixture app with one unused import: exactly one ruff violation. */
export function failingApp(): string {
  return readFileSync(path.join(FIXTURE, APP), 'utf8').replace(
    '"""Greeting helpers."""\n',
    '"""Greeting helpers."""\n\nimport os\n'
  )
}

export function cleanApp(): string {
  return readFileSync(path.join(FIXTURE, APP), 'utf8')
}

/** The repository's first commit: the fixture, failing, plus junk and look-alikes. */
export function initialFiles(
  opts: { junk?: boolean; failing?: boolean } = {}
): Record<string, string> {
  return {
    ...fixtureFiles(),
    ...KEEP,
    ...(opts.junk === false ? {} : JUNK),
    [APP]: opts.failing === false ? cleanApp() : failingApp()
  }
}

export class SlackReceiver {
  readonly messages: Array<{ path: string; body: { text?: string; blocks?: unknown[] } }> = []
  status = 200
  private server!: http.Server
  url = ''
  /** The webhook URL handed to the action: its path is the secret. */
  webhook = ''

  static async start(secret: string): Promise<SlackReceiver> {
    const r = new SlackReceiver()
    r.server = http.createServer((req, res) => {
      let raw = ''
      req.on('data', c => (raw += c))
      req.on('end', () => {
        r.messages.push({ path: req.url ?? '', body: JSON.parse(raw || '{}') })
        res.writeHead(r.status, { 'content-type': 'text/plain' })
        res.end(r.status === 200 ? 'ok' : 'internal_error')
      })
    })
    await new Promise<void>(ok => r.server.listen(0, '127.0.0.1', ok))
    r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}`
    r.webhook = `${r.url}/services/T0HARNESS/B0HARNESS/${secret}`
    return r
  }

  close(): Promise<void> {
    return new Promise(ok => this.server.close(() => ok()))
  }
}

export interface MaintenanceRunOptions {
  inputs?: Record<string, string>
  token?: string
  runId?: string
  event?: 'schedule' | 'workflow_dispatch' | 'pull_request'
  ref?: string
  /** Files only in the workspace (never committed to the emulated repository). */
  untracked?: Record<string, string>
}

/** One run of the bundle on a fresh checkout of the emulator's default branch. */
export async function maintenanceRun(
  emu: GitHubEmulator,
  opts: MaintenanceRunOptions = {}
): Promise<ActionRun> {
  return runAction({
    entry: ensureBundle(),
    github: emu,
    files: { ...emu.readTree(), ...opts.untracked },
    token: opts.token,
    runId: opts.runId,
    event: { name: opts.event ?? 'schedule' },
    ref: opts.ref,
    env: { PYMAINT_MAX_RETRY_WAIT_MS: '200' },
    inputs: {
      checks: 'ruff',
      'install-tools': 'never',
      'upload-sarif': 'false',
      'artifact-name': '',
      ...opts.inputs
    },
    timeoutMs: 120_000
  })
}

/** Every text file a run left: stdout, stderr, summary, outputs and the report directory. */
export function everythingWritten(run: ActionRun): string {
  const parts = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)]
  const walk = (dir: string): void => {
    let names: string[] = []
    try {
      names = readdirSync(dir)
    } catch {
      return
    }
    for (const name of names) {
      const p = path.join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else parts.push(readFileSync(p, 'utf8'))
    }
  }
  walk(run.runnerTemp)
  return parts.join('\n')
}

export function warnings(run: ActionRun): string[] {
  return run.annotations.filter(a => a.level === 'warning').map(a => a.message)
}
