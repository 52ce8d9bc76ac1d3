// Fault injection answers with GitHub's real errors, rate-limit headers, delays and drops, for
// exactly the requests it targets.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { Octokit } from '@octokit/rest'
import { githubErrors } from './faults.js'
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator.js'

let gh: GitHubEmulator
let o: Octokit
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const SARIFS = '/repos/{owner}/{repo}/code-scanning/sarifs'

beforeAll(async () => {
  gh = await startGitHubEmulator({ files: { 'a.txt': 'a' } })
  o = new Octokit({ auth: 'ghs_test', baseUrl: gh.url, log: silent })
})
afterAll(() => gh.close())

const upload = () =>
  o.rest.codeScanning.uploadSarif({
    owner: gh.owner,
    repo: gh.repo,
    commit_sha: gh.headSha()!,
    ref: 'refs/heads/main',
    sarif: gzipSync('{"version":"2.1.0","runs":[]}').toString('base64')
  })

const failure = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    const err = e as {
      status: number
      message: string
      response?: { headers: Record<string, string>; data: unknown }
    }
    return {
      status: err.status,
      message: err.message,
      headers: err.response?.headers ?? {},
      data: err.response?.data
    }
  }
  throw new Error('expected a failure')
}

describe('fault injection', () => {
  it('answers code scanning 403 once with GitHub message, then serves normally', async () => {
    const f = gh.fault({
      method: 'POST',
      route: SARIFS,
      ...githubErrors.advancedSecurityRequired(),
      times: 1
    })
    const r = await failure(upload())
    expect(r.status).toBe(403)
    expect(r.data).toMatchObject({
      message: 'Advanced Security must be enabled for this repository to use code scanning.',
      documentation_url: expect.stringContaining('docs.github.com/rest/code-scanning')
    })
    expect((await upload()).status).toBe(202)
    expect(f.hits).toBe(1)
    expect(gh.sarifUploads()).toHaveLength(1)
  })

  it('gives "Resource not accessible by integration" N times on one route only', async () => {
    gh.fault({
      route: '/repos/{owner}/{repo}/issues',
      method: 'POST',
      ...githubErrors.forbiddenIntegration('issues=write'),
      times: 2
    })
    const create = () => o.rest.issues.create({ owner: gh.owner, repo: gh.repo, title: 't' })
    const denied = await failure(create())
    expect(denied.data).toMatchObject({ message: 'Resource not accessible by integration' })
    expect(denied.headers['x-accepted-github-permissions']).toBe('issues=write')
    await o.rest.issues.listForRepo({ owner: gh.owner, repo: gh.repo })
    expect((await failure(create())).status).toBe(403)
    expect((await create()).status).toBe(201)
  })

  it('sends primary and secondary rate-limit answers with their headers', async () => {
    gh.fault({ path: /\/labels$/, ...githubErrors.rateLimited(60), times: 1 })
    const primary = await failure(
      o.rest.issues.listLabelsForRepo({ owner: gh.owner, repo: gh.repo })
    )
    expect(primary.status).toBe(403)
    expect(primary.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(primary.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
    gh.fault({ path: /\/labels$/, ...githubErrors.tooManyRequests(7), times: 1 })
    const secondary = await failure(
      o.rest.issues.listLabelsForRepo({ owner: gh.owner, repo: gh.repo })
    )
    expect([secondary.status, secondary.headers['retry-after']]).toEqual([429, '7'])
  })

  it('answers 502 with an HTML body and 500 with JSON', async () => {
    gh.fault({ route: '/repos/{owner}/{repo}', ...githubErrors.badGateway(), times: 1 })
    const bad = await failure(o.rest.repos.get({ owner: gh.owner, repo: gh.repo }))
    expect(bad.status).toBe(502)
    expect(String(bad.data)).toContain('502 Bad Gateway')
    gh.fault({ route: '/repos/{owner}/{repo}', ...githubErrors.serverError(), times: 1 })
    const err = await failure(o.rest.repos.get({ owner: gh.owner, repo: gh.repo }))
    expect(err.status).toBe(500)
    expect(err.data).toMatchObject({ message: 'Server Error' })
  })

  it('delays a request and still serves it; drops a connection on demand', async () => {
    const slow = gh.fault({ route: '/repos/{owner}/{repo}/branches', delayMs: 50, times: 1 })
    expect(
      (await o.rest.repos.listBranches({ owner: gh.owner, repo: gh.repo })).data.map(b => b.name)
    ).toEqual(['main'])
    expect(slow.hits).toBe(1)
    gh.fault({ route: '/repos/{owner}/{repo}/branches', destroy: true, times: 1 })
    await expect(fetch(`${gh.url}/repos/${gh.fullName}/branches`)).rejects.toThrow()
    expect(
      gh.requests({ route: '/repos/{owner}/{repo}/branches' }).map(r => [r.status, r.fault])
    ).toEqual([
      [200, true],
      [-1, true]
    ])
  })

  it('still reports an invalid request as invalid even when a fault targets the route', async () => {
    gh.clearLog()
    gh.fault({ route: SARIFS, ...githubErrors.serverError() })
    const r = await failure(
      o.request(`POST ${SARIFS}`, { owner: gh.owner, repo: gh.repo, ref: 'main' } as never)
    )
    expect(r.status).toBe(422)
    expect(gh.invalidRequests()).toHaveLength(1)
    gh.clearFaults()
  })
})
