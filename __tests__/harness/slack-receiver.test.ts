// The Slack receiver answers the real @slack/webhook client as Slack does, and fails on demand.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { IncomingWebhook } from '@slack/webhook'
import { portIsOpen } from './http.js'
import { startSlackReceiver, type SlackReceiver } from './slack-receiver.js'

let slack: SlackReceiver
beforeAll(async () => {
  slack = await startSlackReceiver()
})
afterAll(async () => {
  await slack.close()
})

describe('Slack incoming-webhook receiver', () => {
  it('records the payload and answers "ok"', async () => {
    const hook = new IncomingWebhook(slack.webhookUrl)
    const res = await hook.send({
      text: 'pymaint: failing',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*failing*' } }]
    })
    expect(res.text).toBe('ok')
    expect(slack.messages()).toHaveLength(1)
    expect(slack.messages()[0]!.payload).toMatchObject({
      text: 'pymaint: failing',
      blocks: [{ type: 'section' }]
    })
  })

  it('fails on demand with Slack codes, once, and then recovers', async () => {
    slack.clear()
    slack.fail({ status: 500, times: 1 })
    const hook = new IncomingWebhook(slack.webhookUrl)
    await expect(hook.send({ text: 'x' })).rejects.toMatchObject({
      code: 'slack_webhook_http_error'
    })
    expect((await hook.send({ text: 'y' })).text).toBe('ok')
    expect(slack.requests().map(r => r.status)).toEqual([500, 200])
    expect(slack.messages().map(m => m.payload.text)).toEqual(['y'])
  })

  it('answers 404 no_service for an unknown hook and 400 no_text for an empty payload', async () => {
    slack.clear()
    const wrong = await fetch(slack.webhookUrl.replace(/[^/]+$/, 'revoked'), {
      method: 'POST',
      body: '{"text":"x"}'
    })
    expect([wrong.status, await wrong.text()]).toEqual([404, 'no_service'])
    const empty = await fetch(slack.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}'
    })
    expect([empty.status, await empty.text()]).toEqual([400, 'no_text'])
    expect(slack.messages()).toEqual([])
  })

  it('can drop the connection to look like a timeout', async () => {
    slack.fail({ destroy: true, delayMs: 10, times: 1 })
    await expect(
      new IncomingWebhook(slack.webhookUrl, { timeout: 2000 } as never).send({ text: 'z' })
    ).rejects.toBeDefined()
  })

  it('closes its port', async () => {
    const other = await startSlackReceiver()
    await other.close()
    expect(await portIsOpen(other.port)).toBe(false)
  })
})
