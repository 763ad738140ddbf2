// Prints the single closing line CI reads ("N passed, N failed") from the runners' JSON reports
// and exits non-zero when anything failed, including a step that is not a test (type-check, build).
import { existsSync, readFileSync } from 'node:fs';

const [failedSteps, vitestStatus, vitestReport, playwrightReport] = process.argv.slice(2);
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
    const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats;
    passed += stats.expected + (stats.flaky ?? 0);
    failed += stats.unexpected;
    skipped += stats.skipped;
  } else {
    failed += 1;
  }
}

const tail = skipped ? `, ${skipped} skipped` : '';
console.log(`${passed} passed, ${failed} failed${tail}`);
process.exit(failed > 0 ? 1 : 0);
