// Writes jest's aggregated result of one project to $JEST_RESULTS_DIR/<project>.json, so
// `.ci/run` can total the tests of every project that nx ran. Does nothing when the variable
// is unset.
const fs = require('node:fs');
const path = require('node:path');

class JsonResultReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.JEST_RESULTS_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const project = path.basename(this.globalConfig.rootDir);
    const summary = {
      project,
      numPassedTests: results.numPassedTests,
      numFailedTests: results.numFailedTests,
      numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
      numTotalTests: results.numTotalTests,
      success: results.success,
    };
    fs.writeFileSync(path.join(dir, `${project}.json`), JSON.stringify(summary, null, 2));
  }
}

module.exports = JsonResultReporter;
