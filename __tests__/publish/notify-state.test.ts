import { describe, expect, it } from '@jest/globals'
import {
  decideSlack,
  decodeMarker,
  encodeMarker,
  hasMarker,
  issueChanged,
  withMarker,
  type NotifyState
} from '../../src/publish/notify-state.js'

const failing: NotifyState = { v: 1, verdict: 'failing', failingGates: ['lint'] }
const at = (iso: string): Date => new Date(iso)

describe('issue marker', () => {
  it('round-trips the state and cannot be closed early by its own content', () => {
    const s: NotifyState = {
      ...failing,
      failingGates: ['a-->b', '<x>'],
      slackAt: '2026-12-01T00:00:00.000Z',
      slackVerdict: 'failing'
    }
    const m = encodeMarker(s)
    expect(m.startsWith('<!-- pymaint:issue {')).toBe(true)
    expect(m.slice(4, -4)).not.toContain('-->')
    expect(m.slice(4, -4)).not.toContain('>')
    const body = `hello\n\n${m}\n`
    expect(hasMarker(body)).toBe(true)
    expect(decodeMarker(body)).toEqual(s)
  })

  it('replaces an existing marker and appends a missing one', () => {
    const body = withMarker(`text ${encodeMarker(failing)} tail`, {
      ...failing,
      verdict: 'passing'
    })
    expect(decodeMarker(body)?.verdict).toBe('passing')
    expect(body.match(/pymaint:issue/g)).toHaveLength(1)
    expect(decodeMarker(withMarker('plain', failing))).toEqual(failing)
  })

  it('treats a hand-edited or foreign marker as no state', () => {
    expect(decodeMarker('<!-- pymaint:issue {"v":2} -->')).toBeNull()
    expect(decodeMarker('<!-- pymaint:issue {broken -->')).toBeNull()
    expect(decodeMarker('no marker')).toBeNull()
    expect(decodeMarker(null)).toBeNull()
  })
})

describe('issueChanged', () => {
  it('is true only when the verdict or the set of failing gates differs', () => {
    expect(issueChanged(null, 'failing', ['lint'])).toBe(true)
    expect(issueChanged(failing, 'failing', ['lint'])).toBe(false)
    expect(issueChanged({ ...failing, failingGates: ['b', 'a'] }, 'failing', ['a', 'b'])).toBe(
      false
    )
    expect(issueChanged(failing, 'failing', ['lint', 'types'])).toBe(true)
    expect(issueChanged(failing, 'warning', ['lint'])).toBe(true)
  })
})

describe('decideSlack', () => {
  const sent = { ...failing, slackAt: '2026-12-01T10:00:00.000Z', slackVerdict: 'failing' as const }
  it('sends the first trouble, not a first pass', () => {
    expect(decideSlack(null, 'failing', at('2026-12-01T10:00:00Z'), 24, false).send).toBe(true)
    expect(decideSlack(null, 'warning', at('2026-12-01T10:00:00Z'), 24, false).send).toBe(true)
    expect(decideSlack(null, 'passing', at('2026-12-01T10:00:00Z'), 24, false).send).toBe(false)
  })
  it('holds a repeated failure for the cooldown, then sends again', () => {
    expect(decideSlack(sent, 'failing', at('2026-12-01T10:59:00Z'), 24, false)).toEqual({
      send: false,
      why: 'still failing; cooldown 24 h (1381 min left)'
    })
    expect(decideSlack(sent, 'failing', at('2026-12-02T10:00:00Z'), 24, false).send).toBe(true)
    expect(decideSlack(sent, 'failing', at('2026-12-01T10:00:01Z'), 0, false).send).toBe(true)
  })
  it('sends at once on a verdict change and when forced', () => {
    expect(decideSlack(sent, 'passing', at('2026-12-01T10:01:00Z'), 24, false).why).toBe(
      'verdict changed from failing to passing'
    )
    expect(decideSlack(sent, 'failing', at('2026-12-01T10:01:00Z'), 24, true).send).toBe(true)
  })
  it('compares with the last verdict notified, so a failed send is retried', () => {
    const notSent = { ...sent, verdict: 'passing' as const }
    expect(decideSlack(notSent, 'passing', at('2026-12-01T10:01:00Z'), 24, false).send).toBe(true)
  })
  it('never repeats a steady warning or pass', () => {
    const w = { ...sent, verdict: 'warning' as const, slackVerdict: 'warning' as const }
    expect(decideSlack(w, 'warning', at('2026-12-09T10:00:00Z'), 24, false).send).toBe(false)
    const p = { ...sent, verdict: 'passing' as const, slackVerdict: 'passing' as const }
    expect(decideSlack(p, 'passing', at('2026-12-09T10:00:00Z'), 24, false).send).toBe(false)
  })
  it('uses the issue verdict when Slack never sent anything', () => {
    const prev: NotifyState = { v: 1, verdict: 'failing', failingGates: [] }
    expect(decideSlack(prev, 'failing', at('2026-12-01T10:00:00Z'), 24, false).why).toBe(
      'still failing and never notified'
    )
  })
})
