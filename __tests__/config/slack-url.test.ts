import { describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'

function load(url: string): unknown {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-slack-'))
  return loadConfig({
    explicit: { 'slack-webhook-url': url },
    source: 'input',
    workspace: dir,
    project: '.',
    defaultOutDir: path.join(dir, 'out')
  })
}

describe('slack-webhook-url', () => {
  it('accepts an http(s) URL', () => {
    expect(load('https://hooks.slack.com/services/T0/B0/abc')).toMatchObject({
      publish: { slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/abc' }
    })
  })

  it('rejects anything else without repeating the secret', () => {
    let message = ''
    try {
      load('T0/B0/notaurlSECRET')
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/input 'slack-webhook-url'.*is not an http\(s\) URL/)
    expect(message).not.toContain('SECRET')
  })
})
