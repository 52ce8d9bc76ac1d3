// The committed bundle (dist/index.js, checked fresh by .ci/run's check-dist step) runs as a
// runner runs it: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, on Node 20 (this
// machine) and on Node 24 (the runtime action.yml names), and exits 2 on bad input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../harness/bundle.js'
import { startGitHubEmulator, type GitHubEmulator } from '../harness/github-emulator.js'
import { removeRun, runAction, type ActionRun } from '../harness/runner.js'

const NODE24 = path.join(REPO_ROOT, '.cache', 'node24', 'node_modules', 'node', 'bin', 'node')
const entry = path.join(REPO_ROOT, 'dist', 'index.js')
const project = path.join(REPO_ROOT, 'examples', 'sample-project')

function node24(): string {
  // scripts/setup.sh installs it; a developer running jest alone gets it installed here.
  if (!existsSync(NODE24)) {
    execFileSync(
      'npm',
      [
        'install',
        '--silent',
        '--no-audit',
        '--no-fund',
        '--prefix',
        path.join(REPO_ROOT, '.cache', 'node24'),
        'node@24'
      ],
      { stdio: 'ignore' }
    )
  }
  return NODE24
}

let gh: GitHubEmulator
const runs: ActionRun[] = []
beforeAll(async () => {
  gh = await startGitHubEmulator({
    owner: 'octo-org',
    repo: 'sample',
    files: { 'README.md': '# sample\n' }
  })
}, 120_000)
afterAll(async () => {
  await gh.close()
  for (const r of runs) removeRun(r)
})

const offline = {
  'upload-sarif': 'false',
  cleanup: 'off',
  issues: 'false',
  'install-tools': 'never'
}

describe.each([
  ['Node 20', () => process.execPath, /^v20\./],
  ['Node 24', node24, /^v24\./]
])('dist/index.js on %s', (_name, nodeBin, version) => {
  it('runs the example project and writes outputs and the job summary', async () => {
    const bin = nodeBin()
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toMatch(version)
    const run = await runAction({
      project,
      entry,
      node: bin,
      github: gh,
      inputs: { checks: 'ruff,ruff-format', ...offline },
      event: { name: 'schedule', payload: { schedule: '0 3 * * 1' } }
    })
    runs.push(run)
    expect(run.outputs.status).toBe('failing')
    expect(run.exitCode).toBe(1)
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as {
      checks: { id: string; findings: unknown[] }[]
    }
    expect(report.checks.map(c => c.id)).toEqual(['ruff', 'ruff-format'])
    expect(report.checks.every(c => c.findings.length > 0)).toBe(true)
    for (const f of ['report.html', 'summary.md', 'badge.svg', 'badge.json', 'sarif/ruff.sarif'])
      expect(existsSync(path.join(run.outputs['report-dir']!, f))).toBe(true)
    expect(run.summary).toMatch(/## pymaint: .*failing/)
    expect(
      run.annotations.some(a => a.level === 'error' && a.file?.startsWith('src/samplepkg/'))
    ).toBe(true)
    expect(run.stderr).not.toMatch(/ExperimentalWarning|ERR_|TypeError/)
  }, 180_000)

  it('exits 2 with one error naming the input on bad input, and starts nothing', async () => {
    const run = await runAction({
      project,
      entry,
      node: nodeBin(),
      github: gh,
      inputs: { checks: 'ruff', 'coverage-threshold': 'abc', ...offline }
    })
    runs.push(run)
    expect(run.exitCode).toBe(2)
    const errors = run.annotations.filter(a => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toMatch(
      /^pymaint: input 'coverage-threshold': "abc" is not allowed; expected a number from 0 to 100$/
    )
    expect(run.outputs).toEqual({})
    expect(run.summary).toBe('')
  }, 120_000)
})
