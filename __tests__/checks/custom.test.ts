// Custom checks from [tool.pymaint.checks.<id>]: a command that prints SARIF (and one that
// writes findings JSON to {output}) shows up in report.json with its findings and its gate.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import { scan } from '../../src/engine.js'
import { writeReports } from '../../src/reports/write.js'
import { run } from '../../src/tools/exec.js'
import type { Report } from '../../src/findings/model.js'

const FIXTURE = path.resolve('__tests__/fixtures/custom-check-project')

function cfg(dir: string, checks: string) {
  return loadConfig({
    explicit: { checks },
    source: 'flag',
    workspace: dir,
    project: '.',
    defaultOutDir: mkdtempSync(path.join(os.tmpdir(), 'pymaint-out-'))
  })
}

describe('custom checks', () => {
  it('a command printing SARIF appears in report.json with its findings and gate', async () => {
    const config = cfg(FIXTURE, 'todo,notes')
    const written = await writeReports(await scan(config), config)
    const report = JSON.parse(readFileSync(written.json, 'utf8')) as Report
    // What the command itself prints, run directly.
    const direct = await run('python3', ['scripts/todo_sarif.py', 'src'], { cwd: FIXTURE })
    const sarif = JSON.parse(direct.stdout) as {
      runs: {
        results: {
          message: { text: string }
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }
          }[]
        }[]
      }[]
    }
    const expected = sarif.runs[0]!.results.map(r => ({
      path: r.locations[0]!.physicalLocation.artifactLocation.uri,
      line: r.locations[0]!.physicalLocation.region.startLine,
      message: r.message.text
    }))
    const todo = report.checks.find(c => c.id === 'todo')!
    expect(todo.title).toBe('TODO markers')
    expect(todo.tool.name).toBe('todo-scan')
    expect(todo.findings.map(f => ({ path: f.path, line: f.line, message: f.message }))).toEqual(
      expected
    )
    expect(todo.findings.every(f => f.level === 'warning' && f.ruleId === 'todo')).toBe(true)
    expect(todo.status).toBe('failed')
    const gate = report.gates.find(g => g.id === 'todo')!
    expect(gate).toMatchObject({
      check: 'todo',
      passed: false,
      actual: expected.length,
      threshold: 1
    })
    // The findings-JSON variant, written to {output}, within its threshold of 5.
    const notes = report.checks.find(c => c.id === 'notes')!
    expect(notes.findings.map(f => `${f.path}:${f.line}:${f.level}`)).toEqual(
      expected.map(e => `${e.path}:${e.line}:note`)
    )
    expect(report.gates.find(g => g.id === 'notes')).toMatchObject({
      passed: true,
      status: 'warning'
    })
    expect(written.files.some(f => f.endsWith(path.join('sarif', 'todo.sarif')))).toBe(true)
  })

  it('a command that prints no results is an error with a one-line reason', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-custom-'))
    mkdirSync(path.join(dir, 'src'))
    writeFileSync(
      path.join(dir, 'pyproject.toml'),
      '[tool.pymaint.checks.broken]\ncommand = ["python", "-c", "import sys; sys.stderr.write(\'boom\\\\n\'); sys.exit(3)"]\n'
    )
    const report = await scan(cfg(dir, 'broken'))
    expect(report.checks[0]).toMatchObject({ id: 'broken', status: 'error' })
    expect(report.checks[0]!.reason).toMatch(/exited 3 and wrote no sarif results: boom/)
    expect(report.gates[0]).toMatchObject({ id: 'broken', status: 'warning' })
  })
})
