// Entry of the action bundle (dist/index.js): only runs main.
import { run } from './main.js'

await run()
