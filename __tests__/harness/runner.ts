// Runs the action bundle as a GitHub runner does: a temp workspace, INPUT_* variables, the
// GITHUB_* / RUNNER_* environment and command files; returns outputs, summary and annotations.
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { REPO_ROOT } from './bundle.js'
import {
  parseCommands,
  parseEnvFile,
  type Annotation,
  type WorkflowCommand
} from './runner-files.js'

export type { Annotation, WorkflowCommand }

export interface EventSpec {
  name: 'schedule' | 'workflow_dispatch' | 'push' | 'pull_request'
  /** Merged over the default payload for that event. */
  payload?: Record<string, unknown>
}

export interface RunOptions {
  /** Project copied into the workspace (e.g. a fixture folder). */
  project?: string
  /** Extra files written into the workspace (path -> content). */
  files?: Record<string, string>
  /** `git init` + one commit in the workspace (default true). */
  gitInit?: boolean
  /** Action inputs by their action.yml names; empty strings are passed as given. */
  inputs?: Record<string, string>
  /** Extra environment, applied last (undefined removes a variable). */
  env?: Record<string, string | undefined>
  /** The emulator: sets GITHUB_API_URL, GITHUB_REPOSITORY and, by default, GITHUB_SHA. */
  github?: { url: string; fullName: string; headSha(branch?: string): string | undefined }
  /** The results service: sets ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN. */
  artifacts?: { resultsUrl: string; runtimeToken(runId: string, jobId?: string): string }
  event?: EventSpec
  ref?: string
  sha?: string
  runId?: string
  runAttempt?: string
  workflow?: string
  job?: string
  /** The bundle to run (default dist/index.js of the repository). */
  entry?: string
  /** Node binary (default the one running the tests). */
  node?: string
  /** Token the runner puts in the github-token input default (default ghs_harness_token). */
  token?: string
  timeoutMs?: number
}

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Variables the step exported through GITHUB_ENV. */
  exportedEnv: Record<string, string>
  annotations: Annotation[]
  /** Every workflow command on stdout (::group::, ::add-mask::, ::debug:: ...). */
  commands: WorkflowCommand[]
  workspace: string
  runnerTemp: string
  runId: string
  /** The child's pid; it led its own process group, which is gone once run() resolves. */
  pid: number
  /** The environment the action saw. */
  env: Record<string, string>
}

function actionDefaults(): Record<string, string> {
  // action.yml defaults that are literals; `${{ github.token }}` is the token itself.
  const out: Record<string, string> = {}
  let text = ''
  try {
    text = readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')
  } catch {
    return out
  }
  let current: string | undefined
  let inInputs = false
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inInputs = line.startsWith('inputs:')
    if (!inInputs) continue
    const name = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line)
    if (name) current = name[1]
    const def = /^ {4}default:\s*(.*)$/.exec(line)
    if (def && current) out[current] = def[1]!.replace(/^['"]|['"]$/g, '')
  }
  return out
}

function eventPayload(
  spec: EventSpec,
  repo: Record<string, unknown>,
  ref: string
): Record<string, unknown> {
  const sender = { login: 'octocat', id: 1, type: 'User' }
  const base: Record<string, Record<string, unknown>> = {
    schedule: { schedule: '0 6 * * 1', repository: repo },
    workflow_dispatch: {
      inputs: {},
      ref,
      repository: repo,
      sender,
      workflow: '.github/workflows/maintenance.yml'
    },
    push: { ref, repository: repo, sender, commits: [] },
    pull_request: {
      action: 'opened',
      number: 1,
      pull_request: { number: 1, head: { ref: 'feature' }, base: { ref: 'main' } },
      repository: repo,
      sender
    }
  }
  return { ...base[spec.name], ...spec.payload }
}

function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v === undefined ||
      /^(GITHUB_|INPUT_|ACTIONS_|RUNNER_)/.test(k) ||
      k === 'NODE_OPTIONS' ||
      k.startsWith('JEST')
    )
      continue
    env[k] = v
  }
  return env
}

let runCounter = 0

// Without an emulator the API URL must still fail fast and locally: a port that was just free.
async function closedPortUrl(): Promise<string> {
  const net = await import('node:net')
  const srv = net.createServer()
  await new Promise<void>(r => srv.listen(0, '127.0.0.1', () => r()))
  const port = (srv.address() as import('node:net').AddressInfo).port
  await new Promise<void>(r => srv.close(() => r()))
  return `http://127.0.0.1:${port}`
}

/** One run of the action; several runs share the emulator when called in a row. */
export async function runAction(opts: RunOptions = {}): Promise<ActionRun> {
  const root = mkdtempSync(path.join(tmpdir(), 'pymaint-run-'))
  const repoName = opts.github?.fullName.split('/')[1] ?? 'demo'
  const workspace = path.join(root, 'work', repoName, repoName)
  const runnerTemp = path.join(root, 'temp')
  const toolCache = path.join(root, 'tool-cache')
  const commandDir = path.join(runnerTemp, '_runner_file_commands')
  for (const d of [workspace, runnerTemp, toolCache, commandDir]) mkdirSync(d, { recursive: true })
  if (opts.project) cpSync(opts.project, workspace, { recursive: true })
  for (const [p, content] of Object.entries(opts.files ?? {})) {
    mkdirSync(path.dirname(path.join(workspace, p)), { recursive: true })
    writeFileSync(path.join(workspace, p), content)
  }
  let sha = opts.sha ?? opts.github?.headSha()
  if (opts.gitInit !== false) {
    const git = (...args: string[]): string =>
      execFileSync('git', ['-C', workspace, ...args], {
        env: {
          ...cleanEnv(),
          GIT_AUTHOR_NAME: 'runner',
          GIT_AUTHOR_EMAIL: 'runner@example.com',
          GIT_COMMITTER_NAME: 'runner',
          GIT_COMMITTER_EMAIL: 'runner@example.com'
        }
      })
        .toString()
        .trim()
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('commit', '-q', '--allow-empty', '-m', 'fixture')
    sha ??= git('rev-parse', 'HEAD')
  }
  sha ??= '0'.repeat(40)
  runCounter++
  const runId = opts.runId ?? String(9000000000 + process.pid * 100 + runCounter)
  const jobId = `job-${runId}`
  const ref = opts.ref ?? 'refs/heads/main'
  const full = opts.github?.fullName ?? 'octo-org/demo'
  const [owner] = full.split('/') as [string]
  const repo = {
    full_name: full,
    name: repoName,
    owner: { login: owner },
    default_branch: 'main',
    html_url: `https://github.com/${full}`
  }
  const event = opts.event ?? { name: 'workflow_dispatch' }
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json')
  mkdirSync(path.dirname(eventPath), { recursive: true })
  writeFileSync(eventPath, JSON.stringify(eventPayload(event, repo, ref), null, 2))
  const files = {
    GITHUB_OUTPUT: path.join(commandDir, `set_output_${runId}`),
    GITHUB_STEP_SUMMARY: path.join(commandDir, `step_summary_${runId}`),
    GITHUB_ENV: path.join(commandDir, `set_env_${runId}`),
    GITHUB_PATH: path.join(commandDir, `add_path_${runId}`),
    GITHUB_STATE: path.join(commandDir, `save_state_${runId}`)
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const token = opts.token ?? 'ghs_harness_token'
  const inputs: Record<string, string> = {}
  for (const [k, v] of Object.entries(actionDefaults()))
    inputs[k] = v.includes('${{') ? (v.includes('github.token') ? token : '') : v
  Object.assign(inputs, opts.inputs)
  const apiUrl = opts.github?.url ?? (await closedPortUrl())
  const env: Record<string, string> = {
    ...cleanEnv(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__self',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_REPOSITORY: full,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_NUMBER: String(runCounter),
    GITHUB_RUN_ATTEMPT: opts.runAttempt ?? '1',
    GITHUB_WORKFLOW: opts.workflow ?? 'maintenance',
    GITHUB_JOB: opts.job ?? 'maintain',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace,
    GITHUB_RETENTION_DAYS: '90',
    ...files,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'harness',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_WORKSPACE: path.dirname(workspace),
    // The emulator finishes SARIF processing after one poll; GitHub's 5 s interval only slows tests.
    PYMAINT_SARIF_POLL_MS: '25'
  }
  if (opts.artifacts) {
    env.ACTIONS_RESULTS_URL = opts.artifacts.resultsUrl
    env.ACTIONS_RUNTIME_TOKEN = opts.artifacts.runtimeToken(runId, jobId)
  }
  for (const [k, v] of Object.entries(inputs))
    env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  const entry = opts.entry ?? path.join(REPO_ROOT, 'dist', 'index.js')
  const child = spawn(opts.node ?? process.execPath, [entry], {
    cwd: workspace,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), opts.timeoutMs ?? 300_000)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code, sig) => resolve([code, sig]))
    }
  )
  clearTimeout(timer)
  // Tools the action started must not outlive the step, as on a runner.
  killGroup(child.pid!, 'SIGKILL')
  for (let i = 0; i < 250 && processGroupAlive(child.pid!); i++)
    await new Promise(r => setTimeout(r, 20))
  const { annotations, commands } = parseCommands(stdout)
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseEnvFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    exportedEnv: parseEnvFile(readFileSync(files.GITHUB_ENV, 'utf8')),
    annotations,
    commands,
    workspace,
    runnerTemp,
    runId,
    pid: child.pid!,
    env
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // the group is already gone
  }
}

/** Whether any process of the run's process group is still alive. */
export function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Removes a run's temp tree (workspace, RUNNER_TEMP, tool cache). */
export function removeRun(run: ActionRun): void {
  rmSync(path.resolve(run.runnerTemp, '..'), { recursive: true, force: true })
}
