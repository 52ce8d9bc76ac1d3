// The publishers the action runs, in order: later ones link to what earlier ones produced.
import type { Publisher } from './publisher.js'

export function publishers(): Publisher[] {
  return []
}
