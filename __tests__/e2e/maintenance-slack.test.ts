// Acceptance: with cooldown 24 h, five failing runs send one Slack message, a verdict change one
// more at once; the cooldown state survives between runs in the issue marker or, with issues
// off, on the pymaint/state branch; the webhook URL never appears in the log or the reports.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github-emulator.js'
import { removeRun, type ActionRun } from '../harness/runner.js'
import {
  SlackReceiver,
  cleanApp,
  everythingWritten,
  initialFiles,
  maintenanceRun,
  warnings
} from './maintenance-support.js'

const SECRET = 'xoxSECRETwebhookTOKEN0123456789'
const runs: ActionRun[] = []
let slack: SlackReceiver

beforeAll(async () => {
  slack = await SlackReceiver.start(SECRET)
})
afterAll(async () => {
  await slack.close()
  for (const r of runs) removeRun(r)
})

/** The log as the runner shows it: `::add-mask::` lines are consumed by the runner, not printed. */
function visible(run: ActionRun): string {
  return everythingWritten(run)
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
}

async function go(emu: GitHubEmulator, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const r = await maintenanceRun(emu, {
    inputs: { 'slack-webhook-url': slack.webhook, 'cooldown-hours': '24', ...inputs },
    event: 'workflow_dispatch'
  })
  runs.push(r)
  expect(r.commands.some(c => c.command === 'add-mask' && c.message === slack.webhook)).toBe(true)
  expect(visible(r)).not.toContain(SECRET)
  expect(warnings(r)).toEqual([])
  return r
}

describe.each([
  { store: 'the issue marker', inputs: {} as Record<string, string> },
  { store: 'the pymaint/state branch', inputs: { issues: 'false' } }
])('Slack cooldown with state in $store', ({ inputs }) => {
  let emu: GitHubEmulator
  let before = 0
  beforeAll(async () => {
    emu = await startGitHubEmulator({ files: initialFiles({ junk: false }) })
    before = slack.messages.length
  })
  afterAll(() => emu.close())

  it('five failing runs send one message', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await go(emu, inputs)
      expect(r.outputs.status).toBe('failing')
    }
    const sent = slack.messages.slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.path).toBe(`/services/T0HARNESS/B0HARNESS/${SECRET}`)
    expect(sent[0]!.body.text).toBe(`pymaint: ${emu.fullName} is failing`)
    expect(JSON.stringify(sent[0]!.body.blocks)).toContain('*lint*')
    if (inputs.issues === 'false') {
      expect(emu.issues()).toHaveLength(0)
      const state = JSON.parse(emu.readTree('pymaint/state')['state.json']!)
      expect(state).toMatchObject({ verdict: 'failing', slackVerdict: 'failing' })
    } else {
      expect(emu.branches()).toEqual(['main'])
      expect(emu.issues()[0]!.body).toMatch(/"slackVerdict":"failing"/)
    }
  })

  it('a verdict change sends one more at once, a steady pass nothing, force-notify one', async () => {
    emu.commitFiles('main', { 'src/demo/app.py': cleanApp() }, 'Fix lint')
    const fixed = await go(emu, inputs)
    expect(fixed.outputs.status).toBe('passing')
    expect(slack.messages.length - before).toBe(2)
    expect(slack.messages.at(-1)!.body.text).toMatch(/is passing$/)
    await go(emu, inputs)
    expect(slack.messages.length - before).toBe(2)
    await go(emu, { ...inputs, 'force-notify': 'true' })
    expect(slack.messages.length - before).toBe(3)
  })

  it('never sent the webhook URL to GitHub, nor an invalid request', () => {
    expect(JSON.stringify(emu.requests())).not.toContain(SECRET)
    expect(emu.invalidRequests()).toEqual([])
    expect(emu.unhandledRequests()).toEqual([])
  })
})
