// Entry of the CLI bundle (dist/cli/index.js).
import { main } from './cli.js'

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code
  },
  e => {
    process.stderr.write(`pymaint: internal error: ${(e as Error).stack ?? String(e)}\n`)
    process.exitCode = 2
  }
)
