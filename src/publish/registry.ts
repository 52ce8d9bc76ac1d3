// The publishers the action runs, in order: later ones link to what earlier ones produced.
import type { Publisher } from './publisher.js'
import { cleanupPublisher } from './cleanup.js'
import { issuePublisher } from './issue.js'
import { slackPublisher } from './slack.js'

export function publishers(): Publisher[] {
  // The issue links the cleanup PR; Slack reads the state the issue publisher found.
  return [cleanupPublisher, issuePublisher, slackPublisher]
}
