// GitHub Pages publisher: one commit per run on the Pages branch with the reports under
// runs/<date>-<run id>/ and latest/, the badge at the root, history.json and the index page.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { makeBadge } from 'badge-maker'
import type { Octokit } from '@octokit/rest'
import type { PublishContext, Publisher } from './publisher.js'
import type { PublishOutcome, Report } from '../findings/model.js'
import { createOctokit, describeGitHubError } from '../github/client.js'
import { commitFiles, type FileChange } from '../github/git-data.js'
import { addRun, entryFor, parseHistory, runFolder, strayFolders } from './pages-history.js'
import { renderIndex } from './pages-index.js'
import { notDefaultBranch } from './scope.js'

const PERMISSION = 'contents: write'

/** The report files a run folder gets: the top-level files (SARIF stays in the artifact). */
export async function pageFiles(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  const entries = await readdir(dir, { withFileTypes: true })
  for (const e of entries.filter(x => x.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1)))
    out.set(e.name, await readFile(path.join(dir, e.name)))
  return out
}

const COLOR = { passing: 'brightgreen', warning: 'yellow', failing: 'red' } as const

/** badge.json (shields.io endpoint) and badge.svg, when the report directory has none. */
export function fallbackBadge(report: Report): { json: string; svg: string } {
  const message = report.status
  const color = COLOR[report.status]
  return {
    json: JSON.stringify({ schemaVersion: 1, label: 'pymaint', message, color }) + '\n',
    svg: makeBadge({ label: 'pymaint', message, color })
  }
}

/** The site's base URL: what GitHub reports for Pages, else the default project-site address. */
export async function pagesBaseUrl(
  octokit: Octokit,
  owner: string,
  repo: string,
  log: PublishContext['log']
): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.getPages({ owner, repo })
    if (data.html_url) return data.html_url.replace(/\/?$/, '/')
  } catch (e) {
    if ((e as { status?: number }).status === 404)
      log.warning(
        `GitHub Pages: the branch is published, but Pages is not enabled for ${owner}/${repo}: Settings → Pages → Build and deployment → Deploy from a branch, then pick the pages branch and / (root)`
      )
  }
  const user = `${owner.toLowerCase()}.github.io`
  return repo.toLowerCase() === user ? `https://${user}/` : `https://${user}/${repo}/`
}

export async function publishPages(ctx: PublishContext): Promise<PublishOutcome> {
  const id = 'pages'
  const { pages, pagesBranch, pagesHistory } = ctx.config.publish
  if (!pages) return { id, result: 'skipped', reason: 'pages is false' }
  const gh = ctx.github
  if (!gh)
    return { id, result: 'skipped', reason: 'not running on GitHub Actions (no GITHUB_REPOSITORY)' }
  if (!gh.token)
    return { id, result: 'failed', reason: `no github-token: pass one with \`${PERMISSION}\`` }
  const files = await pageFiles(ctx.written.dir)
  const fallback = fallbackBadge(ctx.report)
  const badgeSvg = files.get('badge.svg') ?? Buffer.from(fallback.svg)
  const badgeJson = files.get('badge.json') ?? Buffer.from(fallback.json)
  const entry = entryFor(ctx.report, gh)
  const folder = runFolder(ctx.report.generatedAt, gh.runId)
  const octokit = createOctokit(gh)
  let kept = 0
  try {
    // The site is the default branch's history: a pull request's or a feature branch's report
    // would replace latest/ and the badge.
    const elsewhere = await notDefaultBranch(gh, octokit)
    if (elsewhere) return { id, result: 'skipped', reason: `not published to Pages: ${elsewhere}` }
    const result = await commitFiles(octokit, {
      owner: gh.owner,
      repo: gh.repo,
      branch: pagesBranch,
      message: `pymaint: ${ctx.report.status} report for run ${gh.runId} (${gh.sha.slice(0, 7)})`,
      createFrom: 'orphan',
      // Derived from the head each attempt: a concurrent run's entry survives a retry.
      async changes(head) {
        const previous = parseHistory(
          (await head.read('history.json'))?.toString('utf8') ?? null,
          `${gh.owner}/${gh.repo}`
        )
        const { history, dropped } = addRun(previous, entry, pagesHistory, new Date().toISOString())
        kept = history.runs.length
        const changes: FileChange[] = []
        for (const d of new Set([...dropped, ...strayFolders(head.files.keys(), history)]))
          changes.push({ path: `runs/${d}`, delete: true })
        changes.push({ path: `runs/${folder}`, delete: true }, { path: 'latest', delete: true })
        for (const [name, content] of files) {
          changes.push({ path: `runs/${folder}/${name}`, content })
          changes.push({ path: `latest/${name}`, content })
        }
        changes.push(
          { path: 'badge.svg', content: badgeSvg },
          { path: 'badge.json', content: badgeJson },
          { path: 'history.json', content: JSON.stringify(history, null, 2) + '\n' },
          { path: 'index.html', content: renderIndex(history) },
          { path: '.nojekyll', content: '' }
        )
        return changes
      }
    })
    const base = await pagesBaseUrl(octokit, gh.owner, gh.repo, ctx.log)
    const url = `${base}runs/${folder}/${files.has('report.html') ? 'report.html' : ''}`
    ctx.outputs['pages-url'] = url
    return {
      id,
      result: 'done',
      url,
      reason: `${result.committed ? 'committed' : 'unchanged'} ${pagesBranch}${result.created ? ' (new branch)' : ''}, ${kept} run${kept === 1 ? '' : 's'} kept`,
      details: {
        branch: pagesBranch,
        commit: result.commitSha,
        folder: `runs/${folder}/`,
        index: base,
        runsKept: kept,
        attempts: result.attempts,
        deleted: result.deleted.length
      }
    }
  } catch (e) {
    return { id, result: 'failed', reason: describeGitHubError(e, PERMISSION) }
  }
}

export const pagesPublisher: Publisher = {
  id: 'pages',
  title: 'GitHub Pages',
  publish: publishPages
}
