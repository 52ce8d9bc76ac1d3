// The issue and the Slack message link what the earlier publishers of the same run produced:
// code scanning, the Pages report and the cleanup PR (all publishers on, through the bundle).
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github-emulator.js'
import { removeRun, type ActionRun } from '../harness/runner.js'
import { SlackReceiver, initialFiles, maintenanceRun, warnings } from './maintenance-support.js'

let emu: GitHubEmulator
let slack: SlackReceiver
let run: ActionRun

beforeAll(async () => {
  emu = await startGitHubEmulator({ files: initialFiles(), pages: { branch: 'gh-pages' } })
  slack = await SlackReceiver.start('linksSECRET')
  run = await maintenanceRun(emu, {
    inputs: { 'upload-sarif': 'true', pages: 'true', 'slack-webhook-url': slack.webhook }
  })
})
afterAll(async () => {
  await emu.close()
  await slack.close()
  removeRun(run)
})

it('links code scanning, Pages and the cleanup PR from the issue and from Slack', () => {
  expect(run.outputs.status).toBe('failing')
  expect(warnings(run)).toEqual([])
  expect(run.outputs['pages-url']).toBeDefined()
  const issue = emu.issues()[0]!
  const pr = emu.pulls()[0]!
  expect(issue.body).toContain(`[Report on GitHub Pages](${run.outputs['pages-url']})`)
  expect(issue.body).toMatch(/\[Code scanning alerts\]\(https:\/\/github\.com\/[^)]+\)/)
  expect(issue.body).toContain(
    `[Cleanup pull request](https://github.com/${emu.fullName}/pull/${pr.number})`
  )
  expect(slack.messages).toHaveLength(1)
  const blocks = JSON.stringify(slack.messages[0]!.body.blocks)
  expect(blocks).toContain(`|Issue>`)
  expect(blocks).toContain(`|Report on Pages>`)
  expect(blocks).toContain(`|Cleanup PR>`)
  expect(blocks).toContain(`|Code scanning>`)
  expect(emu.invalidRequests()).toEqual([])
  expect(emu.unhandledRequests()).toEqual([])
})
