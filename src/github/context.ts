// What a publisher needs to know about the GitHub run, read once from the runner's environment.
import { readFileSync } from 'node:fs'

export interface GitHubRun {
  token: string
  apiUrl: string
  serverUrl: string
  owner: string
  repo: string
  sha: string
  ref: string
  runId: string
  runAttempt: string
  eventName: string
  event: Record<string, unknown>
  workflow: string
  runUrl: string
}

export function readGitHubRun(
  token: string,
  env: NodeJS.ProcessEnv = process.env
): GitHubRun | null {
  const repository = env.GITHUB_REPOSITORY
  if (!repository || !repository.includes('/')) return null
  const [owner, repo] = repository.split('/') as [string, string]
  let event: Record<string, unknown> = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>
    } catch {
      event = {}
    }
  }
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '')
  const runId = env.GITHUB_RUN_ID ?? '0'
  return {
    token,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    serverUrl,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    workflow: env.GITHUB_WORKFLOW ?? '',
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`
  }
}
