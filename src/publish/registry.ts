// The publishers the action runs, in order: later ones link to what earlier ones produced
// (the issue and Slack message link the code scanning results, the Pages report, the artifact).
import type { Publisher } from './publisher.js'
import { codeScanning } from './code-scanning.js'
import { pagesPublisher } from './pages.js'
import { artifact } from './artifact.js'

export function publishers(): Publisher[] {
  return [
    codeScanning,
    pagesPublisher,
    artifact
    // The maintenance publishers (branch `maint`) follow here: cleanup PR, issue, Slack.
  ]
}
