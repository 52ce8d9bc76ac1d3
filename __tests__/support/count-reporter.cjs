// Records jest's counts for scripts/test.sh, which prints the closing line CI reads
// ("N passed, N failed, N skipped"); jest's own summary is not read.
const { writeFileSync } = require('node:fs')

class CountReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    const skipped = results.numPendingTests + results.numTodoTests
    if (process.env.PYMAINT_COUNT_FILE)
      writeFileSync(process.env.PYMAINT_COUNT_FILE, `${passed} ${failed} ${skipped}\n`)
    else process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}
module.exports = CountReporter
