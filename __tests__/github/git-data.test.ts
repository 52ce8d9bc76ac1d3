// Pure parts of the Git data commit helper: blob shas as git computes them, and tree planning.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { gitBlobSha, normalizePath, planTree, type TreeFile } from '../../src/github/git-data.js'

const gitHash = (content: string | Buffer): string =>
  execFileSync('git', ['hash-object', '--stdin'], { input: content }).toString().trim()

const tree = (entries: Record<string, string>): Map<string, TreeFile> =>
  new Map(
    Object.entries(entries).map(([path, content]) => [
      path,
      { path, sha: gitBlobSha(content), mode: '100644' }
    ])
  )

describe('gitBlobSha', () => {
  it.each(['', 'hello\n', 'ünïcode ✓\n', '\u0000binary\u00ff'])(
    'matches git hash-object for %j',
    content => {
      expect(gitBlobSha(content)).toBe(gitHash(content))
    }
  )
  it('hashes bytes as given', () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254])
    expect(gitBlobSha(bytes)).toBe(gitHash(bytes))
  })
})

describe('normalizePath', () => {
  it('turns backslashes into slashes and trims slashes', () => {
    expect(normalizePath('/runs\\2026-12-01-1/')).toBe('runs/2026-12-01-1')
  })
  it.each(['', '/', 'a/../b', './a', 'a//b'])('rejects %j', p => {
    expect(() => normalizePath(p)).toThrow(/invalid repository path/)
  })
})

describe('planTree', () => {
  const files = tree({
    'index.html': '<old>',
    'latest/report.json': '{}',
    'latest/sarif/ruff.sarif': '{}',
    'runs/a/report.json': '{}',
    'runs/a/sarif/ruff.sarif': '{}',
    'runs/ab/report.json': '{}'
  })

  it('skips writes whose content is already there', () => {
    const { writes, deletes } = planTree(files, [
      { path: 'index.html', content: '<old>' },
      { path: 'badge.svg', content: '<svg/>' }
    ])
    expect([...writes.keys()]).toEqual(['badge.svg'])
    expect(deletes.size).toBe(0)
  })

  it('expands a folder delete to every file under it, not to siblings sharing a prefix', () => {
    const { deletes } = planTree(files, [{ path: 'runs/a', delete: true }])
    expect([...deletes].sort()).toEqual(['runs/a/report.json', 'runs/a/sarif/ruff.sarif'])
  })

  it('drops deletes of files that do not exist', () => {
    const { writes, deletes } = planTree(files, [{ path: 'nope', delete: true }])
    expect(writes.size + deletes.size).toBe(0)
  })

  it('replacing a folder keeps the rewritten files and deletes only the rest', () => {
    const { writes, deletes } = planTree(files, [
      { path: 'latest', delete: true },
      { path: 'latest/report.json', content: '{"new":1}' }
    ])
    expect([...writes.keys()]).toEqual(['latest/report.json'])
    expect([...deletes]).toEqual(['latest/sarif/ruff.sarif'])
  })

  it('a delete after a write of the same path wins', () => {
    const { writes, deletes } = planTree(files, [
      { path: 'new.txt', content: 'x' },
      { path: 'new.txt', delete: true }
    ])
    expect(writes.size + deletes.size).toBe(0)
  })

  it('an executable mode change is a write', () => {
    const { writes } = planTree(files, [{ path: 'index.html', content: '<old>', mode: '100755' }])
    expect(writes.get('index.html')?.mode).toBe('100755')
  })
})
