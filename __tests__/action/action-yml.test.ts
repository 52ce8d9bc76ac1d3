// action.yml is the action's public contract: it must match the settings table, run on node24
// from the committed bundle, and declare no default for settings pyproject may set.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { OPTIONS } from '../../src/config/options.js'
import { VERSION } from '../../src/version.js'

const yml = readFileSync('action.yml', 'utf8')

function block(name: 'inputs' | 'outputs'): Map<string, string> {
  const m = new RegExp(`^${name}:\\n((?:  .*\\n|\\n)*)`, 'm').exec(yml)
  const out = new Map<string, string>()
  if (!m) return out
  let current = ''
  for (const line of m[1]!.split('\n')) {
    const key = /^ {2}([a-z0-9-]+):\s*$/.exec(line)
    if (key) {
      current = key[1]!
      out.set(current, '')
    } else if (current) out.set(current, out.get(current)! + line.trim() + '\n')
  }
  return out
}

describe('action.yml', () => {
  const inputs = block('inputs')
  it('runs the committed bundle on node24', () => {
    expect(yml).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/index\.js/m)
    expect(yml).toMatch(/^branding:/m)
  })
  it('declares exactly the settings the action reads', () => {
    const expected = [
      ...OPTIONS.filter(o => o.from.input).map(o => o.name),
      'working-directory',
      'report-dir'
    ].sort()
    expect([...inputs.keys()].sort()).toEqual(expected)
  })
  it('documents every input, and only input-only settings have defaults', () => {
    for (const [name, body] of inputs) {
      expect(body).toMatch(/description:/)
      const opt = OPTIONS.find(o => o.name === name)
      if (opt?.from.pyproject) expect(`${name}: ${body}`).not.toMatch(/\bdefault:/)
    }
  })
  it('documents the outputs of DESIGN.md', () => {
    expect([...block('outputs').keys()].sort()).toEqual([
      'artifact-id',
      'cleanup-pr',
      'issue-number',
      'pages-url',
      'report-dir',
      'report-json',
      'status'
    ])
  })
  it('keeps the version in step with package.json', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(VERSION)
  })
})
