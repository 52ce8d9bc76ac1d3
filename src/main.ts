// The action: inputs → config → scan → reports → publishers → summary, annotations, outputs.
// Exit code: 0 gates pass (per fail-on), 1 gates fail, 2 configuration error.
import * as core from '@actions/core'
import path from 'node:path'
import { loadConfig } from './config/load.js'
import { isConfigError } from './config/errors.js'
import { OPTIONS } from './config/options.js'
import { scan } from './engine.js'
import { failsRun } from './gates.js'
import { renderChecklist } from './reports/checklist.js'
import { writeReports } from './reports/write.js'
import { selectAnnotations } from './reports/annotations.js'
import { defaultManifest, sarifOptions } from './reports/sarif.js'
import { projectSources } from './reports/sources.js'
import { renderSummary } from './reports/summary.js'
import { renderJson } from './reports/json.js'
import { readGitHubRun } from './github/context.js'
import { runPublishers } from './publish/publisher.js'
import { publishers } from './publish/registry.js'
import { writeFile } from 'node:fs/promises'

export async function run(): Promise<void> {
  const explicit: Record<string, string> = {}
  for (const o of OPTIONS) if (o.from.input) explicit[o.name] = core.getInput(o.name)
  const reportDir = core.getInput('report-dir')
  if (reportDir) explicit.out = reportDir
  for (const secret of [explicit['github-token'], explicit['slack-webhook-url']])
    if (secret) core.setSecret(secret)
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const tmp = process.env.RUNNER_TEMP || path.join(workspace, '..')
  let config
  try {
    config = loadConfig({
      explicit,
      source: 'input',
      workspace,
      project: core.getInput('working-directory') || '.',
      defaultOutDir: path.join(tmp, 'pymaint-reports')
    })
  } catch (e) {
    if (isConfigError(e)) {
      core.setFailed(`pymaint: ${e.message}`)
      process.exitCode = 2
      return
    }
    core.setFailed(`pymaint: internal error: ${(e as Error).stack ?? String(e)}`)
    return
  }
  try {
    const report = await core.group('pymaint checks', () =>
      scan(config, { log: l => core.info(l) })
    )
    const gh = readGitHubRun(config.publish.githubToken || process.env.GITHUB_TOKEN || '')
    if (gh)
      report.run = {
        repository: `${gh.owner}/${gh.repo}`,
        sha: gh.sha,
        ref: gh.ref,
        runId: gh.runId,
        url: gh.runUrl,
        event: gh.eventName
      }
    const written = await writeReports(report, config)
    core.info(renderChecklist(report))
    core.setOutput('status', report.status)
    core.setOutput('report-dir', written.dir)
    core.setOutput('report-json', written.json)
    const outputs: Record<string, string> = {}
    const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) }
    const outcomes = await runPublishers(publishers(), {
      config,
      report,
      written,
      github: gh,
      log,
      outputs,
      previous: []
    })
    if (outcomes.length) {
      report.publish = outcomes
      await writeFile(written.json, renderJson(report))
    }
    for (const [k, v] of Object.entries(outputs)) core.setOutput(k, v)
    const fails = failsRun(report.status, config.failOn)
    const sources = projectSources(config.root)
    const { prefix } = sarifOptions(config, sources, report.pymaint.version)
    // setFailed below adds one error annotation of its own.
    for (const a of selectAnnotations(report, {
      prefix,
      manifest: defaultManifest(config, sources),
      reserveErrors: fails ? 1 : 0
    }))
      core[a.level](a.message, a.properties)
    // Rendered again: publisher outcomes (links) are known only now.
    const summary = renderSummary(report, { prefix })
    if (outcomes.length) await writeFile(written.summary, summary)
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write()
    // A publisher asked for explicitly (upload-sarif: true) fails the step; others only warn.
    const required = outcomes.filter(o => o.result === 'failed' && o.required)
    if (required.length)
      core.setFailed(
        `pymaint: ${required.map(o => `${o.id} failed: ${o.reason ?? 'unknown error'}`).join('; ')}`
      )
    if (fails) {
      const failing = report.gates.filter(g => g.status === 'failed').map(g => g.id)
      core.setFailed(
        `pymaint: verdict ${report.status}${failing.length ? ` (gates failing: ${failing.join(', ')})` : ''}`
      )
    }
  } catch (e) {
    core.setFailed(`pymaint: internal error: ${(e as Error).stack ?? String(e)}`)
  }
}
