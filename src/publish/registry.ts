// The publishers the action runs, in order: later ones link to what earlier ones produced
// (the issue and Slack message link the code scanning results, the Pages report, the artifact).
import type { Publisher } from './publisher.js'
import { codeScanning } from './code-scanning.js'
import { pagesPublisher } from './pages.js'
import { artifact } from './artifact.js'
import { cleanupPublisher } from './cleanup.js'
import { issuePublisher } from './issue.js'
import { slackPublisher } from './slack.js'

export function publishers(): Publisher[] {
  // The issue links the cleanup PR; Slack reads the state the issue publisher found.
  return [codeScanning, pagesPublisher, artifact, cleanupPublisher, issuePublisher, slackPublisher]
}
