// Behaviour publishers rely on: SARIF processing outcomes, issue filters (PRs listed as issues),
// paging through Link headers, contents create/update rules, labels, matching refs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator.js'

let gh: GitHubEmulator
let o: Octokit
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const repo = () => ({ owner: gh.owner, repo: gh.repo })

beforeAll(async () => {
  gh = await startGitHubEmulator({ files: { 'README.md': '# demo\n' }, sarifPendingPolls: 2 })
  o = new Octokit({ auth: 'ghs_test', baseUrl: gh.url, log: silent })
})
afterAll(() => gh.close())

async function uploadAndPoll(text: string) {
  const up = await o.rest.codeScanning.uploadSarif({
    ...repo(),
    commit_sha: gh.headSha()!,
    ref: 'refs/heads/main',
    sarif: gzipSync(text).toString('base64')
  })
  const states: unknown[] = []
  for (let i = 0; i < 3; i++)
    states.push((await o.rest.codeScanning.getSarif({ ...repo(), sarif_id: up.data.id! })).data)
  return { id: up.data.id!, states }
}

const run = (tool: string, category?: string) => ({
  tool: { driver: { name: tool } },
  ...(category ? { automationDetails: { id: category } } : {}),
  results: [{ ruleId: 'F401', message: { text: 'unused' } }]
})

describe('SARIF processing', () => {
  it('stays pending for the configured polls, then completes; the upload is stored decoded', async () => {
    const doc = {
      version: '2.1.0',
      runs: [run('ruff', 'pymaint/ruff/'), run('mypy', 'pymaint/mypy/')]
    }
    const { id, states } = await uploadAndPoll(JSON.stringify(doc))
    expect(states.map(s => (s as { processing_status: string }).processing_status)).toEqual([
      'pending',
      'pending',
      'complete'
    ])
    expect(states[2]).toMatchObject({
      analyses_url: `${gh.url}/repos/${gh.fullName}/code-scanning/analyses?sarif_id=${id}`
    })
    const stored = gh.sarifUploads().find(u => u.id === id)!
    expect(stored).toMatchObject({
      ref: 'refs/heads/main',
      commit_sha: gh.headSha(),
      sarif: doc,
      errors: []
    })
  })

  it('fails two runs with the same tool and category, and text that is not JSON', async () => {
    const dup = await uploadAndPoll(
      JSON.stringify({
        version: '2.1.0',
        runs: [run('ruff', 'pymaint/ruff/'), run('ruff', 'pymaint/ruff/')]
      })
    )
    expect(dup.states[2]).toMatchObject({
      processing_status: 'failed',
      errors: [expect.stringContaining('same tool')]
    })
    const garbage = await uploadAndPoll('{"version": "2.1.0", runs')
    expect(garbage.states[2]).toMatchObject({
      processing_status: 'failed',
      errors: [expect.stringContaining('Invalid SARIF')]
    })
    const distinct = await uploadAndPoll(
      JSON.stringify({ version: '2.1.0', runs: [run('ruff', 'a/'), run('ruff', 'b/')] })
    )
    expect(distinct.states[2]).toMatchObject({ processing_status: 'complete' })
  })

  it('answers 400 when the sarif field is not gzip+base64', async () => {
    await expect(
      o.rest.codeScanning.uploadSarif({
        ...repo(),
        commit_sha: gh.headSha()!,
        ref: 'refs/heads/main',
        sarif: 'not gzip'
      })
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('issues, labels and pulls', () => {
  it('filters issues by label, state and creator and lists pull requests as issues', async () => {
    const a = await o.rest.issues.create({ ...repo(), title: 'A', labels: ['maintenance'] })
    await o.rest.issues.create({ ...repo(), title: 'B', labels: ['other'] })
    gh.commitFiles('fix', { 'f.txt': 'f' }, 'fix')
    const pr = await o.rest.pulls.create({ ...repo(), title: 'P', head: 'fix', base: 'main' })
    const labelled = await o.rest.issues.listForRepo({ ...repo(), labels: 'maintenance' })
    expect(labelled.data.map(i => i.title)).toEqual(['A'])
    const all = await o.rest.issues.listForRepo({
      ...repo(),
      state: 'all',
      creator: 'github-actions[bot]'
    })
    expect(all.data.map(i => [i.number, !!i.pull_request])).toEqual([
      [pr.data.number, true],
      [2, false],
      [a.data.number, false]
    ])
    await o.rest.issues.update({ ...repo(), issue_number: a.data.number, state: 'closed' })
    expect((await o.rest.issues.listForRepo({ ...repo(), labels: 'maintenance' })).data).toEqual([])
    const closed = await o.rest.issues.listForRepo({
      ...repo(),
      labels: 'maintenance',
      state: 'closed'
    })
    expect(closed.data[0]).toMatchObject({
      state: 'closed',
      state_reason: 'completed',
      closed_at: expect.any(String)
    })
    expect(gh.issues().map(i => i.title)).toEqual(['A', 'B'])
    expect(gh.labels().map(l => l.name)).toEqual(['maintenance', 'other'])
  })

  it('answers 404 for a missing label and 422 for a duplicate one', async () => {
    await expect(o.rest.issues.getLabel({ ...repo(), name: 'nope' })).rejects.toMatchObject({
      status: 404
    })
    await expect(
      o.rest.issues.createLabel({ ...repo(), name: 'Maintenance' })
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ code: 'already_exists' }] } }
    })
  })

  it('pages lists with Link headers so octokit.paginate sees everything', async () => {
    for (let i = 0; i < 5; i++)
      await o.rest.issues.createComment({ ...repo(), issue_number: 1, body: `c${i}` })
    const all = await o.paginate(o.rest.issues.listComments, {
      ...repo(),
      issue_number: 1,
      per_page: 2
    })
    expect(all.map(c => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4'])
    expect(
      gh.requests({ route: '/repos/{owner}/{repo}/issues/{issue_number}/comments', method: 'GET' })
    ).toHaveLength(3)
    expect(gh.comments(1)).toHaveLength(5)
  })

  it('refuses a PR with nothing to merge and one whose head does not exist', async () => {
    gh.commitFiles('same', {}, 'empty', 'main')
    gh.state.refs.set('refs/heads/same', gh.headSha()!)
    const same = o.rest.pulls.create({ ...repo(), title: 'x', head: 'same', base: 'main' })
    await expect(same).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('No commits between main and same')
    })
    const none = o.rest.pulls.create({ ...repo(), title: 'x', head: 'ghost', base: 'main' })
    await expect(none).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ field: 'head', code: 'invalid' }] } }
    })
  })
})

describe('seed helpers', () => {
  it('seeds an issue and a pull request that the API then sees', async () => {
    const seeded = await startGitHubEmulator({ files: { 'a.txt': 'a' } })
    try {
      const api = new Octokit({ auth: 'ghs_x', baseUrl: seeded.url, log: silent })
      const r = { owner: seeded.owner, repo: seeded.repo }
      const issue = seeded.createIssue({
        title: 'old',
        body: '<!-- pymaint:issue -->',
        labels: ['maintenance']
      })
      seeded.commitFiles('pymaint/cleanup', { 'a.txt': null }, 'clean')
      const pr = seeded.createPull({ head: 'pymaint/cleanup', title: 'Cleanup' })
      expect([issue.number, pr.number]).toEqual([1, 2])
      const found = await api.rest.issues.listForRepo({ ...r, labels: 'maintenance' })
      expect(found.data.map(i => i.body)).toEqual(['<!-- pymaint:issue -->'])
      await expect(
        api.rest.pulls.create({ ...r, title: 'again', head: 'pymaint/cleanup', base: 'main' })
      ).rejects.toMatchObject({
        status: 422,
        message: expect.stringContaining(
          `A pull request already exists for ${seeded.owner}:pymaint/cleanup.`
        )
      })
      expect(seeded.readTree('pymaint/cleanup')).toEqual({})
    } finally {
      await seeded.close()
    }
  })
})

describe('repository options', () => {
  it('reports the configured permissions and can require a token', async () => {
    const locked = await startGitHubEmulator({ requireAuth: true, permissions: { push: false } })
    try {
      const anon = new Octokit({ baseUrl: locked.url, log: silent })
      await expect(
        anon.rest.repos.get({ owner: locked.owner, repo: locked.repo })
      ).rejects.toMatchObject({ status: 401 })
      const authed = new Octokit({ auth: 'ghs_x', baseUrl: locked.url, log: silent })
      const r = await authed.rest.repos.get({ owner: locked.owner, repo: locked.repo })
      expect(r.data.permissions).toEqual({
        admin: false,
        maintain: false,
        push: false,
        triage: true,
        pull: true
      })
      expect(locked.requests().map(x => [x.status, x.authorization])).toEqual([
        [401, false],
        [200, true]
      ])
    } finally {
      await locked.close()
    }
  })
})

describe('contents and refs', () => {
  it('creates, then requires the blob sha to update, a file on a branch', async () => {
    const put = (sha?: string) =>
      o.rest.repos.createOrUpdateFileContents({
        ...repo(),
        path: 'site/data/history.json',
        message: 'history',
        content: Buffer.from('[1]').toString('base64'),
        branch: 'main',
        ...(sha ? { sha } : {})
      })
    const created = await put()
    expect(created.status).toBe(201)
    await expect(put()).rejects.toMatchObject({ status: 422 })
    await expect(put('0'.repeat(40))).rejects.toMatchObject({ status: 409 })
    expect((await put(created.data.content!.sha)).status).toBe(200)
    const got = await o.rest.repos.getContent({ ...repo(), path: 'site/data/history.json' })
    expect(Buffer.from((got.data as { content: string }).content, 'base64').toString()).toBe('[1]')
    const dir = await o.rest.repos.getContent({ ...repo(), path: 'site' })
    expect((dir.data as { name: string; type: string }[]).map(e => [e.name, e.type])).toEqual([
      ['data', 'dir']
    ])
    await expect(o.rest.repos.getContent({ ...repo(), path: 'missing.txt' })).rejects.toMatchObject(
      { status: 404 }
    )
    expect(gh.readTree('main')['site/data/history.json']).toBe('[1]')
  })

  it('lists matching refs by prefix and 404s a missing ref', async () => {
    const refs = await o.rest.git.listMatchingRefs({ ...repo(), ref: 'heads/f' })
    expect(refs.data.map(r => r.ref)).toEqual(['refs/heads/fix'])
    await expect(o.rest.git.getRef({ ...repo(), ref: 'heads/gh-pages' })).rejects.toMatchObject({
      status: 404
    })
    await expect(o.rest.repos.getPages(repo())).rejects.toMatchObject({ status: 404 })
  })

  it('enables Pages once (409 the second time) and then answers GET pages', async () => {
    const created = await o.rest.repos.createPagesSite({
      ...repo(),
      source: { branch: 'gh-pages', path: '/' }
    })
    expect(created.status).toBe(201)
    await expect(
      o.rest.repos.createPagesSite({ ...repo(), source: { branch: 'gh-pages' } })
    ).rejects.toMatchObject({ status: 409 })
    await o.rest.repos.updateInformationAboutPagesSite({
      ...repo(),
      source: { branch: 'gh-pages', path: '/docs' }
    })
    const got = await o.rest.repos.getPages(repo())
    expect(got.data).toMatchObject({
      source: { branch: 'gh-pages', path: '/docs' },
      html_url: `https://${gh.owner}.github.io/${gh.repo}/`
    })
    gh.setPages(null)
  })

  it('answers 404 for another repository', async () => {
    await expect(o.rest.repos.get({ owner: 'someone', repo: 'else' })).rejects.toMatchObject({
      status: 404
    })
    expect(gh.invalidRequests()).toEqual([])
  })
})
