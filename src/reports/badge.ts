// badge.svg (rendered by badge-maker, shields.io's renderer) and badge.json (the shields.io
// endpoint format), both saying the verdict.
import { makeBadge } from 'badge-maker'
import type { Report } from '../findings/model.js'

const COLORS = { passing: 'green', warning: 'yellow', failing: 'red' } as const

export interface BadgeJson {
  schemaVersion: 1
  label: string
  message: string
  color: string
}

export function badgeMessage(report: Report): string {
  const count = (s: string): number => report.gates.filter(g => g.status === s).length
  const gates = (n: number): string => `${n} gate${n === 1 ? '' : 's'}`
  if (report.status === 'failing') return `${gates(count('failed'))} failing`
  if (report.status === 'warning') return `${gates(count('warning'))} warning`
  return 'passing'
}

export function renderBadgeJson(report: Report): BadgeJson {
  return {
    schemaVersion: 1,
    label: 'pymaint',
    message: badgeMessage(report),
    color: COLORS[report.status]
  }
}

export function renderBadgeSvg(report: Report): string {
  const b = renderBadgeJson(report)
  return makeBadge({ label: b.label, message: b.message, color: b.color, style: 'flat' })
}
