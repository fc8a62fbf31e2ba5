// Prints the one line CI reads: "N passed, N failed". A suite that crashed before running its
// tests counts as one failure, so a broken file cannot pass unnoticed.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const crashed = results.testResults.filter(
      (suite) => suite.testExecError && suite.numFailingTests === 0,
    ).length;
    const failed = results.numFailedTests + crashed;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryReporter;
