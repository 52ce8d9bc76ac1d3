// The emulator answers like GitHub: spec-checked requests, git semantics, GitHub's errors.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator.js'
import { portIsOpen } from './http.js'

let gh: GitHubEmulator
let octokit: Octokit

const sarifDoc = (runs: unknown[]) => ({
  version: '2.1.0',
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  runs
})
const run = (tool: string, category: string) => ({
  tool: { driver: { name: tool, rules: [] } },
  automationDetails: { id: category },
  results: []
})
const encode = (doc: unknown): string =>
  gzipSync(Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc))).toString('base64')

beforeAll(async () => {
  gh = await startGitHubEmulator({
    files: {
      'README.md': '# demo\n',
      'src/pkg/__init__.py': '',
      'src/pkg/cache/x.pyc': 'junk',
      'src/pkg/mod.py': 'x = 1\n'
    }
  })
  octokit = new Octokit({
    auth: 'ghs_test',
    baseUrl: gh.url,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
  })
})
afterAll(async () => {
  await gh.close()
})

const status = async (
  p: Promise<unknown>
): Promise<{ status: number; message: string; data: unknown }> => {
  try {
    await p
    return { status: 0, message: '', data: undefined }
  } catch (e) {
    const err = e as { status: number; message: string; response?: { data: unknown } }
    return { status: err.status, message: err.message, data: err.response?.data }
  }
}

describe('git objects', () => {
  it('hashes blobs, trees and commits exactly as git does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emu-git-'))
    try {
      const files = gh.readTree('main')
      for (const [p, content] of Object.entries(files)) {
        const full = path.join(dir, p)
        execFileSync('mkdir', ['-p', path.dirname(full)])
        writeFileSync(full, content)
      }
      execFileSync('git', ['init', '-q', dir])
      execFileSync('git', ['-C', dir, 'add', '-A'])
      const tree = execFileSync('git', ['-C', dir, 'write-tree']).toString().trim()
      const commit = gh.state.git.readCommit(gh.headSha()!)
      expect(commit.tree).toBe(tree)
      expect(gh.state.git.blob('x = 1\n')).toBe(
        execFileSync('git', ['hash-object', '--stdin'], { input: 'x = 1\n' }).toString().trim()
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('request validation against the OpenAPI description', () => {
  it('rejects a SARIF upload with a field the spec does not permit, as GitHub does', async () => {
    gh.clearLog()
    const r = await status(
      octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
        owner: gh.owner,
        repo: gh.repo,
        commit_sha: gh.headSha()!,
        ref: 'refs/heads/main',
        sarif: encode(sarifDoc([run('ruff', 'pymaint/ruff/')])),
        tool_names: ['ruff']
      } as never)
    )
    expect(r.status).toBe(422)
    expect(r.message).toContain('Invalid request.')
    expect(r.message).toContain('"tool_names" is not a permitted key.')
    expect(gh.invalidRequests()).toHaveLength(1)
    expect(gh.sarifUploads()).toHaveLength(0)
  })

  it('rejects a ref that is not a full ref (the spec pattern ^refs/(heads|tags|pull)/)', async () => {
    gh.clearLog()
    const r = await status(
      octokit.rest.codeScanning.uploadSarif({
        owner: gh.owner,
        repo: gh.repo,
        commit_sha: gh.headSha()!,
        ref: 'main',
        sarif: encode(sarifDoc([]))
      })
    )
    expect(r.status).toBe(422)
    expect(r.message).toContain(
      `For 'properties/ref', "main" does not match /^refs\\/(heads|tags|pull)\\/.*$/.`
    )
    expect(gh.invalidRequests()[0]?.route).toBe('/repos/{owner}/{repo}/code-scanning/sarifs')
  })

  it('rejects a missing required field and a wrong type', async () => {
    gh.clearLog()
    const missing = await status(
      octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
        owner: gh.owner,
        repo: gh.repo,
        ref: 'refs/heads/main',
        sarif: 'x'
      } as never)
    )
    expect(missing.message).toContain(`"commit_sha" wasn't supplied.`)
    const wrong = await status(
      octokit.rest.git.updateRef({
        owner: gh.owner,
        repo: gh.repo,
        ref: 'heads/main',
        sha: gh.headSha()!,
        force: 'yes' as never
      })
    )
    expect(wrong.status).toBe(422)
    expect(wrong.message).toContain(`For 'properties/force', "yes" is not a boolean.`)
    expect(gh.invalidRequests()).toHaveLength(2)
  })

  it('words oneOf, enum and query failures as GitHub does', async () => {
    gh.clearLog()
    const labels = await status(
      octokit.rest.issues.create({
        owner: gh.owner,
        repo: gh.repo,
        title: 'x',
        labels: [true as never]
      })
    )
    expect(labels.message).toContain(
      `For 'properties/labels/items', true No subschema in "oneOf" matched.`
    )
    const mode = await status(
      octokit.rest.git.createTree({
        owner: gh.owner,
        repo: gh.repo,
        tree: [{ path: 'a', mode: '100645' as never, type: 'blob', content: 'a' }]
      })
    )
    expect(mode.message).toContain(
      `"100645" is not a member of ["100644","100755","040000","160000","120000"]`
    )
    const query = await status(
      octokit.rest.issues.listForRepo({ owner: gh.owner, repo: gh.repo, state: 'bogus' as never })
    )
    expect(query.status).toBe(422)
    expect(gh.invalidRequests().map(r => r.status)).toEqual([422, 422, 422])
    expect(gh.issues()).toEqual([])
  })

  it('answers 404 Not Found for a route or method GitHub does not have', async () => {
    gh.clearLog()
    const r = await status(
      octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: gh.owner, repo: gh.repo })
    )
    expect(r.status).toBe(404)
    expect(r.data).toMatchObject({ message: 'Not Found' })
    const m = await status(
      octokit.request('DELETE /repos/{owner}/{repo}/pulls', { owner: gh.owner, repo: gh.repo })
    )
    expect(m.status).toBe(404)
    expect(gh.invalidRequests()).toHaveLength(2)
  })

  it('logs method, path, query, parsed body, status and whether a token was sent', async () => {
    gh.clearLog()
    await octokit.rest.issues.listForRepo({
      owner: gh.owner,
      repo: gh.repo,
      state: 'all',
      labels: 'maintenance'
    })
    const [entry] = gh.requests()
    expect(entry).toMatchObject({
      method: 'GET',
      path: `/repos/${gh.fullName}/issues`,
      query: { state: 'all', labels: 'maintenance' },
      status: 200,
      authorization: true,
      authScheme: 'token',
      route: '/repos/{owner}/{repo}/issues',
      operationId: 'issues/list-for-repo'
    })
    expect(gh.invalidRequests()).toEqual([])
  })
})

describe('git data API semantics', () => {
  it('deletes exactly the path given with sha: null on a base tree, nested paths included', async () => {
    const head = gh.headSha()!
    const base = gh.state.git.readCommit(head).tree
    const tree = await octokit.rest.git.createTree({
      owner: gh.owner,
      repo: gh.repo,
      base_tree: base,
      tree: [{ path: 'src/pkg/cache/x.pyc', mode: '100644', type: 'blob', sha: null }]
    })
    const commit = await octokit.rest.git.createCommit({
      owner: gh.owner,
      repo: gh.repo,
      message: 'Remove junk',
      tree: tree.data.sha,
      parents: [head]
    })
    await octokit.rest.git.createRef({
      owner: gh.owner,
      repo: gh.repo,
      ref: 'refs/heads/cleanup',
      sha: commit.data.sha
    })
    const before = gh.readTree('main')
    const after = gh.readTree('cleanup')
    const { 'src/pkg/cache/x.pyc': removed, ...rest } = before
    expect(removed).toBe('junk')
    expect(after).toEqual(rest)
    expect(tree.data.tree.map(e => e.path)).toEqual(['README.md', 'src'])
  })

  it('refuses a non-fast-forward ref update unless force is set', async () => {
    const main = gh.headSha()!
    const other = gh.commitFiles('side', { 'side.txt': 'a' }, 'side', 'main')
    const unrelated = gh.state.git.commit({
      tree: gh.state.git.readCommit(main).tree,
      parents: [],
      message: 'orphan',
      author: gh.state.person(),
      committer: gh.state.person()
    })
    expect(gh.state.git.isAncestor(main, other)).toBe(true)
    const bad = await status(
      octokit.rest.git.updateRef({
        owner: gh.owner,
        repo: gh.repo,
        ref: 'heads/side',
        sha: unrelated
      })
    )
    expect(bad.status).toBe(422)
    expect(bad.message).toContain('Update is not a fast forward')
    expect(gh.headSha('side')).toBe(other)
    const forced = await octokit.rest.git.updateRef({
      owner: gh.owner,
      repo: gh.repo,
      ref: 'heads/side',
      sha: unrelated,
      force: true
    })
    expect(forced.data.object.sha).toBe(unrelated)
    expect(gh.headSha('side')).toBe(unrelated)
  })
})

describe('pull requests', () => {
  it('refuses a second open PR for the same head with GitHub error', async () => {
    gh.commitFiles('dup', { 'dup.txt': 'x' }, 'dup', 'main')
    const first = await octokit.rest.pulls.create({
      owner: gh.owner,
      repo: gh.repo,
      title: 'One',
      head: 'dup',
      base: 'main'
    })
    expect(first.status).toBe(201)
    const second = await status(
      octokit.rest.pulls.create({
        owner: gh.owner,
        repo: gh.repo,
        title: 'Two',
        head: `${gh.owner}:dup`,
        base: 'main'
      })
    )
    expect(second.status).toBe(422)
    expect(second.message).toContain(`A pull request already exists for ${gh.owner}:dup.`)
    expect(second.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom' }]
    })
    const listed = await octokit.rest.pulls.list({
      owner: gh.owner,
      repo: gh.repo,
      head: `${gh.owner}:dup`,
      state: 'open'
    })
    expect(listed.data.map(p => p.number)).toEqual([first.data.number])
    await octokit.rest.pulls.update({
      owner: gh.owner,
      repo: gh.repo,
      pull_number: first.data.number,
      state: 'closed'
    })
    const reopened = await octokit.rest.pulls.create({
      owner: gh.owner,
      repo: gh.repo,
      title: 'Three',
      head: 'dup',
      base: 'main'
    })
    expect(reopened.data.number).toBeGreaterThan(first.data.number)
  })
})

describe('lifecycle', () => {
  it('closes its port on close()', async () => {
    const other = await startGitHubEmulator()
    const port = other.port
    expect(await portIsOpen(port)).toBe(true)
    await other.close()
    expect(await portIsOpen(port)).toBe(false)
  })
})
