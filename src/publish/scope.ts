// The maintenance publishers (cleanup PR, issue, Slack) speak for the default branch, so they act
// only on runs of it: a pull request's or a feature branch's verdict must not open, close or
// announce anything about the repository.
import type { Octokit } from '@octokit/rest'
import type { GitHubRun } from '../github/context.js'

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group'])

/** null when the run is on the default branch; otherwise why the publisher skips. */
export async function notDefaultBranch(gh: GitHubRun, octokit: Octokit): Promise<string | null> {
  if (PR_EVENTS.has(gh.eventName))
    return `a ${gh.eventName} run speaks for the pull request, not the default branch`
  const repo = gh.event.repository as { default_branch?: unknown } | undefined
  let branch = typeof repo?.default_branch === 'string' ? repo.default_branch : null
  if (!branch)
    branch = (await octokit.rest.repos.get({ owner: gh.owner, repo: gh.repo })).data.default_branch
  if (gh.ref && gh.ref !== `refs/heads/${branch}`)
    return `the run is on ${gh.ref}, not the default branch ${branch}`
  return null
}
