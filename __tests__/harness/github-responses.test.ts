// Every 2xx body the emulator sends validates against the spec's response schema: drive each
// supported route with @octokit/rest and collect the emulator's own violation records.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator.js'

let gh: GitHubEmulator
let o: Octokit
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

beforeAll(async () => {
  gh = await startGitHubEmulator({
    validateResponses: true,
    pages: { branch: 'gh-pages', path: '/' },
    files: {
      'README.md': '# demo\n',
      'src/app/main.py': 'print(1)\n',
      'src/app/util.py': 'x = 2\n'
    }
  })
  o = new Octokit({ auth: 'ghs_test', baseUrl: gh.url, log: silent })
})
afterAll(() => gh.close())

describe('response bodies against the OpenAPI response schemas', () => {
  it('drives every supported route and records no violation', async () => {
    const repo = { owner: gh.owner, repo: gh.repo }
    await o.rest.repos.get(repo)
    await o.rest.repos.getBranch({ ...repo, branch: 'main' })
    await o.rest.repos.listBranches(repo)
    const file = await o.rest.repos.getContent({ ...repo, path: 'src/app/main.py' })
    await o.rest.repos.getContent({ ...repo, path: 'src', ref: 'main' })
    const created = await o.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: 'docs/a.md',
      message: 'add',
      content: Buffer.from('a').toString('base64')
    })
    await o.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: 'docs/a.md',
      message: 'update',
      content: Buffer.from('b').toString('base64'),
      sha: created.data.content!.sha!
    })
    const current = await o.rest.repos.getContent({ ...repo, path: 'docs/a.md' })
    await o.rest.repos.deleteFile({
      ...repo,
      path: 'docs/a.md',
      message: 'rm',
      sha: (current.data as { sha: string }).sha
    })
    expect(Array.isArray(file.data)).toBe(false)
    await o.rest.repos.getPages(repo)
    gh.setPages(null)
    await o.rest.repos.createPagesSite({ ...repo, source: { branch: 'gh-pages', path: '/' } })

    const blob = await o.rest.git.createBlob({ ...repo, content: 'hello', encoding: 'utf-8' })
    await o.rest.git.getBlob({ ...repo, file_sha: blob.data.sha })
    const head = await o.rest.git.getRef({ ...repo, ref: 'heads/main' })
    const commit = await o.rest.git.getCommit({ ...repo, commit_sha: head.data.object.sha })
    await o.rest.git.getTree({ ...repo, tree_sha: commit.data.tree.sha, recursive: '1' })
    const tree = await o.rest.git.createTree({
      ...repo,
      base_tree: commit.data.tree.sha,
      tree: [
        { path: 'hello.txt', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'inline.txt', mode: '100644', type: 'blob', content: 'inline' },
        { path: 'src/app/util.py', mode: '100644', type: 'blob', sha: null }
      ]
    })
    const next = await o.rest.git.createCommit({
      ...repo,
      message: 'next',
      tree: tree.data.sha,
      parents: [head.data.object.sha]
    })
    await o.rest.git.createRef({ ...repo, ref: 'refs/heads/feature', sha: next.data.sha })
    await o.rest.git.updateRef({ ...repo, ref: 'heads/feature', sha: next.data.sha })
    await o.rest.git.listMatchingRefs({ ...repo, ref: 'heads/' })
    await o.rest.git.createRef({ ...repo, ref: 'refs/heads/tmp', sha: next.data.sha })
    await o.rest.git.deleteRef({ ...repo, ref: 'heads/tmp' })

    const pr = await o.rest.pulls.create({
      ...repo,
      title: 'Feature',
      head: 'feature',
      base: 'main',
      body: 'body'
    })
    await o.rest.pulls.get({ ...repo, pull_number: pr.data.number })
    await o.rest.pulls.list({ ...repo, state: 'all', head: `${gh.owner}:feature` })
    await o.rest.pulls.update({
      ...repo,
      pull_number: pr.data.number,
      title: 'Feature 2',
      state: 'closed'
    })

    await o.rest.issues.createLabel({
      ...repo,
      name: 'maintenance',
      color: 'd73a4a',
      description: 'pymaint'
    })
    await o.rest.issues.getLabel({ ...repo, name: 'maintenance' })
    await o.rest.issues.listLabelsForRepo(repo)
    const issue = await o.rest.issues.create({
      ...repo,
      title: 'Maintenance',
      body: '<!-- pymaint -->',
      labels: ['maintenance', 'extra']
    })
    await o.rest.issues.get({ ...repo, issue_number: issue.data.number })
    await o.rest.issues.listForRepo({
      ...repo,
      state: 'all',
      labels: 'maintenance',
      creator: 'github-actions[bot]'
    })
    await o.rest.issues.update({
      ...repo,
      issue_number: issue.data.number,
      body: 'new',
      state: 'closed',
      state_reason: 'completed'
    })
    const comment = await o.rest.issues.createComment({
      ...repo,
      issue_number: issue.data.number,
      body: 'hi'
    })
    await o.rest.issues.updateComment({ ...repo, comment_id: comment.data.id, body: 'edited' })
    await o.rest.issues.listComments({ ...repo, issue_number: issue.data.number })
    await o.rest.issues.addLabels({ ...repo, issue_number: issue.data.number, labels: ['more'] })
    await o.rest.issues.setLabels({
      ...repo,
      issue_number: issue.data.number,
      labels: ['maintenance', 'x']
    })
    const left = await o.rest.issues.removeLabel({
      ...repo,
      issue_number: issue.data.number,
      name: 'x'
    })
    expect(left.data.map(l => l.name)).toEqual(['maintenance'])
    await o.rest.issues.get({ ...repo, issue_number: pr.data.number })
    const viaRest = await o.rest.repos.getCommit({ ...repo, ref: 'feature' })
    expect(viaRest.data.sha).toBe(next.data.sha)

    const sarif = gzipSync(
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'ruff' } }, results: [] }]
      })
    ).toString('base64')
    const up = await o.rest.codeScanning.uploadSarif({
      ...repo,
      commit_sha: next.data.sha,
      ref: 'refs/heads/main',
      sarif
    })
    const pending = await o.rest.codeScanning.getSarif({ ...repo, sarif_id: up.data.id! })
    const done = await o.rest.codeScanning.getSarif({ ...repo, sarif_id: up.data.id! })
    expect([pending.data.processing_status, done.data.processing_status]).toEqual([
      'pending',
      'complete'
    ])
    const bad = gzipSync('{"version":"2.0.0","runs":[]}').toString('base64')
    const badUp = await o.rest.codeScanning.uploadSarif({
      ...repo,
      commit_sha: next.data.sha,
      ref: 'refs/heads/main',
      sarif: bad
    })
    await o.rest.codeScanning.getSarif({ ...repo, sarif_id: badUp.data.id! })
    const failed = await o.rest.codeScanning.getSarif({ ...repo, sarif_id: badUp.data.id! })
    expect(failed.data).toMatchObject({
      processing_status: 'failed',
      errors: [expect.stringContaining('2.1.0')]
    })

    const routes = new Set(gh.requests().map(r => `${r.method} ${r.route}`))
    expect(routes.size).toBeGreaterThanOrEqual(35)
    expect(gh.invalidRequests()).toEqual([])
    expect(gh.unhandledRequests()).toEqual([])
    expect(gh.requests().every(r => r.status >= 200 && r.status < 300)).toBe(true)
    expect(
      gh
        .responseViolations()
        .map(v => `${v.request.method} ${v.request.route}: ${v.problems.join('; ')}`)
    ).toEqual([])
  })
})

describe('the response check itself', () => {
  it('reports a body that lacks required fields', async () => {
    const { matchRoute, validateResponse } = await import('./openapi.js')
    const m = matchRoute('GET', '/repos/o/r/labels/bug')!
    expect(validateResponse(m.op, 200, { name: 'bug' })).toEqual(
      expect.arrayContaining([expect.stringContaining("must have required property 'color'")])
    )
    expect(validateResponse(m.op, 201, {})).toEqual([
      'status 201 is not documented for issues/get-label'
    ])
  })
})
