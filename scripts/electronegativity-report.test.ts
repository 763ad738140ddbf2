import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Explanation,
  type ScannerIssue,
  attachSeverity,
  explainFindings,
  formatSummary,
  isFailing,
  matchesFilePattern,
  readExplanations,
  readSarifFindings,
} from './electronegativity-report.mjs';

const ROOT = join(__dirname, '..');

// The shape Electronegativity 1.10.3 writes (util/file.js writeIssues): no severity, 1-based columns,
// "file:///" for a global finding.
function sarifOf(results: { ruleId: string; uri: string; line: number; column: number; level?: string }[]) {
  return {
    $schema: 'http://json.schemastore.org/sarif-2.1.0',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', rules: [] } },
        results: results.map(({ ruleId, uri, line, column, level }) => ({
          ruleId,
          level: level ?? 'warning',
          message: { text: `about ${ruleId}` },
          locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line, startColumn: column, charLength: 0 } } }],
        })),
      },
    ],
  };
}

function issue(id: string, file: string, line: number, column: number, severity: string): ScannerIssue {
  return { id, file, location: { line, column }, severity: { name: severity }, confidence: { name: 'FIRM' } };
}

const SARIF = sarifOf([
  { ruleId: 'CONTEXT_ISOLATION_JS_CHECK', uri: 'main/index.js', line: 10, column: 17 },
  { ruleId: 'OPEN_EXTERNAL_JS_CHECK', uri: 'main/index.js', line: 20, column: 5, level: 'note' },
  { ruleId: 'CSP_GLOBAL_CHECK', uri: 'renderer/index.html', line: 5, column: 1, level: 'note' },
  { ruleId: 'LIMIT_NAVIGATION_GLOBAL_CHECK', uri: 'file:///', line: 1, column: 1 },
]);
const ISSUES = [
  issue('CONTEXT_ISOLATION_JS_CHECK', 'main/index.js', 10, 16, 'HIGH'),
  issue('OPEN_EXTERNAL_JS_CHECK', 'main/index.js', 20, 4, 'MEDIUM'),
  issue('CSP_GLOBAL_CHECK', 'renderer/index.html', 5, 0, 'LOW'),
  issue('LIMIT_NAVIGATION_GLOBAL_CHECK', 'N/A', 0, 0, 'HIGH'),
];

function explanation(check: string, file: string): Explanation {
  return { check, file, reason: 'reviewed', test: 'main/shell.test.ts' };
}

describe('reading the SARIF report', () => {
  it('lists every result with its check, file and place; a global finding has no file', () => {
    const findings = readSarifFindings(SARIF);
    expect(findings.map((f) => [f.check, f.file, f.line, f.column])).toEqual([
      ['CONTEXT_ISOLATION_JS_CHECK', 'main/index.js', 10, 17],
      ['OPEN_EXTERNAL_JS_CHECK', 'main/index.js', 20, 5],
      ['CSP_GLOBAL_CHECK', 'renderer/index.html', 5, 1],
      ['LIMIT_NAVIGATION_GLOBAL_CHECK', '', 1, 1],
    ]);
  });

  it('takes each severity from the scanner issue at the same place, and UNKNOWN when none matches', () => {
    const findings = attachSeverity(readSarifFindings(SARIF), ISSUES);
    expect(findings.map((f) => f.severity)).toEqual(['HIGH', 'MEDIUM', 'LOW', 'HIGH']);
    const moved = attachSeverity(readSarifFindings(SARIF), [issue('CONTEXT_ISOLATION_JS_CHECK', 'main/index.js', 11, 16, 'HIGH')]);
    expect(moved.map((f) => f.severity)).toEqual(['UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN']);
  });

  it('refuses what is not a SARIF report with a typed error', () => {
    for (const bad of [null, {}, { runs: [] }, { runs: [{}] }, { runs: [{ results: [{ level: 'note' }] }] }]) {
      expect(() => readSarifFindings(bad), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'bad-report' }));
    }
  });
});

describe('explaining findings', () => {
  const findings = attachSeverity(readSarifFindings(SARIF), ISSUES);

  it('fails while a HIGH or MEDIUM finding is unexplained, and passes once each is', () => {
    const none = explainFindings(findings, []);
    expect(none.unexplained).toHaveLength(4);
    expect(isFailing(none)).toBe(true);
    const some = explainFindings(findings, [explanation('CONTEXT_ISOLATION_JS_CHECK', 'main/*.js'), explanation('LIMIT_NAVIGATION_GLOBAL_CHECK', '**')]);
    expect(some.unexplained.map((f) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK']);
    expect(isFailing(some)).toBe(true);
    const enough = explainFindings(findings, [
      explanation('CONTEXT_ISOLATION_JS_CHECK', 'main/index.js'),
      explanation('OPEN_EXTERNAL_JS_CHECK', 'main/**'),
      explanation('LIMIT_NAVIGATION_GLOBAL_CHECK', '**'),
    ]);
    // A LOW finding left unexplained is listed but does not fail the check.
    expect(enough.unexplained.map((f) => f.severity)).toEqual(['LOW']);
    expect(isFailing(enough)).toBe(false);
  });

  it('fails on an unexplained finding whose severity is unknown', () => {
    const unknown = attachSeverity(readSarifFindings(SARIF), []);
    expect(isFailing(explainFindings(unknown.slice(2, 3), []))).toBe(true);
  });

  it('matches the check id exactly and the file by pattern, and reports explanations nothing used', () => {
    const outcome = explainFindings(findings, [explanation('CONTEXT_ISOLATION', 'main/index.js'), explanation('CSP_GLOBAL_CHECK', 'main/*.js')]);
    expect(outcome.explained).toEqual([]);
    expect(outcome.unused).toHaveLength(2);
  });

  it('prints the summary line CI reads', () => {
    const outcome = explainFindings(findings, [explanation('CSP_GLOBAL_CHECK', 'renderer/index.html')]);
    expect(formatSummary(outcome)).toBe('[electronegativity] findings=4 high=2 medium=1 explained=1 unexplained=3');
  });
});

describe('file patterns', () => {
  it('reads * within a folder, ** across folders, and everything else literally', () => {
    expect(matchesFilePattern('main/index.js', 'main/*.js')).toBe(true);
    expect(matchesFilePattern('main/chunks/a.js', 'main/*.js')).toBe(false);
    expect(matchesFilePattern('main/chunks/a.js', 'main/**/*.js')).toBe(true);
    expect(matchesFilePattern('main/a.js', 'main/**/*.js')).toBe(true);
    expect(matchesFilePattern('mainXindex.js', 'main/index.js')).toBe(false);
    expect(matchesFilePattern('main/indexAjs', 'main/index.js')).toBe(false);
    expect(matchesFilePattern('', '**')).toBe(true);
    expect(matchesFilePattern('', 'main/*')).toBe(false);
  });
});

describe('the committed explanations (security/electronegativity.json)', () => {
  const explanations = readExplanations(JSON.parse(readFileSync(join(ROOT, 'security', 'electronegativity.json'), 'utf8')));

  it('are complete: check, file, reason and test on each', () => {
    expect(explanations.length).toBeGreaterThan(0);
    expect(() => readExplanations({ explained: [{ check: 'X', file: '**', reason: ' ', test: 't' }] })).toThrow(
      expect.objectContaining({ code: 'bad-explanations' }),
    );
  });

  it('name tests that exist: each file, and each title in it', () => {
    for (const { test } of explanations) {
      for (const reference of test.split('; ')) {
        const [file, ...path] = reference.split(' > ');
        expect(existsSync(join(ROOT, file ?? '')), reference).toBe(true);
        const source = readFileSync(join(ROOT, file ?? ''), 'utf8');
        for (const title of path.at(-1)?.split(' / ') ?? []) expect(source, `${file}: ${title}`).toContain(title);
      }
    }
  });
});
