import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { scrub, slackMessage, slackPublisher } from '../../src/publish/slack.js'
import type { Report } from '../../src/findings/model.js'
import type { PublishContext } from '../../src/publish/publisher.js'
import type { Config } from '../../src/config/types.js'

function report(status: Report['status']): Report {
  return {
    schemaVersion: 1,
    status,
    generatedAt: '2026-12-01T00:00:00.000Z',
    durationMs: 1,
    pymaint: { version: '0.1.0' },
    project: { name: 'demo', root: '/x' },
    checks: [],
    gates: [
      {
        id: 'lint',
        check: 'ruff',
        passed: status !== 'failing',
        status: status === 'failing' ? 'failed' : 'passed',
        actual: 1,
        threshold: 0,
        message: '1 ruff violation <script>, at most 0 allowed'
      }
    ],
    run: {
      repository: 'o/r',
      sha: 'abc',
      ref: 'refs/heads/main',
      runId: '7',
      url: 'https://github.com/o/r/actions/runs/7',
      event: 'schedule'
    }
  }
}

describe('slackMessage', () => {
  it('states verdict, failing gates and links, escaping mrkdwn', () => {
    const m = slackMessage(
      report('failing'),
      [{ id: 'issue', result: 'done', url: 'https://github.com/o/r/issues/1' }],
      'first failing verdict'
    )
    expect(m.text).toBe('pymaint: o/r is failing')
    const json = JSON.stringify(m.blocks)
    expect(json).toContain('*lint*: 1 ruff violation &lt;script&gt;')
    expect(json).toContain('<https://github.com/o/r/actions/runs/7|Workflow run>')
    expect(json).toContain('<https://github.com/o/r/issues/1|Issue>')
  })
})

describe('scrub', () => {
  it('removes the URL, its path and its secret segments', () => {
    const url = 'https://hooks.slack.com/services/T0001/B0002/XXXXsecretXXXX'
    expect(scrub(`failed to POST ${url}: boom`, url)).toBe('failed to POST ***: boom')
    expect(scrub('token XXXXsecretXXXX leaked', url)).toBe('token *** leaked')
    expect(scrub('at /services/T0001/B0002/XXXXsecretXXXX', url)).toBe('at ***')
  })
})

describe('slackPublisher against a real HTTP server', () => {
  let server: http.Server
  let base = ''
  const got: unknown[] = []
  let answer = 200
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', c => (body += c))
      req.on('end', () => {
        got.push(JSON.parse(body))
        res.writeHead(answer, { 'content-type': 'text/plain' })
        res.end(answer === 200 ? 'ok' : 'internal_error')
      })
    })
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>(r => server.close(() => r())))

  function ctx(url: string, status: Report['status']): { c: PublishContext; logs: string[] } {
    const logs: string[] = []
    const config = {
      publish: { slackWebhookUrl: url, cooldownHours: 24, forceNotify: false }
    } as unknown as Config
    return {
      logs,
      c: {
        config,
        report: report(status),
        written: { dir: '', json: '', files: [] } as unknown as PublishContext['written'],
        github: null,
        log: { info: m => logs.push(m), warning: m => logs.push(m) },
        outputs: {},
        previous: []
      }
    }
  }

  it('posts Block Kit JSON and reports done', async () => {
    answer = 200
    const { c } = ctx(`${base}/services/T1/B1/sekrit-token-1`, 'failing')
    const o = await slackPublisher.publish(c)
    expect(o.result).toBe('done')
    const last = got[got.length - 1] as { text: string; blocks: unknown[] }
    expect(last.text).toBe('pymaint: o/r is failing')
    expect(Array.isArray(last.blocks)).toBe(true)
  })

  it('turns a 500 into a failure that names the status and not the URL', async () => {
    answer = 500
    const url = `${base}/services/T1/B1/sekrit-token-2`
    const { c, logs } = ctx(url, 'failing')
    const o = await slackPublisher.publish(c)
    expect(o.result).toBe('failed')
    expect(o.reason).toMatch(/^Slack answered HTTP 500 \(internal_error\)/)
    expect(JSON.stringify(o) + logs.join('\n')).not.toContain('sekrit')
  })

  it('skips a first passing run and a missing URL', async () => {
    expect((await slackPublisher.publish(ctx('', 'failing').c)).reason).toBe('no slack-webhook-url')
    const o = await slackPublisher.publish(ctx(`${base}/services/x`, 'passing').c)
    expect(o).toMatchObject({ result: 'skipped', reason: 'passing and nothing notified before' })
  })
})
