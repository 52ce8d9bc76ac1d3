// Cleanup modes through the bundled action: dry-run prints the plan and writes nothing, off does
// nothing, and a project in a subdirectory only cleans inside it (with .gitignore additions and
// excludes from [tool.pymaint.cleanup]).
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github-emulator.js'
import { removeRun, type ActionRun } from '../harness/runner.js'
import {
  JUNK,
  SlackReceiver,
  initialFiles,
  maintenanceRun,
  warnings
} from './maintenance-support.js'

const runs: ActionRun[] = []
const emus: GitHubEmulator[] = []
afterAll(async () => {
  for (const e of emus) await e.close()
  for (const r of runs) removeRun(r)
})

async function emulator(files: Record<string, string>): Promise<GitHubEmulator> {
  const e = await startGitHubEmulator({ files })
  emus.push(e)
  return e
}

function writes(emu: GitHubEmulator): string[] {
  return emu
    .requests()
    .filter(r => r.method !== 'GET')
    .map(r => `${r.method} ${r.path}`)
}

describe('cleanup modes', () => {
  it('dry-run lists every junk file with its reason and writes nothing', async () => {
    const emu = await emulator(initialFiles())
    const r = await maintenanceRun(emu, {
      inputs: { cleanup: 'dry-run', issues: 'false' },
      untracked: { 'src/demo/__pycache__/local.cpython-312.pyc': 'only in the workspace' }
    })
    runs.push(r)
    expect(r.outputs.status).toBe('failing')
    expect(warnings(r)).toEqual([])
    expect(r.stdout).toContain(`${Object.keys(JUNK).length} file(s) would be removed`)
    for (const p of Object.keys(JUNK)) expect(r.stdout).toContain(`would remove ${p}  (`)
    expect(r.stdout).toContain('would remove .DS_Store  (.DS_Store: macOS Finder metadata)')
    expect(r.stdout).not.toContain('would remove .coveragerc')
    // Candidates come from the repository's tree: a workspace-only file is never in the plan.
    expect(r.stdout).not.toContain('local.cpython-312.pyc')
    expect(writes(emu)).toEqual([])
    expect(r.outputs['cleanup-pr']).toBeUndefined()
    expect(emu.invalidRequests()).toEqual([])
  })

  it('off makes no cleanup request at all', async () => {
    const emu = await emulator(initialFiles())
    const r = await maintenanceRun(emu, { inputs: { cleanup: 'off', issues: 'false' } })
    runs.push(r)
    expect(r.outputs.status).toBe('failing')
    expect(emu.requests()).toEqual([])
  })

  it('a project in a subdirectory: only its junk goes, excludes hold, .gitignore gains the patterns', async () => {
    const files: Record<string, string> = { '.DS_Store': 'outside the project', 'other/x.pyc': 'x' }
    for (const [p, c] of Object.entries(initialFiles())) files[`proj/${p}`] = c
    files['proj/keep-me/__pycache__/data.pyc'] = 'excluded'
    files['proj/.gitignore'] = '# project ignores\n.venv/\n*.pyc\n'
    files['proj/pyproject.toml'] +=
      '\n[tool.pymaint.cleanup]\nexclude = ["keep-me/"]\ngitignore = true\n'
    const emu = await emulator(files)
    const r = await maintenanceRun(emu, { inputs: { 'working-directory': 'proj' } })
    runs.push(r)
    expect(warnings(r)).toEqual([])
    const main = emu.readTree()
    const branch = emu.readTree('pymaint/cleanup')
    const removed = Object.keys(main).filter(p => !(p in branch))
    expect(removed.sort()).toEqual(
      Object.keys(JUNK)
        .map(p => `proj/${p}`)
        .sort()
    )
    expect(branch['.DS_Store']).toBe('outside the project')
    expect(branch['other/x.pyc']).toBe('x')
    expect(branch['proj/keep-me/__pycache__/data.pyc']).toBe('excluded')
    // *.pyc was already ignored; the other matched patterns are appended once.
    expect(branch['proj/.gitignore']).toBe(
      '# project ignores\n.venv/\n*.pyc\n\n# Added by pymaint cleanup\n' +
        '__pycache__/\n.pytest_cache/\n.coverage\n.DS_Store\n*~\n'
    )
    const pr = emu.pulls()[0]!
    expect(pr.body).toContain('`proj/src/demo/old.pyc`')
    expect(pr.body).toContain('`proj/.gitignore`')
    expect(emu.invalidRequests()).toEqual([])
  })

  it('a pull request run or a feature-branch run leaves cleanup, issue and Slack alone', async () => {
    const emu = await emulator(initialFiles())
    const slack = await SlackReceiver.start('modesSECRET')
    try {
      for (const [event, ref] of [
        ['pull_request', 'refs/pull/1/merge'],
        ['workflow_dispatch', 'refs/heads/feature']
      ] as const) {
        const r = await maintenanceRun(emu, {
          event,
          ref,
          inputs: { 'slack-webhook-url': slack.webhook }
        })
        runs.push(r)
        expect(r.outputs.status).toBe('failing')
        expect(warnings(r)).toEqual([])
        const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')) as {
          publish: Array<{ id: string; result: string; reason?: string }>
        }
        for (const id of ['cleanup', 'issue', 'slack']) {
          const o = report.publish.find(p => p.id === id)!
          expect(o.result).toBe('skipped')
          expect(o.reason).toMatch(
            event === 'pull_request'
              ? /pull_request run speaks for the pull request/
              : /on refs\/heads\/feature, not the default branch main/
          )
        }
      }
      expect(writes(emu)).toEqual([])
      expect(slack.messages).toHaveLength(0)
    } finally {
      await slack.close()
    }
  })

  it('a cleanup PR a maintainer closed is not proposed again until the junk changes', async () => {
    const emu = await emulator(initialFiles())
    const first = await maintenanceRun(emu, { inputs: { issues: 'false' } })
    runs.push(first)
    const pr = Number(first.outputs['cleanup-pr'])
    const octokit = new Octokit({ auth: 'ghs_maintainer', baseUrl: emu.url })
    await octokit.rest.pulls.update({
      owner: emu.owner,
      repo: emu.repo,
      pull_number: pr,
      state: 'closed'
    })

    const again = await maintenanceRun(emu, { inputs: { issues: 'false' } })
    runs.push(again)
    expect(warnings(again)).toEqual([])
    expect(again.outputs['cleanup-pr']).toBeUndefined()
    expect(again.stdout).toContain(`#${pr} proposed these files and was closed without merging`)
    expect(emu.pulls()).toHaveLength(1)

    emu.commitFiles('main', { 'src/demo/new.pyc': 'more bytecode' }, 'More junk')
    const changed = await maintenanceRun(emu, { inputs: { issues: 'false' } })
    runs.push(changed)
    const open = emu.pulls().filter(p => p.state === 'open')
    expect(open).toHaveLength(1)
    expect(open[0]!.number).not.toBe(pr)
    expect(open[0]!.body).toContain('`src/demo/new.pyc`')
    expect(emu.invalidRequests()).toEqual([])
  })

  it('"A pull request already exists" (a run that raced ours) reuses that PR', async () => {
    const emu = await emulator(initialFiles())
    const first = await maintenanceRun(emu, { inputs: { issues: 'false' } })
    runs.push(first)
    // The next lookup misses the open PR, as when another run opened it a moment ago.
    const miss = emu.fault({
      method: 'GET',
      route: '/repos/{owner}/{repo}/pulls',
      status: 200,
      body: [],
      times: 1
    })
    emu.commitFiles('main', { 'docs/more.md': 'more\n' }, 'Move main')
    const second = await maintenanceRun(emu, { inputs: { issues: 'false' } })
    runs.push(second)
    expect(miss.hits).toBe(1)
    expect(warnings(second)).toEqual([])
    expect(
      emu.requests({ method: 'POST', route: '/repos/{owner}/{repo}/pulls' }).map(r => r.status)
    ).toEqual([201, 422])
    expect(emu.pulls()).toHaveLength(1)
    expect(second.outputs['cleanup-pr']).toBe(first.outputs['cleanup-pr'])
    expect(emu.invalidRequests()).toEqual([])
  })
})
