// The issue publisher against the GitHub emulator (real HTTP, OpenAPI-checked), for the branches a
// ruff-only end-to-end run cannot reach: a change in the set of failing gates, a foreign marker.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github-emulator.js'
import { issuePublisher } from '../../src/publish/issue.js'
import { decodeMarker, encodeMarker } from '../../src/publish/notify-state.js'
import type { PublishContext } from '../../src/publish/publisher.js'
import type { Config } from '../../src/config/types.js'
import type { GateResult, Report } from '../../src/findings/model.js'
import type { GitHubRun } from '../../src/github/context.js'

let emu: GitHubEmulator
beforeAll(async () => {
  emu = await startGitHubEmulator({ files: { 'README.md': 'hi\n' } })
})
afterAll(() => emu.close())

function gate(id: string, failed: boolean): GateResult {
  return {
    id,
    check: id,
    passed: !failed,
    status: failed ? 'failed' : 'passed',
    actual: failed ? 1 : 0,
    threshold: 0,
    message: failed ? `1 ${id} problem` : `no ${id} problems`
  }
}

function ctx(failing: string[], runId: string): PublishContext {
  const gates = ['lint', 'types'].map(g => gate(g, failing.includes(g)))
  const report: Report = {
    schemaVersion: 1,
    status: failing.length ? 'failing' : 'passing',
    generatedAt: '2026-12-01T00:00:00.000Z',
    durationMs: 1,
    pymaint: { version: '0.1.0' },
    project: { name: 'demo', root: '/x' },
    checks: [],
    gates
  }
  const github: GitHubRun = {
    token: 't',
    apiUrl: emu.url,
    serverUrl: 'https://github.com',
    owner: emu.owner,
    repo: emu.repo,
    sha: emu.headSha()!,
    ref: 'refs/heads/main',
    runId,
    runAttempt: '1',
    eventName: 'schedule',
    event: {},
    workflow: 'maintenance',
    runUrl: `https://github.com/${emu.fullName}/actions/runs/${runId}`
  }
  const config = { publish: { issues: true, issueLabel: 'maintenance' } } as unknown as Config
  return {
    config,
    report,
    written: {} as PublishContext['written'],
    github,
    log: { info: () => undefined, warning: () => undefined },
    outputs: {},
    previous: []
  }
}

describe('issue publisher', () => {
  it('ignores a marker planted in an issue by someone without write access', async () => {
    const now = new Date().toISOString()
    emu.state.issues.push({
      number: emu.state.number(),
      title: 'planted',
      body: encodeMarker({ v: 1, verdict: 'failing', failingGates: ['lint'] }),
      state: 'open',
      state_reason: null,
      labels: ['maintenance'],
      assignees: [],
      user: 'mallory',
      created_at: now,
      updated_at: now,
      closed_at: null
    })
    const c = ctx(['lint'], '1')
    const o = await issuePublisher.publish(c)
    expect(o).toMatchObject({ result: 'done', reason: 'opened' })
    expect(c.outputs['issue-number']).not.toBe(String(emu.issues()[0]!.number))
    expect(emu.issues()).toHaveLength(2)
  })

  it('comments only when the set of failing gates changes', async () => {
    const mine = (): ReturnType<GitHubEmulator['issues']>[number] =>
      emu.issues().find(i => i.user !== 'mallory')!
    await issuePublisher.publish(ctx(['lint'], '2'))
    expect(emu.comments(mine().number)).toHaveLength(0)
    await issuePublisher.publish(ctx(['lint', 'types'], '3'))
    const comments = emu.comments(mine().number)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toMatch(/Failing gates: `lint`, `types` \(were: `lint`\)/)
    await issuePublisher.publish(ctx(['types', 'lint'], '4'))
    expect(emu.comments(mine().number)).toHaveLength(1)
    expect(decodeMarker(mine().body)).toMatchObject({ failingGates: ['lint', 'types'], runId: '4' })
    expect(emu.issues().filter(i => i.state === 'open' && i.user !== 'mallory')).toHaveLength(1)
  })

  it('finds its issue by the marker even after the label and title were changed by hand', async () => {
    const mine = emu.issues().find(i => i.user !== 'mallory')!
    mine.labels = []
    mine.title = 'renamed by a human'
    const c = ctx(['types'], '5')
    const o = await issuePublisher.publish(c)
    expect(o.result).toBe('done')
    expect(c.outputs['issue-number']).toBe(String(mine.number))
    const after = emu.issues().find(i => i.number === mine.number)!
    expect(after.labels).toContain('maintenance')
    expect(after.title).toBe('renamed by a human')
    expect(emu.invalidRequests()).toEqual([])
  })
})
