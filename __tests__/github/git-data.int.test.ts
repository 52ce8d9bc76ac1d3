// commitFiles against the GitHub emulator (every request checked against GitHub's OpenAPI):
// orphan branch creation, updates with folder deletes, no-op runs, a moved ref, resetTo.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { GitHubEmulator } from '../harness/github-emulator.js'
import { createOctokit } from '../../src/github/client.js'
import { commitFiles, readBranch, RefRaceError } from '../../src/github/git-data.js'
import type { Octokit } from '@octokit/rest'

let emu: GitHubEmulator
let octokit: Octokit
const repo = (): { owner: string; repo: string } => ({ owner: emu.owner, repo: emu.repo })

beforeAll(async () => {
  emu = await GitHubEmulator.start({ files: { 'README.md': '# demo\n', 'src/app.py': 'x = 1\n' } })
  octokit = createOctokit({ token: 'test-token', apiUrl: emu.url }, { maxRetryWaitMs: 0 })
})
afterAll(() => emu.close())
beforeEach(() => emu.clearLog())

afterEach(() => {
  expect(emu.invalidRequests()).toEqual([])
  expect(emu.unhandledRequests()).toEqual([])
})

describe('commitFiles', () => {
  it('creates a missing branch as an orphan commit (no parent, no default-branch files)', async () => {
    const r = await commitFiles(octokit, {
      ...repo(),
      branch: 'gh-pages',
      message: 'first',
      changes: () => [
        { path: 'index.html', content: '<h1>hi</h1>' },
        { path: 'runs/a/report.json', content: '{}' },
        { path: 'bin.dat', content: Buffer.from([0, 255, 1]) }
      ]
    })
    expect(r).toMatchObject({ committed: true, created: true, attempts: 1 })
    expect(emu.headSha('gh-pages')).toBe(r.commitSha)
    expect(Object.keys(emu.readTree('gh-pages')).sort()).toEqual([
      'bin.dat',
      'index.html',
      'runs/a/report.json'
    ])
    const commit = await octokit.rest.git.getCommit({ ...repo(), commit_sha: r.commitSha })
    expect(commit.data.parents).toEqual([])
    const head = await readBranch(octokit, emu.owner, emu.repo, 'gh-pages')
    expect((await head.read('bin.dat'))?.equals(Buffer.from([0, 255, 1]))).toBe(true)
  })

  it('updates on top of the head: writes, deletes whole folders, keeps the rest', async () => {
    const before = emu.headSha('gh-pages')!
    const r = await commitFiles(octokit, {
      ...repo(),
      branch: 'gh-pages',
      message: 'second',
      changes: head => {
        expect(head.commitSha).toBe(before)
        return [
          { path: 'runs/a', delete: true },
          { path: 'runs/b/report.json', content: '{"b":1}' }
        ]
      }
    })
    expect(r).toMatchObject({ committed: true, created: false, deleted: ['runs/a/report.json'] })
    expect(Object.keys(emu.readTree('gh-pages')).sort()).toEqual([
      'bin.dat',
      'index.html',
      'runs/b/report.json'
    ])
    const commit = await octokit.rest.git.getCommit({ ...repo(), commit_sha: r.commitSha })
    expect(commit.data.parents.map(p => p.sha)).toEqual([before])
  })

  it('makes no commit when nothing changes', async () => {
    const before = emu.headSha('gh-pages')
    const r = await commitFiles(octokit, {
      ...repo(),
      branch: 'gh-pages',
      message: 'noop',
      changes: () => [{ path: 'index.html', content: '<h1>hi</h1>' }]
    })
    expect(r).toMatchObject({ committed: false, commitSha: before })
    expect(emu.requests({ method: 'POST' })).toEqual([])
  })

  it('recomputes the changes from the new head when the ref moved meanwhile', async () => {
    let calls = 0
    const r = await commitFiles(octokit, {
      ...repo(),
      branch: 'gh-pages',
      message: 'raced',
      changes: async head => {
        calls++
        // Another run commits between our read and our ref update, the first time only.
        if (calls === 1) emu.state.commitFiles('gh-pages', { 'other.txt': 'theirs' }, 'other run')
        const seen = head.files.has('other.txt') ? 'saw-other' : 'no-other'
        return [{ path: 'mine.txt', content: seen }]
      }
    })
    expect(calls).toBe(2)
    expect(r.attempts).toBe(2)
    const tree = emu.readTree('gh-pages')
    expect(tree['other.txt']).toBe('theirs')
    expect(tree['mine.txt']).toBe('saw-other')
    const patches = emu.requests({ method: 'PATCH' })
    expect(patches.map(p => p.status)).toEqual([422, 200])
  })

  it('gives up with RefRaceError when the ref keeps moving', async () => {
    let n = 0
    await expect(
      commitFiles(octokit, {
        ...repo(),
        branch: 'gh-pages',
        message: 'never',
        maxAttempts: 2,
        changes: () => {
          emu.state.commitFiles('gh-pages', { [`spin${n++}.txt`]: 'x' }, 'spin')
          return [{ path: 'never.txt', content: 'x' }]
        }
      })
    ).rejects.toBeInstanceOf(RefRaceError)
    expect(emu.readTree('gh-pages')['never.txt']).toBeUndefined()
  })

  it('resetTo rebuilds a branch on another commit and force-moves it', async () => {
    const main = emu.headSha('main')!
    const first = await commitFiles(octokit, {
      ...repo(),
      branch: 'pymaint/cleanup',
      message: 'cleanup',
      resetTo: main,
      changes: () => [{ path: 'src', delete: true }]
    })
    expect(first).toMatchObject({ committed: true, created: true, deleted: ['src/app.py'] })
    // main moves on; the next rebuild starts from the new main, not from the old branch.
    const main2 = emu.state.commitFiles('main', { 'new.txt': 'n' }, 'main moves')
    const second = await commitFiles(octokit, {
      ...repo(),
      branch: 'pymaint/cleanup',
      message: 'cleanup again',
      resetTo: main2,
      changes: () => [{ path: 'src', delete: true }]
    })
    expect(second.created).toBe(false)
    const commit = await octokit.rest.git.getCommit({ ...repo(), commit_sha: second.commitSha })
    expect(commit.data.parents.map(p => p.sha)).toEqual([main2])
    expect(Object.keys(emu.readTree('pymaint/cleanup')).sort()).toEqual(['README.md', 'new.txt'])
  })

  it('createFrom starts a missing branch on a given commit', async () => {
    const main = emu.headSha('main')!
    const r = await commitFiles(octokit, {
      ...repo(),
      branch: 'feature/x',
      message: 'feature',
      createFrom: { sha: main },
      changes: () => [{ path: 'f.txt', content: 'f' }]
    })
    const commit = await octokit.rest.git.getCommit({ ...repo(), commit_sha: r.commitSha })
    expect(commit.data.parents.map(p => p.sha)).toEqual([main])
    expect(emu.readTree('feature/x')['README.md']).toBe('# demo\n')
  })
})
