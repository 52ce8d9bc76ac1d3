// Entry of the action bundle (dist/index.js): only runs main.
import { run } from './main.js'

await run()
// The verdict is decided: a client still retrying in the background (an artifact upload past
// its deadline, a socket a stuck service holds open) must not keep the step running.
process.exit()
