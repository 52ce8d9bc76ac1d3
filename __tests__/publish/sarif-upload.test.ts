// Which ref/commit an upload names (codeql-action's rules), fork detection, and the payload
// checks: categories, duplicate runs, the 10 MB gzip limit, on real ruff SARIF.
import { describe, expect, it, beforeAll } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { randomBytes } from 'node:crypto'
import {
  MAX_GZIP_BYTES,
  isForkPullRequest,
  isoSeconds,
  prepareSarif,
  pullNumber,
  uploadTarget
} from '../../src/publish/sarif-upload.js'

const MERGE = 'a'.repeat(40)
const HEAD = 'b'.repeat(40)
const pr = (headRepo: unknown = { full_name: 'octo/demo' }) => ({
  eventName: 'pull_request',
  ref: 'refs/pull/7/merge',
  sha: MERGE,
  owner: 'octo',
  repo: 'demo',
  event: { number: 7, pull_request: { number: 7, head: { sha: HEAD, repo: headRepo } } }
})

describe('uploadTarget', () => {
  it('uses GITHUB_REF and GITHUB_SHA on push and schedule', () => {
    const gh = { eventName: 'schedule', ref: 'refs/heads/main', sha: MERGE, event: {} }
    expect(uploadTarget(gh, null)).toEqual({ ref: 'refs/heads/main', commitSha: MERGE })
    expect(uploadTarget(gh, HEAD)).toEqual({ ref: 'refs/heads/main', commitSha: MERGE })
  })
  it('uses the merge ref and merge commit on a pull request', () => {
    expect(uploadTarget(pr(), MERGE)).toEqual({ ref: 'refs/pull/7/merge', commitSha: MERGE })
    expect(uploadTarget(pr(), null)).toEqual({ ref: 'refs/pull/7/merge', commitSha: MERGE })
  })
  it('builds the merge ref from the event when GITHUB_REF is not it', () => {
    expect(uploadTarget({ ...pr(), ref: '' }, null)).toEqual({
      ref: 'refs/pull/7/merge',
      commitSha: MERGE
    })
  })
  it('uses the head ref when the workflow checked out the PR head', () => {
    expect(uploadTarget(pr(), HEAD)).toEqual({ ref: 'refs/pull/7/head', commitSha: HEAD })
  })
  it('ignores a checkout head that is not a sha', () => {
    const gh = { eventName: 'push', ref: 'refs/heads/main', sha: MERGE, event: {} }
    expect(uploadTarget(gh, 'fatal: not a git repository')).toEqual({
      ref: 'refs/heads/main',
      commitSha: MERGE
    })
  })
  it('refuses refs and shas the API would reject', () => {
    expect(uploadTarget({ eventName: 'push', ref: 'main', sha: MERGE, event: {} })).toEqual({
      error: expect.stringMatching(/GITHUB_REF \(main\) is not a branch/)
    })
    expect(uploadTarget({ eventName: 'push', ref: 'refs/heads/x', sha: '', event: {} })).toEqual({
      error: expect.stringMatching(/GITHUB_SHA is not a commit sha \(unset\)/)
    })
  })
  it('reads the pull request number only on pull_request events', () => {
    expect(pullNumber(pr())).toBe(7)
    expect(pullNumber({ ...pr(), eventName: 'push' })).toBeNull()
  })
})

describe('isForkPullRequest', () => {
  it('is false for a branch of the same repository (any case)', () => {
    expect(isForkPullRequest(pr({ full_name: 'Octo/Demo' }))).toBe(false)
  })
  it('is true for another repository or a deleted fork', () => {
    expect(isForkPullRequest(pr({ full_name: 'someone/demo' }))).toBe(true)
    expect(isForkPullRequest(pr(null))).toBe(true)
  })
  it('is false outside pull_request events', () => {
    expect(
      isForkPullRequest({ ...pr({ full_name: 'x/y' }), eventName: 'pull_request_target' })
    ).toBe(false)
  })
})

describe('prepareSarif', () => {
  let ruffSarif: string
  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sarif-'))
    writeFileSync(path.join(dir, 'a.py'), 'import os\nx=1\n')
    ruffSarif = spawnSync('ruff', ['check', '--no-cache', '--output-format', 'sarif', 'a.py'], {
      cwd: dir
    }).stdout.toString()
  })
  it('gives real ruff SARIF (no category) the check category and gzip+base64 encodes it', () => {
    const p = prepareSarif('ruff', ruffSarif)
    if ('error' in p) throw new Error(p.error)
    expect(p.category).toBe('pymaint/ruff/')
    expect(p.toolName).toBe('ruff')
    const back = JSON.parse(gunzipSync(Buffer.from(p.sarif, 'base64')).toString('utf8'))
    expect(back.runs[0].automationDetails.id).toBe('pymaint/ruff/')
    expect(p.results).toBe(back.runs[0].results.length)
    expect(p.results).toBeGreaterThan(0)
  })
  it('keeps an existing category and the text as written', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'mypy' } },
          automationDetails: { id: 'pymaint/mypy/' },
          results: []
        }
      ]
    })
    const p = prepareSarif('mypy', text)
    if ('error' in p) throw new Error(p.error)
    expect(gunzipSync(Buffer.from(p.sarif, 'base64')).toString('utf8')).toBe(text)
  })
  it('refuses two runs of one tool in one category', () => {
    const run = { tool: { driver: { name: 'ruff' } }, results: [] }
    expect(prepareSarif('ruff', JSON.stringify({ version: '2.1.0', runs: [run, run] }))).toEqual({
      error: expect.stringMatching(/two runs of ruff in category pymaint\/ruff\//)
    })
  })
  it('refuses files that are not SARIF logs', () => {
    expect(prepareSarif('x', 'not json')).toEqual({ error: expect.stringMatching(/not JSON/) })
    expect(prepareSarif('x', '{"runs":[]}')).toEqual({ error: expect.stringMatching(/no runs/) })
  })
  it('refuses more than 10 MB gzipped before uploading', () => {
    // Random base64 compresses to about 3/4: 15 MB of it is well over the limit.
    const noise = randomBytes(11 * 1024 * 1024).toString('base64')
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'ruff' } }, results: [{ message: { text: noise } }] }]
    })
    const p = prepareSarif('ruff', text)
    expect(p).toEqual({ error: expect.stringMatching(/MB gzipped; GitHub accepts at most 10 MB/) })
  })
  it('accepts a file just under the limit', () => {
    const noise = randomBytes(7 * 1024 * 1024).toString('base64')
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'ruff' } }, results: [{ message: { text: noise } }] }]
    })
    const p = prepareSarif('ruff', text)
    if ('error' in p) throw new Error(p.error)
    expect(p.gzipBytes).toBeLessThanOrEqual(MAX_GZIP_BYTES)
    expect(p.gzipBytes).toBeGreaterThan(7 * 1024 * 1024)
  })
})

describe('isoSeconds', () => {
  it('drops milliseconds', () => {
    expect(isoSeconds(new Date('2026-12-01T09:15:33.123Z'))).toBe('2026-12-01T09:15:33Z')
  })
})
