// Acceptance: five runs on a repository with committed junk and failing gates leave one cleanup PR,
// one branch and one issue, the PR deleting exactly the junk; once clean and passing, the next
// run closes both; a later failure reopens the same issue.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github-emulator.js'
import { removeRun, type ActionRun } from '../harness/runner.js'
import {
  JUNK,
  KEEP,
  cleanApp,
  failingApp,
  initialFiles,
  maintenanceRun,
  warnings
} from './maintenance-support.js'

const BRANCH = 'pymaint/cleanup'
let emu: GitHubEmulator
const runs: ActionRun[] = []

async function run(): Promise<ActionRun> {
  const r = await maintenanceRun(emu)
  runs.push(r)
  return r
}

function openPulls(): ReturnType<GitHubEmulator['pulls']> {
  return emu.pulls().filter(p => p.state === 'open')
}

beforeAll(async () => {
  emu = await startGitHubEmulator({ files: initialFiles() })
})
afterAll(async () => {
  await emu.close()
  for (const r of runs) removeRun(r)
})

describe('maintenance lifecycle through the bundled action', () => {
  it('five failing runs with committed junk: one PR, one branch, one issue', async () => {
    const mainBefore = emu.readTree()
    for (let i = 1; i <= 5; i++) {
      const r = await run()
      expect(r.exitCode).toBe(1)
      expect(r.outputs.status).toBe('failing')
      expect(warnings(r)).toEqual([])
      const pr = openPulls()
      expect(pr).toHaveLength(1)
      expect(r.outputs['cleanup-pr']).toBe(String(pr[0]!.number))
      const open = emu.issues().filter(x => x.state === 'open')
      expect(open).toHaveLength(1)
      expect(r.outputs['issue-number']).toBe(String(open[0]!.number))
    }
    expect(emu.pulls()).toHaveLength(1)
    expect(emu.issues()).toHaveLength(1)
    expect(emu.branches()).toEqual(['main', BRANCH])
    // Runs 2-5 found the branch up to date: one commit, never force-moved, PR never edited.
    expect(emu.requests({ method: 'POST', path: /\/git\/commits$/ })).toHaveLength(1)
    expect(emu.requests({ method: 'PATCH', path: /\/git\/refs\// })).toHaveLength(0)
    expect(emu.requests({ method: 'PATCH', path: /\/pulls\/\d+$/ })).toHaveLength(0)

    // The PR's tree is main minus exactly the junk; nothing else changed.
    const pr = openPulls()[0]!
    expect(pr.head).toBe(BRANCH)
    expect(pr.base).toBe('main')
    const onBranch = emu.readTree(BRANCH)
    const removed = Object.keys(mainBefore).filter(p => !(p in onBranch))
    expect(removed.sort()).toEqual(Object.keys(JUNK).sort())
    for (const [p, content] of Object.entries(onBranch)) expect(mainBefore[p]).toBe(content)
    for (const p of Object.keys(KEEP)) expect(onBranch[p]).toBeDefined()
    for (const p of Object.keys(JUNK)) expect(pr.body).toContain(p)
    expect(pr.body).toMatch(/<!-- pymaint:cleanup [0-9a-f]{16} -->\s*$/)

    // One issue, labelled, with the failing gate; commented on never (nothing changed).
    const issue = emu.issues()[0]!
    expect(issue.labels).toContain('maintenance')
    expect(emu.labels().map(l => l.name)).toContain('maintenance')
    expect(issue.body).toContain('Verdict: failing')
    expect(issue.body).toContain('F401')
    expect(issue.body).toMatch(/<!-- pymaint:issue \{.*"failingGates":\["lint"\].*\} -->/)
    expect(emu.comments(issue.number)).toHaveLength(0)
    expect(
      emu.requests({ method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/labels' })
    ).toHaveLength(0)
    // The issue links the run and the cleanup PR the same run produced.
    expect(issue.body).toContain(
      `[Cleanup pull request](https://github.com/${emu.fullName}/pull/${pr.number})`
    )
    expect(issue.body).toMatch(
      /\[Workflow run \d+\]\(https:\/\/github\.com\/.*\/actions\/runs\/\d+\)/
    )
  })

  it('re-runs on a moved default branch rebuild the same branch on the new head', async () => {
    emu.commitFiles('main', { 'docs/extra.md': 'more docs\n' }, 'Add docs')
    const r = await run()
    expect(r.exitCode).toBe(1)
    expect(openPulls()).toHaveLength(1)
    const onBranch = emu.readTree(BRANCH)
    expect(onBranch['docs/extra.md']).toBe('more docs\n')
    for (const p of Object.keys(JUNK)) expect(onBranch[p]).toBeUndefined()
  })

  it('junk gone and gates passing: closes the PR, deletes the branch, closes the issue', async () => {
    const del: Record<string, null> = {}
    for (const p of Object.keys(JUNK)) del[p] = null
    emu.commitFiles('main', { ...del, 'src/demo/app.py': cleanApp() }, 'Clean up and fix lint')
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('passing')
    expect(warnings(r)).toEqual([])
    expect(openPulls()).toHaveLength(0)
    expect(emu.pulls()[0]!.state).toBe('closed')
    expect(emu.pulls()[0]!.body).toContain('<!-- pymaint:cleanup closed -->')
    expect(emu.branches()).toEqual(['main'])
    const issue = emu.issues()[0]!
    expect(issue.state).toBe('closed')
    const comments = emu.comments(issue.number)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toMatch(/gates pass again/)
    expect(r.outputs['issue-number']).toBeUndefined()
    expect(r.outputs['cleanup-pr']).toBeUndefined()
  })

  it('a later failure reopens the same issue instead of opening a second one', async () => {
    emu.commitFiles('main', { 'src/demo/app.py': failingApp() }, 'Regress')
    const r = await run()
    expect(r.exitCode).toBe(1)
    expect(emu.issues()).toHaveLength(1)
    const issue = emu.issues()[0]!
    expect(issue.state).toBe('open')
    expect(r.outputs['issue-number']).toBe(String(issue.number))
    const comments = emu.comments(issue.number)
    expect(comments).toHaveLength(2)
    expect(comments[1]!.body).toMatch(/Failing again/)
    // No junk now: no new PR, no branch, and no delete attempted for a branch that is gone.
    expect(openPulls()).toHaveLength(0)
    expect(emu.branches()).toEqual(['main'])
    expect(emu.requests({ method: 'DELETE' })).toHaveLength(1)
  })

  it("sent only requests GitHub's OpenAPI description allows", () => {
    expect(emu.invalidRequests()).toEqual([])
    expect(emu.unhandledRequests()).toEqual([])
  })
})
