// Markdown for bodies GitHub renders (issue, pull request): tool and user text is escaped so it
// cannot mention people, close issues, inject HTML or break a table.
import type { PublishOutcome, Report } from '../findings/model.js'

/** Escapes text for a Markdown table cell or list item. */
export function md(text: string, max = 300): string {
  const one = text.replace(/\s+/g, ' ').trim()
  const cut = one.length > max ? `${one.slice(0, max - 1)}…` : one
  return cut
    .replace(/[\\`*_[\]<>|#]/g, c => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/&/g, '&amp;')
}

/** A code span that survives backticks in the text. */
export function code(text: string): string {
  const t = text.replace(/\s+/g, ' ')
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map(s => s.length))
  const fence = '`'.repeat(longest + 1)
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${t}${pad}${fence}`
}

const LINK_TITLES: Record<string, string> = {
  'code-scanning': 'Code scanning alerts',
  artifact: 'Report artifact',
  pages: 'Report on GitHub Pages',
  cleanup: 'Cleanup pull request'
}

/** The run and whatever earlier publishers produced, as Markdown list items. */
export function linkList(report: Report, previous: PublishOutcome[]): string[] {
  const out: string[] = []
  if (report.run?.url) out.push(`- [Workflow run ${md(report.run.runId)}](${report.run.url})`)
  for (const o of previous) {
    if (o.result !== 'done' || !o.url || !/^https?:\/\//.test(o.url)) continue
    out.push(
      `- [${LINK_TITLES[o.id] ?? md(o.id)}](${o.url.replace(/[()\s]/g, encodeURIComponent)})`
    )
  }
  return out
}

/** Cuts a body to GitHub's 65,536-character limit, keeping the tail (the hidden marker). */
export function fitBody(head: string, tail: string, limit = 65_000): string {
  if (head.length + tail.length <= limit) return head + tail
  return `${head.slice(0, limit - tail.length - 40)}\n\n… (truncated)\n${tail}`
}
