// Builds the action bundle from the current source for runner tests, into .cache/ so the
// committed dist/ is never touched; rebuilt only when a source file is newer than the build.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..')

function newest(dir: string): number {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Path of an index.js bundled from src/index.ts exactly as `npm run bundle` does. */
export function ensureBundle(root = REPO_ROOT): string {
  const out = path.join(root, '.cache', 'harness-bundle')
  const entry = path.join(out, 'index.js')
  const fresh = (): boolean => {
    const inputs = Math.max(
      newest(path.join(root, 'src')),
      statSync(path.join(root, 'package-lock.json')).mtimeMs
    )
    return existsSync(entry) && statSync(entry).mtimeMs >= inputs
  }
  if (fresh()) return entry
  mkdirSync(path.join(root, '.cache'), { recursive: true })
  // One builder at a time across jest workers; the others wait for its result.
  const lock = `${out}.lock`
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000)
        rmSync(lock, { recursive: true, force: true })
      sleepSync(200)
      if (fresh()) return entry
    }
  }
  try {
    if (fresh()) return entry
    const tmp = `${out}.${process.pid}`
    rmSync(tmp, { recursive: true, force: true })
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'),
        'build',
        'src/index.ts',
        '-o',
        tmp,
        '--target',
        'es2022',
        '--quiet'
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } }
    )
    rmSync(out, { recursive: true, force: true })
    renameSync(tmp, out)
    return entry
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
