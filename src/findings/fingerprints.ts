// Fills each finding's fingerprint from the file it points at. Interim scheme until the
// codeql-compatible primaryLocationLineHash lands (reports issue): hash of rule, path and the
// trimmed source line, so it survives unrelated edits above the finding.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Finding } from './model.js'

export async function fingerprintFindings(findings: Finding[], root: string): Promise<void> {
  const files = new Map<string, Promise<string[] | null>>()
  const lines = (p: string): Promise<string[] | null> => {
    let f = files.get(p)
    if (!f) {
      f = readFile(path.join(root, p), 'utf8').then(
        t => t.split(/\r?\n/),
        () => null
      )
      files.set(p, f)
    }
    return f
  }
  for (const f of findings) {
    if (f.fingerprint) continue
    const text = f.path && f.line > 0 ? ((await lines(f.path))?.[f.line - 1] ?? '') : ''
    f.fingerprint = createHash('sha256')
      .update(`${f.ruleId}\0${f.path}\0${text.trim()}\0${f.path ? '' : f.message}`)
      .digest('hex')
      .slice(0, 16)
  }
}
