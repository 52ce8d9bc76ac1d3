// The cleanup pull request: committed junk (safe list only) removed by one commit on one branch
// rebuilt from the default branch head each run, one open PR updated in place, closed and the
// branch deleted when nothing is left. Candidates come from the default branch's tree, never
// from the workspace, so untracked files cannot be touched and the PR matches what it targets.
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Octokit } from '@octokit/rest'
import { createOctokit, describeGitHubError } from '../github/client.js'
import { commitFiles, gitBlobSha, readBranch, type FileChange } from '../github/git-data.js'
import {
  appendGitignore,
  planCleanup,
  type CleanupPlan,
  type Removal
} from '../cleanup/safe-list.js'
import type { Config } from '../config/types.js'
import type { PublishOutcome } from '../findings/model.js'
import type { PublishContext, Publisher } from './publisher.js'
import { code, fitBody, md } from './markdown.js'
import { notDefaultBranch } from './scope.js'

export const CLEANUP_MARKER = '<!-- pymaint:cleanup'
const CLOSED_MARKER = `${CLEANUP_MARKER} closed -->`

/** Identifies a plan, so a PR a maintainer closed is not proposed again for the same files. */
export function planDigest(plan: CleanupPlan, prefix: string): string {
  const paths = plan.remove.map(r => (prefix ? `${prefix}/${r.path}` : r.path)).sort()
  return createHash('sha256')
    .update(JSON.stringify([paths, plan.gitignoreAdditions]))
    .digest('hex')
    .slice(0, 16)
}

function markerFor(plan: CleanupPlan, prefix: string): string {
  return `${CLEANUP_MARKER} ${planDigest(plan, prefix)} -->`
}
const LISTED = 300

interface Repo {
  owner: string
  repo: string
}

/** The project directory relative to the repository root ('' when it is the root). */
export function projectPrefix(config: Pick<Config, 'workspace' | 'root'>): string {
  const rel = path.relative(config.workspace, config.root).split(path.sep).join('/')
  return rel === '.' ? '' : rel
}

export function cleanupTitle(plan: CleanupPlan): string {
  const n = plan.remove.length
  return `pymaint: remove ${n} committed cache/junk file${n === 1 ? '' : 's'}`
}

export function renderCleanupBody(plan: CleanupPlan, prefix: string): string {
  const byPattern = new Map<string, Removal[]>()
  for (const r of plan.remove) byPattern.set(r.pattern, [...(byPattern.get(r.pattern) ?? []), r])
  const lines = [
    'pymaint found files in the default branch that tools generate and that do not belong in version control. This pull request deletes them; nothing else changes.',
    '',
    '| Pattern | Why it is safe to remove | Files |',
    '| --- | --- | --- |'
  ]
  for (const [pattern, rs] of byPattern)
    lines.push(`| ${code(pattern)} | ${md(rs[0]!.reason)} | ${rs.length} |`)
  lines.push('', `<details><summary>Files removed (${plan.remove.length})</summary>`, '')
  for (const r of plan.remove.slice(0, LISTED))
    lines.push(`- ${code(prefix ? `${prefix}/${r.path}` : r.path)}`)
  if (plan.remove.length > LISTED) lines.push(`- … and ${plan.remove.length - LISTED} more`)
  lines.push('', '</details>', '')
  if (plan.gitignoreAdditions.length)
    lines.push(
      `It also adds ${plan.gitignoreAdditions.map(code).join(', ')} to ${code(prefix ? `${prefix}/.gitignore` : '.gitignore')} so they stay out.`,
      ''
    )
  lines.push(
    'Only tracked files matching the safe list are ever removed (extend or exclude patterns in `[tool.pymaint.cleanup]`). ' +
      `pymaint rebuilds this branch on the default branch each run and closes this PR when nothing is left to clean.`
  )
  return fitBody(lines.join('\n'), `\n\n${markerFor(plan, prefix)}\n`)
}

interface PullRef {
  number: number
  html_url: string
  title: string
  body: string | null
  merged_at?: string | null
}

async function openPull(octokit: Octokit, r: Repo, branch: string): Promise<PullRef | null> {
  const { data } = await octokit.rest.pulls.list({
    ...r,
    head: `${r.owner}:${branch}`,
    state: 'open',
    per_page: 10
  })
  return (data[0] as PullRef | undefined) ?? null
}

/** The latest closed, unmerged PR of the branch, when it proposed exactly this plan. */
async function declined(
  octokit: Octokit,
  r: Repo,
  branch: string,
  marker: string
): Promise<PullRef | null> {
  const { data } = await octokit.rest.pulls.list({
    ...r,
    head: `${r.owner}:${branch}`,
    state: 'closed',
    per_page: 1
  })
  const last = data[0] as PullRef | undefined
  return last && !last.merged_at && (last.body ?? '').includes(marker) ? last : null
}

async function deleteBranch(octokit: Octokit, r: Repo, branch: string): Promise<boolean> {
  // Look first: a clean repository then costs no write (and no 403 on a read-only token).
  try {
    await octokit.rest.git.getRef({ ...r, ref: `heads/${branch}` })
  } catch (e) {
    if ((e as { status?: number }).status === 404) return false
    throw e
  }
  try {
    await octokit.rest.git.deleteRef({ ...r, ref: `heads/${branch}` })
    return true
  } catch (e) {
    const s = (e as { status?: number }).status
    if (s === 404 || s === 422) return false
    throw e
  }
}

/** Whether the branch already holds exactly this cleanup on top of `baseSha` (no rewrite needed). */
async function upToDate(
  octokit: Octokit,
  r: Repo,
  branch: string,
  baseSha: string,
  expected: Map<string, string>
): Promise<boolean> {
  const head = await readBranch(octokit, r.owner, r.repo, branch)
  if (!head.commitSha || head.truncated) return false
  const { data } = await octokit.rest.git.getCommit({ ...r, commit_sha: head.commitSha })
  if (data.parents.length !== 1 || data.parents[0]!.sha !== baseSha) return false
  if (head.files.size !== expected.size) return false
  for (const [p, sha] of expected) if (head.files.get(p)?.sha !== sha) return false
  return true
}

function dryRun(ctx: PublishContext, plan: CleanupPlan, prefix: string): PublishOutcome {
  const n = plan.remove.length
  ctx.log.info(
    `Cleanup (dry run): ${n === 0 ? 'nothing to remove' : `${n} file(s) would be removed`}`
  )
  for (const r of plan.remove)
    ctx.log.info(
      `  would remove ${prefix ? `${prefix}/` : ''}${r.path}  (${r.pattern}: ${r.reason})`
    )
  if (plan.gitignoreAdditions.length)
    ctx.log.info(`  would add to .gitignore: ${plan.gitignoreAdditions.join(', ')}`)
  return {
    id: 'cleanup',
    result: 'skipped',
    reason: `dry-run: ${n} file(s) would be removed`,
    details: { remove: plan.remove, gitignoreAdditions: plan.gitignoreAdditions }
  }
}

export const cleanupPublisher: Publisher = {
  id: 'cleanup',
  title: 'Cleanup pull request',
  async publish(ctx: PublishContext): Promise<PublishOutcome> {
    const id = 'cleanup'
    const { cleanup } = ctx.config
    if (cleanup.mode === 'off') return { id, result: 'skipped', reason: 'cleanup: off' }
    const gh = ctx.github
    if (!gh) return { id, result: 'skipped', reason: 'not running on GitHub Actions' }
    const octokit = createOctokit(gh)
    const r = { owner: gh.owner, repo: gh.repo }
    const branch = cleanup.branch
    let step = 'read the default branch'
    let perm = 'contents: read'
    try {
      const off = await notDefaultBranch(gh, octokit)
      if (off) return { id, result: 'skipped', reason: off }
      const { data: repo } = await octokit.rest.repos.get(r)
      const defaultBranch = repo.default_branch
      if (branch === defaultBranch)
        return {
          id,
          result: 'failed',
          reason: `cleanup-branch must not be the default branch (${branch})`
        }
      const base = await readBranch(octokit, r.owner, r.repo, defaultBranch)
      if (!base.commitSha)
        return { id, result: 'skipped', reason: `${defaultBranch} has no commits` }
      if (base.truncated)
        return {
          id,
          result: 'failed',
          reason: `the tree of ${defaultBranch} is too large to read through the API`
        }
      const prefix = projectPrefix(ctx.config)
      const under = prefix ? `${prefix}/` : ''
      const tracked = [...base.files.keys()]
        .filter(p => p.startsWith(under))
        .map(p => p.slice(under.length))
      const gitignorePath = `${under}.gitignore`
      const gitignore = cleanup.gitignore
        ? ((await base.read(gitignorePath))?.toString('utf8') ?? '')
        : ''
      const plan = planCleanup(tracked, cleanup, gitignore)
      if (cleanup.mode === 'dry-run') return dryRun(ctx, plan, prefix)

      step = 'find the cleanup pull request'
      let pr = await openPull(octokit, r, branch)
      if (plan.remove.length === 0) {
        perm = 'pull-requests: write'
        if (pr) {
          step = `close pull request #${pr.number}`
          await octokit.rest.issues.createComment({
            ...r,
            issue_number: pr.number,
            body: `Nothing is left to clean on ${code(defaultBranch)}; closing.`
          })
          // Our own close drops the plan digest: the same junk committed again is proposed again.
          const body = (pr.body ?? '').replace(/<!-- pymaint:cleanup [^>]*-->/, CLOSED_MARKER)
          await octokit.rest.pulls.update({ ...r, pull_number: pr.number, state: 'closed', body })
        }
        step = `delete branch ${branch}`
        perm = 'contents: write'
        const deleted = await deleteBranch(octokit, r, branch)
        const what = pr
          ? `closed #${pr.number}${deleted ? ` and deleted ${branch}` : ''}`
          : deleted
            ? `deleted ${branch}`
            : ''
        if (what) ctx.log.info(`Cleanup: nothing left to clean; ${what}`)
        return {
          id,
          result: pr || deleted ? 'done' : 'skipped',
          reason: `nothing to clean${what ? `; ${what}` : ''}`
        }
      }

      if (!pr) {
        const closed = await declined(octokit, r, branch, markerFor(plan, prefix))
        if (closed) {
          ctx.log.info(
            `Cleanup: #${closed.number} proposed these files and was closed without merging; not proposing them again`
          )
          return {
            id,
            result: 'skipped',
            reason: `#${closed.number} with the same files was closed unmerged; exclude the patterns in [tool.pymaint.cleanup] to keep them`,
            url: closed.html_url
          }
        }
      }

      const repoPaths = new Set(plan.remove.map(x => `${under}${x.path}`))
      const changes: FileChange[] = [...repoPaths].map(p => ({ path: p, delete: true as const }))
      const expected = new Map<string, string>()
      for (const [p, f] of base.files) if (!repoPaths.has(p)) expected.set(p, f.sha)
      if (plan.gitignoreAdditions.length) {
        const content = appendGitignore(gitignore, plan.gitignoreAdditions)
        changes.push({ path: gitignorePath, content })
        expected.set(gitignorePath, gitBlobSha(content))
      }
      step = `update branch ${branch}`
      perm = 'contents: write'
      if (await upToDate(octokit, r, branch, base.commitSha, expected)) {
        ctx.log.info(`Cleanup: ${branch} is already up to date with ${defaultBranch}`)
      } else {
        const res = await commitFiles(octokit, {
          ...r,
          branch,
          message: `${cleanupTitle(plan)}\n\nGenerated by pymaint: tracked files matching the cleanup safe list.`,
          resetTo: base.commitSha,
          changes: () => changes
        })
        ctx.log.info(
          `Cleanup: ${branch} at ${res.commitSha.slice(0, 7)} removes ${res.deleted.length} file(s)`
        )
      }

      const title = cleanupTitle(plan)
      const body = renderCleanupBody(plan, prefix)
      perm = 'pull-requests: write'
      if (!pr) {
        step = 'open the cleanup pull request'
        try {
          const { data } = await octokit.rest.pulls.create({
            ...r,
            title,
            body,
            head: branch,
            base: defaultBranch
          })
          pr = data as PullRef
          ctx.log.info(`Cleanup: opened pull request #${pr.number}`)
        } catch (e) {
          // Another run opened it between our lookup and now.
          if (!/A pull request already exists for/i.test((e as Error).message ?? '')) throw e
          pr = await openPull(octokit, r, branch)
          if (!pr) throw e
        }
      }
      if (pr.title !== title || (pr.body ?? '') !== body) {
        step = `update pull request #${pr.number}`
        await octokit.rest.pulls.update({ ...r, pull_number: pr.number, title, body })
      }
      ctx.outputs['cleanup-pr'] = String(pr.number)
      return {
        id,
        result: 'done',
        url: pr.html_url,
        reason: `${plan.remove.length} file(s) in #${pr.number}`,
        details: { number: pr.number, removed: plan.remove.length }
      }
    } catch (e) {
      const msg = (e as Error).message ?? ''
      const why =
        (e as { status?: number }).status === 403 && /not permitted to create/i.test(msg)
          ? `GitHub Actions may not create pull requests here (403 ${msg.split('\n')[0]!.replace(/ - https:\/\/docs\.github\.com\S*/, '')}): enable "Allow GitHub Actions to create and approve pull requests" in Settings → Actions → General → Workflow permissions (and in the organisation's settings)`
          : describeGitHubError(e, perm)
      const left = step.startsWith('open the cleanup') ? ` (branch ${branch} holds the commit)` : ''
      return { id, result: 'failed', reason: `could not ${step}: ${why}${left}` }
    }
  }
}
