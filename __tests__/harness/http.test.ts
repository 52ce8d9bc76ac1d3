// The shared server plumbing: a throwing handler yields a 500 JSON answer, close() ends even
// with a client stuck on a request that never gets an answer.
import { describe, expect, it } from '@jest/globals'
import http from 'node:http'
import { listen, portIsOpen } from './http.js'

describe('listen()', () => {
  it('turns a handler exception into 500 JSON', async () => {
    const s = await listen(async () => {
      throw new Error('boom')
    })
    try {
      const r = await fetch(`${s.url}/x`)
      expect(r.status).toBe(500)
      expect(((await r.json()) as { message: string }).message).toContain('boom')
    } finally {
      await s.close()
    }
  })

  it('closes while a request hangs, destroying the socket', async () => {
    const s = await listen(() => new Promise<void>(() => {}))
    const pending = new Promise<string>(resolve => {
      const req = http.get(`${s.url}/hang`, () => resolve('answered'))
      req.on('error', e => resolve((e as NodeJS.ErrnoException).code ?? 'error'))
    })
    await new Promise(r => setTimeout(r, 20))
    await s.close()
    expect(await pending).toBe('ECONNRESET')
    expect(await portIsOpen(s.port)).toBe(false)
  })
})
