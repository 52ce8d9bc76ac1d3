// The artifact publisher's pure parts: retention clamping, error wording, the file listing.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeArtifactError, effectiveRetention, listFiles } from '../../src/publish/artifact.js'

describe('effectiveRetention', () => {
  it('keeps the request when the repository allows it', () => {
    expect(effectiveRetention(90, undefined)).toEqual({ days: 90 })
    expect(effectiveRetention(30, '90')).toEqual({ days: 30 })
  })
  it('warns and clamps when the repository maximum is lower', () => {
    const r = effectiveRetention(90, '7')
    expect(r.days).toBe(7)
    expect(r.warning).toMatch(/retention-days 90 is more than this repository allows \(7 days\)/)
    expect(r.warning).toMatch(/Artifact and log retention/)
  })
})

describe('describeArtifactError', () => {
  it.each([
    [
      'Failed to make request after 5 attempts: Failed request: (500) Internal Server Error',
      /results service failed/
    ],
    ['Received non-retryable error: Failed request: (403) Forbidden', /refused the upload/],
    [
      'Failed to make request after 5 attempts: Failed request: (429) Too Many Requests',
      /rate-limited/
    ],
    ['the artifact upload did not finish in 100 ms', /did not answer in time/],
    [
      'Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
      /already exists in the run/
    ]
  ])('%s', (msg, want) => {
    expect(describeArtifactError(new Error(msg))).toMatch(want)
  })
})

describe('listFiles', () => {
  it('lists every file under the report directory, nested ones included', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'art-'))
    mkdirSync(path.join(dir, 'sarif'))
    for (const f of ['report.json', 'badge.svg', 'sarif/ruff.sarif'])
      writeFileSync(path.join(dir, f), 'x')
    expect((await listFiles(dir)).map(f => path.relative(dir, f))).toEqual([
      'badge.svg',
      'report.json',
      path.join('sarif', 'ruff.sarif')
    ])
  })
})
