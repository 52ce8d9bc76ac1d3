import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fingerprintFindings, lineHashes } from '../../src/findings/fingerprints.js'
import type { Finding } from '../../src/findings/model.js'

// The vectors published in github/codeql-action src/fingerprints.test.ts.
const VECTORS: [string, string[]][] = [
  ['', ['c129715d7a2bc9a3:1']],
  [
    ' a\nb\n  \t\tc\n d',
    ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']
  ],
  [
    ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End',
    [
      '8b7cf3e952e7aeb2:1',
      'b1ae1287ec4718d9:1',
      'bff680108adb0fcc:1',
      'c6805c5e1288b612:1',
      'b86d3392aea1be30:1',
      'e6ceba753e1a442:1'
    ]
  ]
]
const WITH_EOL = [
  'e9496ae3ebfced30:1',
  'fb7c023a8b9ccb3f:1',
  'ce8ba1a563dcdaca:1',
  'e20e36e16fcb0cc8:1',
  'b3edc88f2938467e:1',
  'c8e28b0b4002a3a0:1',
  'c129715d7a2bc9a3:1'
]
for (const t of [
  ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n',
  ' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r',
  ' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n',
  ' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n'
])
  VECTORS.push([t, WITH_EOL])
VECTORS.push([
  'Lorem ipsum dolor sit amet.\n'.repeat(10),
  [
    'a7f2ff13bc495cf2:1',
    'a7f2ff13bc495cf2:2',
    'a7f2ff13bc495cf2:3',
    'a7f2ff13bc495cf2:4',
    'a7f2ff13bc495cf2:5',
    'a7f2ff13bc495cf2:6',
    'a7f2ff1481e87703:1',
    'a9cf91f7bbf1862b:1',
    '55ec222b86bcae53:1',
    'cc97dc7b1d7d8f7b:1',
    'c129715d7a2bc9a3:1'
  ]
])

describe('lineHashes (codeql primaryLocationLineHash)', () => {
  it.each(VECTORS.map(([t, h], i) => [i, t, h] as const))('vector %i', (_i, text, expected) => {
    expect(lineHashes(text)).toEqual(expected)
  })
})

function finding(p: string, line: number, ruleId = 'F401'): Finding {
  return { ruleId, level: 'error', message: 'm', path: p, line, column: 1, fingerprint: '' }
}

describe('fingerprintFindings', () => {
  const body = [
    'import os',
    '',
    'def handler(request):',
    '    eval(request.body)  # the finding',
    '    return None',
    ''
  ].join('\n')

  it('is stable when unrelated lines are added above the finding', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-fp-'))
    writeFileSync(path.join(dir, 'a.py'), body)
    const before = [finding('a.py', 4), finding('a.py', 1)]
    await fingerprintFindings(before, dir)
    const extra = ['"""Module docstring."""', 'import sys', 'X = 1  # unrelated', '']
    writeFileSync(path.join(dir, 'a.py'), extra.join('\n') + body)
    const after = [finding('a.py', 4 + extra.length - 1)]
    await fingerprintFindings(after, dir)
    expect(after[0]!.fingerprint).toBe(before[0]!.fingerprint)
    expect(before[0]!.fingerprint).toMatch(/^[0-9a-f]{1,16}:1$/)
    expect(before[0]!.fingerprint).toBe(lineHashes(body)[3])
    // A different line gets a different hash.
    expect(before[1]!.fingerprint).not.toBe(before[0]!.fingerprint)
  })

  it('clamps lines past the end and falls back for findings without a file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-fp-'))
    writeFileSync(path.join(dir, 'b.py'), 'x = 1\n')
    const fs = [finding('b.py', 99), finding('', 0, 'PYSEC-1'), finding('missing.py', 3)]
    fs[1]!.message = 'jinja2 2.0 has PYSEC-1'
    await fingerprintFindings(fs, dir)
    expect(fs[0]!.fingerprint).toBe(lineHashes('x = 1\n').at(-1))
    expect(fs[1]!.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(fs[2]!.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    const again = [finding('', 0, 'PYSEC-1')]
    again[0]!.message = 'jinja2 2.0 has PYSEC-1'
    await fingerprintFindings(again, dir)
    expect(again[0]!.fingerprint).toBe(fs[1]!.fingerprint)
  })
})
