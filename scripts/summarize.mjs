// Prints the single closing line CI reads ("N passed, N failed") from the runners' JSON reports
// and exits non-zero when anything failed, including a step that is not a test (type-check, build).
import { existsSync, readFileSync } from 'node:fs';

// staticCheckStatus: the exit status of scripts/electronegativity.mjs, counted as one test when given.
const [failedSteps, vitestStatus, vitestReport, playwrightReport, playwrightStatus, staticCheckStatus] = process.argv.slice(2);
let passed = 0;
let failed = Number(failedSteps) || 0;
let skipped = 0;

if (vitestReport && existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
} else {
  failed += 1;
}
if (Number(vitestStatus) !== 0 && failed === 0) failed += 1;

if (playwrightReport) {
  if (existsSync(playwrightReport)) {
    const report = JSON.parse(readFileSync(playwrightReport, 'utf8'));
    const { stats } = report;
    passed += stats.expected + (stats.flaky ?? 0);
    failed += stats.unexpected;
    skipped += stats.skipped;
    // A failed global setup or an error outside any test fails the run without failing a test.
    const isRunBroken = (report.errors ?? []).length > 0 || (Number(playwrightStatus ?? 0) !== 0 && stats.unexpected === 0);
    if (isRunBroken) failed += 1;
  } else {
    failed += 1;
  }
}

if (staticCheckStatus !== undefined && staticCheckStatus !== '') {
  if (Number(staticCheckStatus) === 0) passed += 1;
  else failed += 1;
}

// CI reads the last line: exactly "N passed, N failed". Skips (e.g. the Electron spec on a machine
// without the Electron binary) are reported on the line before it.
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
