// Acceptance: a read-only token (fork-like 403s), PR creation forbidden for Actions, and a Slack
// 500 each end with a warning that names the cause, and every other effect still happens.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github-emulator.js'
import { githubErrors } from '../harness/faults.js'
import { removeRun, type ActionRun } from '../harness/runner.js'
import {
  JUNK,
  SlackReceiver,
  everythingWritten,
  initialFiles,
  maintenanceRun,
  warnings
} from './maintenance-support.js'

const SECRET = 'faultSECRETwebhook987654321'
let slack: SlackReceiver
let emu: GitHubEmulator
const runs: ActionRun[] = []

async function go(): Promise<ActionRun> {
  const r = await maintenanceRun(emu, { inputs: { 'slack-webhook-url': slack.webhook } })
  runs.push(r)
  // Whatever failed, the checks ran, the reports exist and the verdict is the step's result.
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('failing')
  expect(existsSync(r.outputs['report-json']!)).toBe(true)
  expect(r.summary).toMatch(/## pymaint: .*failing/)
  const visible = everythingWritten(r)
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
  expect(visible).not.toContain(SECRET)
  return r
}

function publishOutcome(r: ActionRun, id: string): { result: string; reason?: string } {
  const report = JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')) as {
    publish?: Array<{ id: string; result: string; reason?: string }>
  }
  const o = report.publish?.find(p => p.id === id)
  expect(o).toBeDefined()
  return o!
}

beforeAll(async () => {
  slack = await SlackReceiver.start(SECRET)
})
afterAll(async () => {
  await slack.close()
  for (const r of runs) removeRun(r)
})
beforeEach(async () => {
  emu = await startGitHubEmulator({ files: initialFiles() })
  slack.status = 200
  slack.messages.length = 0
})
afterEach(async () => {
  expect(emu.invalidRequests()).toEqual([])
  expect(emu.unhandledRequests()).toEqual([])
  await emu.close()
})

describe('maintenance publishers under faults', () => {
  it('a read-only token: cleanup and issue warn with the permission, Slack still goes out', async () => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'])
      emu.fault({ method, path: /^\/repos\//, ...githubErrors.forbiddenIntegration() })
    const r = await go()
    const w = warnings(r)
    const cleanup = w.find(m => m.startsWith('Cleanup pull request: failed'))
    expect(cleanup).toMatch(/Resource not accessible by integration/)
    expect(cleanup).toMatch(/permissions: contents: write/)
    const issue = w.find(m => m.startsWith('Maintenance issue: failed'))
    expect(issue).toMatch(/Resource not accessible by integration.*permissions: issues: write/)
    expect(w.some(m => /notification state could not be saved.*contents: write/.test(m))).toBe(true)
    expect(slack.messages).toHaveLength(1)
    expect(publishOutcome(r, 'slack').result).toBe('done')
    expect(emu.pulls()).toHaveLength(0)
    expect(emu.issues()).toHaveLength(0)
    expect(emu.branches()).toEqual(['main'])
  })

  it('PR creation forbidden for Actions: warns with the setting; branch, issue and Slack done', async () => {
    emu.fault({
      method: 'POST',
      route: '/repos/{owner}/{repo}/pulls',
      status: 403,
      message: 'GitHub Actions is not permitted to create or approve pull requests.'
    })
    const r = await go()
    const w = warnings(r)
    expect(w).toHaveLength(1)
    expect(w[0]).toMatch(/^Cleanup pull request: failed: could not open the cleanup pull request/)
    expect(w[0]).toMatch(
      /"Allow GitHub Actions to create and approve pull requests" in Settings → Actions → General → Workflow permissions/
    )
    expect(w[0]).toMatch(/branch pymaint\/cleanup holds the commit/)
    expect(emu.pulls()).toHaveLength(0)
    const onBranch = emu.readTree('pymaint/cleanup')
    for (const p of Object.keys(JUNK)) expect(onBranch[p]).toBeUndefined()
    expect(emu.issues().filter(i => i.state === 'open')).toHaveLength(1)
    expect(r.outputs['issue-number']).toBe(String(emu.issues()[0]!.number))
    expect(slack.messages).toHaveLength(1)
  })

  it('Slack answering 500: a warning naming it, PR and issue done, the next run retries', async () => {
    slack.status = 500
    const r = await go()
    const w = warnings(r)
    expect(w).toHaveLength(1)
    expect(w[0]).toMatch(/^Slack: failed: Slack answered HTTP 500/)
    expect(slack.messages.length).toBeGreaterThanOrEqual(1)
    expect(emu.pulls().filter(p => p.state === 'open')).toHaveLength(1)
    expect(emu.issues().filter(i => i.state === 'open')).toHaveLength(1)
    expect(r.outputs['cleanup-pr']).toBeDefined()
    expect(path.basename(r.outputs['report-json']!)).toBe('report.json')

    slack.status = 200
    slack.messages.length = 0
    const again = await go()
    expect(warnings(again)).toEqual([])
    expect(slack.messages).toHaveLength(1)
  })
})
