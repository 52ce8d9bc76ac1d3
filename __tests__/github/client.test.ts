// createOctokit against the emulator: the per-request timeout really aborts a hanging request
// (@octokit/request has no timeout option of its own), and errors read as one sentence.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GitHubEmulator } from '../harness/github-emulator.js'
import { githubErrors } from '../harness/faults.js'
import { createOctokit, describeGitHubError } from '../../src/github/client.js'

let emu: GitHubEmulator
beforeAll(async () => {
  emu = await GitHubEmulator.start({ files: { 'README.md': 'x' } })
})
afterAll(() => emu.close())

describe('createOctokit', () => {
  it('aborts a request that gets no answer within timeoutMs', async () => {
    const f = emu.fault({ route: '/repos/{owner}/{repo}', delayMs: 600 })
    const octokit = createOctokit(
      { token: 't', apiUrl: emu.url },
      { timeoutMs: 150, maxRetryWaitMs: 0 }
    )
    const err = await octokit.rest.repos.get({ owner: emu.owner, repo: emu.repo }).catch(e => e)
    f.remove()
    expect(err).toBeInstanceOf(Error)
    expect(describeGitHubError(err)).toMatch(
      /^GitHub did not answer in time \(timed out after 150 ms: GET /
    )
  })
  it('retries a transient 500 within the retry budget and then succeeds', async () => {
    const f = emu.fault({ route: '/repos/{owner}/{repo}', ...githubErrors.serverError(), times: 1 })
    const octokit = createOctokit({ token: 't', apiUrl: emu.url }, { maxRetryWaitMs: 5000 })
    const { data } = await octokit.rest.repos.get({ owner: emu.owner, repo: emu.repo })
    expect(data.name).toBe(emu.repo)
    expect(f.hits).toBe(1)
  })
  it('names the missing setting for code scanning 403s', async () => {
    emu.fault({
      method: 'POST',
      route: '/repos/{owner}/{repo}/code-scanning/sarifs',
      ...githubErrors.advancedSecurityRequired(),
      times: 1
    })
    const octokit = createOctokit({ token: 't', apiUrl: emu.url }, { maxRetryWaitMs: 0 })
    const err = await octokit.rest.codeScanning
      .uploadSarif({
        owner: emu.owner,
        repo: emu.repo,
        commit_sha: 'a'.repeat(40),
        ref: 'refs/heads/main',
        sarif: 'H4sIAAAAAAAAA6uuBQBDv6ajAgAAAA=='
      })
      .catch(e => e)
    expect(describeGitHubError(err, 'security-events: write')).toMatch(
      /code scanning is not enabled.*Settings → Code security/
    )
  })
})
