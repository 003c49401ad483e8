// mocha's spec reporter, plus the closing line CI reads: "N passed, N failed". Run by
// tools/test-run.mjs (which may run several mocha processes), it writes the counts to
// MOCHA_SUMMARY_FILE instead, and the runner prints the one line for all of them.
const Mocha = require("mocha");
const { Spec } = Mocha.reporters;
const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    // The failing tests' full titles and first message line, so the runner can repeat them last:
    // CI shows only the tail of a long log.
    const failed = [];
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      failed.push(`${test.fullTitle()}: ${String(err && err.message || err).split("\n")[0].slice(0, 300)}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats;
      if (process.env.MOCHA_SUMMARY_FILE) {
        require("node:fs").writeFileSync(process.env.MOCHA_SUMMARY_FILE, JSON.stringify({ passes: s.passes, failures: s.failures, pending: s.pending, failed }));
        return;
      }
      const skipped = s.pending ? `, ${s.pending} skipped` : "";
      process.stdout.write(`\n${s.passes} passed, ${s.failures} failed${skipped}\n`);
    });
  }
}
module.exports = SummaryReporter;
