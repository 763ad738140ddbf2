// The static security check of the built app (issue 5, docs/security.md): runs Doyensec's
// Electronegativity on out/, reads its SARIF report, holds every finding against the explanations
// committed in security/electronegativity.json, prints one summary line and exits non-zero when a HIGH
// or MEDIUM finding is left unexplained, or when the scanner produced no report.
//
//   node scripts/electronegativity.mjs [--input out] [--report FILE.sarif] [--explanations FILE.json]
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  attachSeverity,
  explainFindings,
  formatFinding,
  formatSummary,
  isFailing,
  readExplanations,
  readSarifFindings,
} from './electronegativity-report.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const PREFIX = '[electronegativity]';
// Needs the network and answers with the day's Electron releases; the version is pinned in
// package.json and upgraded on purpose, so CI does not depend on the day (docs/security.md).
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck'];

// The scanner's parser (@typescript-eslint/typescript-estree 4) is hoisted next to the project's
// TypeScript 7, whose API it cannot load; the scanner ships its own TypeScript 4, used here instead.
function useScannerTypeScript() {
  const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const ownTypeScript = join(scannerDir, 'node_modules', 'typescript');
  if (!existsSync(ownTypeScript)) return;
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const isFromParser = request === 'typescript' && /[\\/]@typescript-eslint[\\/]/.test(parent?.filename ?? '');
    return resolveFilename.call(this, isFromParser ? ownTypeScript : request, parent, ...rest);
  };
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return String(pkg.dependencies?.electron ?? pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');
}

// The runner writes the SARIF file without waiting for the write to finish: wait until it parses.
async function readReport(path, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  }
}

async function scan(input, report) {
  useScannerTypeScript();
  const run = require('@doyensec/electronegativity/dist/runner.js');
  return run({
    input,
    output: report,
    isSarif: true,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion(),
    parserPlugins: [],
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: 'out' },
      report: { type: 'string', default: '.annals-tmp/reports/electronegativity.sarif' },
      explanations: { type: 'string', default: 'security/electronegativity.json' },
    },
  });
  const input = resolve(ROOT, values.input);
  const report = resolve(ROOT, values.report);
  if (!existsSync(join(input, 'main', 'index.js'))) {
    console.log(`${PREFIX} no build in ${input}: run \`npx electron-vite build -c electron.config.ts\` first`);
    return 1;
  }
  await mkdir(dirname(report), { recursive: true });
  // A stale report must not stand in for a scan that failed.
  await rm(report, { force: true });
  const explanations = readExplanations(JSON.parse(await readFile(resolve(ROOT, values.explanations), 'utf8')));

  const result = await scan(input, report);
  const sarif = await readReport(report).catch(() => null);
  if (!sarif) {
    console.log(`${PREFIX} the scanner wrote no report at ${report}`);
    return 1;
  }
  const parseErrors = (result?.errors ?? []).filter((error) => !error.tolerable);
  for (const error of parseErrors) console.log(`${PREFIX} could not parse ${error.file}: ${error.message}`);

  const outcome = explainFindings(attachSeverity(readSarifFindings(sarif), result?.issues ?? []), explanations);
  console.log(formatSummary(outcome));
  for (const finding of outcome.unexplained) console.log(`${PREFIX} unexplained: ${formatFinding(finding)}`);
  for (const entry of outcome.unused) console.log(`${PREFIX} explanation matched nothing (remove it?): ${entry.check} ${entry.file}`);
  console.log(`${PREFIX} report: ${report}`);
  // Code the scanner could not parse is code it did not check.
  return isFailing(outcome) || parseErrors.length > 0 ? 1 : 0;
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.log(`${PREFIX} failed: ${error?.code ? `${error.code}: ` : ''}${error?.message ?? error}`);
    process.exit(1);
  },
);
