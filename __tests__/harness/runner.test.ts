// The bundled action, built from the current source, runs through the runner helper exactly
// as on a GitHub runner, against the emulator; outputs, summary and annotations come back.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ensureBundle, REPO_ROOT } from './bundle.js'
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator.js'
import { processGroupAlive, removeRun, runAction, type ActionRun } from './runner.js'
import { parseCommands, parseEnvFile } from './runner-files.js'

const fixture = path.join(REPO_ROOT, '__tests__', 'fixtures', 'harness-project')
// The runtime action.yml declares (node24); `npm run setup` installs it here.
const NODE24 = path.join(REPO_ROOT, '.cache', 'node24', 'node_modules', 'node', 'bin', 'node')
const onNode24 = existsSync(NODE24) ? it : it.skip
// examples/sample-project lands from another branch; run on it as soon as it is there.
const SAMPLE = path.join(REPO_ROOT, 'examples', 'sample-project')
const onSample = existsSync(SAMPLE) ? it : it.skip

describe('runner file and command parsing', () => {
  it('reads heredoc outputs as @actions/core writes them, and name=value lines', () => {
    const text =
      'status<<ghadelimiter_1a\nfailing\nghadelimiter_1a\nmulti<<ghadelimiter_2b\na\nb\nghadelimiter_2b\nplain=x=y\n'
    expect(parseEnvFile(text)).toEqual({ status: 'failing', multi: 'a\nb', plain: 'x=y' })
  })
  it('decodes annotation properties and messages', () => {
    const { annotations } = parseCommands(
      '::error file=src/a%2Cb.py,line=3,col=8,title=ruff F401::`os` imported%0Abut unused 100%25\n::warning::plain\nnoise\n'
    )
    expect(annotations).toEqual([
      {
        level: 'error',
        file: 'src/a,b.py',
        line: 3,
        col: 8,
        title: 'ruff F401',
        message: '`os` imported\nbut unused 100%'
      },
      { level: 'warning', message: 'plain' }
    ])
  })
})

describe('the bundled action through the runner helper', () => {
  let gh: GitHubEmulator
  let entry: string
  const runs: ActionRun[] = []

  beforeAll(async () => {
    entry = ensureBundle()
    gh = await startGitHubEmulator({ files: { 'README.md': '# demo\n' } })
  }, 300_000)
  afterAll(async () => {
    await gh.close()
    for (const r of runs) removeRun(r)
  })

  it('runs ruff on the fixture and reports status, report dir, report.json and the summary', async () => {
    const run = await runAction({
      project: fixture,
      entry,
      github: gh,
      inputs: { checks: 'ruff', 'install-tools': 'never' },
      event: { name: 'workflow_dispatch' }
    })
    runs.push(run)
    expect(run.env['INPUT_GITHUB-TOKEN']).toBe('ghs_harness_token')
    expect(run.env.GITHUB_SERVER_URL).toBeUndefined()
    expect(run.outputs.status).toBe('failing')
    expect(run.exitCode).toBe(1)
    const reportJson = run.outputs['report-json']!
    expect(reportJson).toBe(path.join(run.outputs['report-dir']!, 'report.json'))
    expect(run.outputs['report-dir']!.startsWith(run.runnerTemp)).toBe(true)
    const report = JSON.parse(readFileSync(reportJson, 'utf8')) as {
      status: string
      checks: {
        id: string
        status: string
        findings: { ruleId: string; path: string; line: number }[]
      }[]
    }
    expect(report.status).toBe('failing')
    expect(report.checks.map(c => c.id)).toEqual(['ruff'])
    expect(report.checks[0]!.findings).toEqual([
      expect.objectContaining({ ruleId: 'F401', path: 'src/harness_demo/__init__.py', line: 3 })
    ])
    expect(run.summary).toMatch(/^## pymaint: .*failing/m)
    expect(run.summary).toContain('ruff')
    expect(
      run.annotations.some(a => a.level === 'error' && a.message.includes('verdict failing'))
    ).toBe(true)
    expect(processGroupAlive(run.pid)).toBe(false)
  })

  it('runs again on a clean project against the same emulator with a new run id', async () => {
    const run = await runAction({
      project: fixture,
      files: { 'src/harness_demo/__init__.py': '"""Clean."""\n' },
      entry,
      github: gh,
      inputs: { checks: 'ruff', 'install-tools': 'never' },
      event: { name: 'schedule' }
    })
    runs.push(run)
    expect(run.runId).not.toBe(runs[0]!.runId)
    expect(JSON.parse(readFileSync(run.env.GITHUB_EVENT_PATH!, 'utf8'))).toMatchObject({
      schedule: expect.any(String)
    })
    expect(run.outputs.status).toBe('passing')
    expect(run.exitCode).toBe(0)
    expect(run.summary).toMatch(/^## pymaint: .*passing/m)
    expect(gh.invalidRequests()).toEqual([])
  })

  onNode24('runs the same bundle on Node 24, the runtime action.yml declares', async () => {
    const run = await runAction({
      project: fixture,
      entry,
      node: NODE24,
      github: gh,
      inputs: { checks: 'ruff', 'install-tools': 'never' }
    })
    runs.push(run)
    expect(run.stderr).not.toMatch(/Error|Warning/)
    expect([run.exitCode, run.outputs.status]).toEqual([1, 'failing'])
  })

  onSample('runs on examples/sample-project and writes a report matching its outputs', async () => {
    const run = await runAction({
      project: SAMPLE,
      entry,
      github: gh,
      inputs: { checks: 'ruff', 'install-tools': 'never' }
    })
    runs.push(run)
    // A configuration error in the example's pyproject shows up here with its own message.
    expect(
      run.annotations.filter(a => a.level === 'error' && a.message.includes('[tool.pymaint'))
    ).toEqual([])
    expect(['passing', 'warning', 'failing']).toContain(run.outputs.status)
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as {
      status: string
      checks: { id: string }[]
    }
    expect(report.status).toBe(run.outputs.status)
    expect(report.checks.map(c => c.id)).toEqual(['ruff'])
    expect(run.summary).toMatch(new RegExp(`^## pymaint: .*${report.status}`, 'm'))
    expect(run.exitCode).toBe(report.status === 'failing' ? 1 : 0)
  })
})
