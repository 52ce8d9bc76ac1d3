// The real @actions/artifact client uploads through the harness's results service; the test
// reads the same files back from the stored zip, with expires_at from retentionDays.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startArtifactService, type ArtifactService } from './artifact-service.js'
import { portIsOpen } from './http.js'

let svc: ArtifactService
let restore: () => void
let dir: string
let quiet: () => void
const files: Record<string, string> = {
  'report.json': '{"schemaVersion":1,"status":"passing"}\n',
  'summary.md': '## pymaint: passing\n',
  'sarif/ruff.sarif': '{"version":"2.1.0","runs":[]}\n'
}

beforeAll(async () => {
  // The client logs through @actions/core straight to stdout; keep the test output readable.
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (() => true) as typeof process.stdout.write
  quiet = () => (process.stdout.write = write)
  svc = await startArtifactService()
  restore = svc.useInProcess('run-42', 'job-7')
  dir = mkdtempSync(path.join(tmpdir(), 'artifact-src-'))
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
    writeFileSync(path.join(dir, p), c)
  }
})
afterAll(async () => {
  quiet()
  restore()
  await svc.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('results service with the real @actions/artifact client', () => {
  it('uploads a folder; the zip holds the same files and expires_at is 90 days ahead', async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const before = Date.now()
    const up = await client.uploadArtifact(
      'maintenance-reports',
      Object.keys(files).map(p => path.join(dir, p)),
      dir,
      { retentionDays: 90 }
    )
    expect(up.id).toBeGreaterThan(0)
    const stored = svc.artifact('maintenance-reports')!
    expect(stored).toMatchObject({
      id: up.id,
      finalized: true,
      runBackendId: 'run-42',
      jobBackendId: 'job-7',
      version: 7
    })
    expect(stored.size).toBe(up.size)
    expect(stored.hash).toBe(`sha256:${up.digest}`)
    expect(svc.files('maintenance-reports')).toEqual(files)
    const days = (Date.parse(stored.expiresAt!) - before) / 86_400_000
    expect(Math.round(days)).toBe(90)
  })

  it('lists, finds and downloads the artifact through the same service', async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const listed = await client.listArtifacts()
    expect(listed.artifacts.map(a => a.name)).toEqual(['maintenance-reports'])
    const { artifact } = await client.getArtifact('maintenance-reports')
    const out = mkdtempSync(path.join(tmpdir(), 'artifact-dl-'))
    try {
      await client.downloadArtifact(artifact.id, { path: out })
      expect(readFileSync(path.join(out, 'sarif', 'ruff.sarif'), 'utf8')).toBe(
        files['sarif/ruff.sarif']
      )
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it('refuses a second artifact of the same name in the run, like the service', async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    await expect(
      new DefaultArtifactClient().uploadArtifact(
        'maintenance-reports',
        [path.join(dir, 'summary.md')],
        dir
      )
    ).rejects.toThrow(/already exists/)
  })

  it('fails on demand with a Twirp error the client does not retry', async () => {
    svc.fault({
      method: 'CreateArtifact',
      status: 403,
      code: 'permission_denied',
      msg: 'no',
      times: 1
    })
    const { DefaultArtifactClient } = await import('@actions/artifact')
    await expect(
      new DefaultArtifactClient().uploadArtifact('other', [path.join(dir, 'summary.md')], dir)
    ).rejects.toThrow(/non-retryable/)
    expect(svc.artifact('other')).toBeUndefined()
  })

  it('closes its port', async () => {
    const other = await startArtifactService()
    await other.close()
    expect(await portIsOpen(other.port)).toBe(false)
  })
})
