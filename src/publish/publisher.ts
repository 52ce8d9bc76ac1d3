// Publishers are the only code with side effects outside the report directory. Each returns
// done | skipped(reason) | failed(reason) and never throws past runPublishers.
import type { Config } from '../config/types.js'
import type { PublishOutcome, Report } from '../findings/model.js'
import type { WrittenReports } from '../reports/write.js'
import type { GitHubRun } from '../github/context.js'

export interface PublishLog {
  info(msg: string): void
  warning(msg: string): void
}

export interface PublishContext {
  config: Config
  report: Report
  written: WrittenReports
  /** null when not running on GitHub Actions (the CLI). */
  github: GitHubRun | null
  log: PublishLog
  /** Outputs publishers set (`artifact-id`, `pages-url`, …). */
  outputs: Record<string, string>
  /** Outcomes of the publishers that already ran (later ones link to earlier ones). */
  previous: PublishOutcome[]
}

export interface Publisher {
  id: string
  title: string
  publish(ctx: PublishContext): Promise<PublishOutcome>
}

export async function runPublishers(
  publishers: Publisher[],
  ctx: PublishContext
): Promise<PublishOutcome[]> {
  const outcomes: PublishOutcome[] = []
  for (const p of publishers) {
    let o: PublishOutcome
    try {
      o = await p.publish({ ...ctx, previous: outcomes })
    } catch (e) {
      o = { id: p.id, result: 'failed', reason: (e as Error).message?.split('\n')[0] ?? String(e) }
    }
    if (o.result === 'failed') ctx.log.warning(`${p.title}: failed: ${o.reason ?? 'unknown error'}`)
    else if (o.result === 'skipped') ctx.log.info(`${p.title}: skipped: ${o.reason ?? ''}`)
    else ctx.log.info(`${p.title}: done${o.url ? ` (${o.url})` : ''}`)
    outcomes.push(o)
  }
  return outcomes
}
