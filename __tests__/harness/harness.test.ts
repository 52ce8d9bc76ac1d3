// The whole harness in one test run: a child "action" uses the runner's environment to reach
// all three servers for real; afterwards no port stays open and no process survives.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './bundle.js'
import { startHarness } from './harness.js'
import { portIsOpen } from './http.js'
import { processGroupAlive } from './runner.js'

const probe = path.join(REPO_ROOT, '__tests__', 'fixtures', 'harness-probe-action', 'index.mjs')

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('startHarness()', () => {
  it('serves a runner-started action end to end and leaves no port or process behind', async () => {
    const h = await startHarness({ files: { 'README.md': '# demo\n' } })
    const ports = [h.github.port, h.artifacts.port, h.slack.port]
    let workspaces: string[] = []
    try {
      const inputs = {
        title: 'probe',
        'artifact-name': 'probe-report',
        'retention-days': '90',
        'slack-webhook-url': h.slack.webhookUrl
      }
      const first = await h.run({ entry: probe, inputs, event: { name: 'schedule' } })
      const second = await h.run({ entry: probe, inputs, event: { name: 'workflow_dispatch' } })
      workspaces = [first.workspace, second.workspace]
      for (const r of [first, second]) expect([r.exitCode, r.stderr]).toEqual([0, ''])
      expect(second.runId).not.toBe(first.runId)
      // Same emulator state across runs: issue numbers continue.
      expect([first.outputs['issue-number'], second.outputs['issue-number']]).toEqual(['1', '2'])
      expect(h.github.issues().map(i => i.title)).toEqual(['probe', 'probe'])
      expect(h.github.requests().every(r => r.authorization && r.authScheme === 'token')).toBe(true)
      expect(h.github.invalidRequests()).toEqual([])
      // One artifact per run, each with the run's own file.
      const a = h.artifacts.artifact('probe-report', first.runId)!
      expect(String(a.id)).toBe(first.outputs['artifact-id'])
      expect(h.artifacts.files('probe-report', second.runId)).toEqual({
        'report.txt': `run ${second.runId} on ${h.github.headSha()}\n`
      })
      expect(Math.round((Date.parse(a.expiresAt!) - Date.parse(a.createdAt)) / 86_400_000)).toBe(90)
      expect(h.slack.messages().map(m => m.payload.text)).toEqual([
        'probe schedule',
        'probe workflow_dispatch'
      ])
      expect(first.outputs.slack).toBe('ok')
      expect(first.summary).toContain('## probe summary')
      expect(first.annotations).toEqual([
        {
          level: 'warning',
          message: 'careful: 100% sure,\nreally',
          file: 'src/a,b.py',
          line: 2,
          title: 'probe'
        }
      ])
      // The straggler `sleep 60` ended with the step.
      for (const r of [first, second]) {
        expect(processGroupAlive(r.pid)).toBe(false)
        expect(alive(Number(r.outputs.straggler))).toBe(false)
      }
    } finally {
      await h.close()
    }
    for (const p of ports) expect(await portIsOpen(p)).toBe(false)
    for (const w of workspaces) expect(existsSync(w)).toBe(false)
    const ps = execFileSync('ps', ['-eo', 'pid,args']).toString()
    for (const w of workspaces) expect(ps).not.toContain(path.dirname(path.dirname(w)))
  })
})
