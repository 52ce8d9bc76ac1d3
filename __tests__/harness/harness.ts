// One call that starts the GitHub emulator, the results service and the Slack receiver, runs
// the action against all three, and stops them all (ports closed, run temp trees removed).
import { startArtifactService, type ArtifactService } from './artifact-service.js'
import {
  startGitHubEmulator,
  type GitHubEmulator,
  type GitHubEmulatorOptions
} from './github-emulator.js'
import { removeRun, runAction, type ActionRun, type RunOptions } from './runner.js'
import { startSlackReceiver, type SlackReceiver } from './slack-receiver.js'

export interface Harness {
  github: GitHubEmulator
  artifacts: ArtifactService
  slack: SlackReceiver
  /** runAction wired to this harness; each call is a new run (new run id) on the same state. */
  run(opts?: RunOptions): Promise<ActionRun>
  /** Stops every server and removes every run's temp tree (unless keepRuns). */
  close(): Promise<void>
}

export async function startHarness(
  opts: GitHubEmulatorOptions & { keepRuns?: boolean } = {}
): Promise<Harness> {
  const [github, artifacts, slack] = await Promise.all([
    startGitHubEmulator(opts),
    startArtifactService(),
    startSlackReceiver()
  ])
  const runs: ActionRun[] = []
  return {
    github,
    artifacts,
    slack,
    async run(o: RunOptions = {}) {
      const r = await runAction({ github, artifacts, ...o })
      runs.push(r)
      return r
    },
    async close() {
      await Promise.all([github.close(), artifacts.close(), slack.close()])
      if (!opts.keepRuns) for (const r of runs) removeRun(r)
    }
  }
}
