// Loads a local page in Debian's headless Chromium (no browser download) and returns the DOM
// after its scripts ran, or a screenshot.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { run } from '../../src/tools/exec.js'

export const CHROMIUM = '/usr/bin/chromium'

async function chromium(file: string, extra: string[], fragment = ''): Promise<string> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'pymaint-chromium-'))
  try {
    const r = await run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        '--virtual-time-budget=5000',
        ...extra,
        pathToFileURL(file).href + fragment
      ],
      { cwd: profile, timeoutMs: 90_000 }
    )
    if (r.exitCode !== 0) throw new Error(`chromium exited ${r.exitCode}: ${r.stderr.slice(-2000)}`)
    return r.stdout
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** The DOM after the page's scripts ran; `fragment` ('#…') is appended to the file URL. */
export function dumpDom(file: string, fragment = ''): Promise<string> {
  return chromium(file, ['--dump-dom'], fragment)
}

export async function screenshot(file: string, png: string, size = '1400,1000'): Promise<void> {
  await chromium(file, [`--screenshot=${png}`, `--window-size=${size}`])
}
