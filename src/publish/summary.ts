// The job summary's publishing section: one row per publisher with its result and why, so a
// skipped upload or a failed Pages commit is visible without reading the log.
import type { PublishOutcome } from '../findings/model.js'

const ICON = { done: '✅', skipped: '⏭️', failed: '⚠️' } as const

function cell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
}

export function renderPublishSection(outcomes: PublishOutcome[]): string {
  if (outcomes.length === 0) return ''
  const rows = outcomes.map(o => {
    const link =
      o.url && /^https?:\/\//.test(o.url)
        ? ` ([link](${o.url.replace(/[()\s]/g, encodeURIComponent)}))`
        : ''
    return `| ${cell(o.id)} | ${ICON[o.result]} ${o.result}${o.required && o.result === 'failed' ? ' (required)' : ''} | ${cell(o.reason ?? '')}${link} |`
  })
  return (
    [
      '### Publishing',
      '',
      '| Publisher | Result | Details |',
      '| --- | --- | --- |',
      ...rows,
      ''
    ].join('\n') + '\n'
  )
}
