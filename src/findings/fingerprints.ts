// Finding fingerprints: GitHub code scanning's primaryLocationLineHash (the rolling line hash
// codeql-action documents), so alerts keep their identity when unrelated lines move them.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Finding } from './model.js'

// The hash of a line covers the next BLOCK non-whitespace characters from its start (spilling
// into the following lines), in base 37 modulo 2^64; ':N' numbers repeats of the same value.
const BLOCK = 100
const BASE = 37n
const MASK = (1n << 64n) - 1n
const EOF = 0xffff
const TAB = 9
const LF = 10
const CR = 13
const SPACE = 32
const BASE_POW_BLOCK = (() => {
  let p = 1n
  for (let i = 0; i < BLOCK; i++) p = (p * BASE) & MASK
  return p
})()

/** primaryLocationLineHash of every line of `text` (index 0 = line 1). */
export function lineHashes(text: string): string[] {
  const window = new Array<number>(BLOCK).fill(0)
  // Line number that starts at each window slot, or -1.
  const starts = new Array<number>(BLOCK).fill(-1)
  const out: string[] = []
  const seen = new Map<string, number>()
  let h = 0n
  let at = 0
  let line = 0
  let atLineStart = true
  let afterCR = false

  const emit = (): void => {
    const hex = h.toString(16)
    const n = (seen.get(hex) ?? 0) + 1
    seen.set(hex, n)
    out[starts[at]! - 1] = `${hex}:${n}`
    starts[at] = -1
  }
  const push = (c: number): void => {
    const leaving = window[at]!
    window[at] = c
    h = (BASE * h + BigInt(c) - BASE_POW_BLOCK * BigInt(leaving)) & MASK
    at = (at + 1) % BLOCK
  }
  const take = (code: number): void => {
    let c = code
    // Whitespace inside a line does not count, and CRLF is one line ending.
    if (c === SPACE || c === TAB || (afterCR && c === LF)) {
      afterCR = false
      return
    }
    afterCR = c === CR
    if (c === CR) c = LF
    if (starts[at] !== -1) emit()
    if (atLineStart) {
      atLineStart = false
      starts[at] = ++line
    }
    if (c === LF) atLineStart = true
    push(c)
  }

  for (let i = 0; i < text.length; i++) take(text.charCodeAt(i))
  take(EOF)
  for (let i = 0; i < BLOCK; i++) {
    if (starts[at] !== -1) emit()
    push(0)
  }
  return out
}

/** A stable id for findings that have no file line (a vulnerable package, a missing file). */
export function fallbackFingerprint(f: Finding): string {
  return createHash('sha256')
    .update(`${f.ruleId}\0${f.path}\0${f.path && f.line > 0 ? '' : f.message}`)
    .digest('hex')
    .slice(0, 16)
}

/**
 * Fills each finding's fingerprint: the line hash of its start line (clamped to the file) when
 * the file can be read, a hash of rule, path and message otherwise.
 */
export async function fingerprintFindings(findings: Finding[], root: string): Promise<void> {
  const files = new Map<string, Promise<string[] | null>>()
  const hashes = (p: string): Promise<string[] | null> => {
    let f = files.get(p)
    if (!f) {
      f = readFile(path.join(root, p), 'utf8').then(lineHashes, () => null)
      files.set(p, f)
    }
    return f
  }
  for (const f of findings) {
    if (f.fingerprint) continue
    const lines = f.path ? await hashes(f.path) : null
    if (lines && lines.length > 0) {
      const line = Math.min(Math.max(f.line, 1), lines.length)
      f.fingerprint = lines[line - 1]!
    } else f.fingerprint = fallbackFingerprint(f)
  }
}
