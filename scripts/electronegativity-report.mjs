// Reading Electronegativity's SARIF report and holding it against the committed explanations
// (security/electronegativity.json). Pure functions: scripts/electronegativity.mjs runs the scanner,
// scripts/electronegativity-report.test.ts checks this logic. Types: electronegativity-report.d.mts.

const FAILING_SEVERITIES = new Set(['HIGH', 'MEDIUM', 'UNKNOWN']);

export class ReportError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ReportError';
    this.code = code;
  }
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The scanner writes "file:///" for a finding about the whole app (a global check).
function normaliseFile(uri) {
  return typeof uri === 'string' && uri !== 'file:///' ? uri.replaceAll('\\', '/') : '';
}

/** The findings of a SARIF 2.1 report; throws ReportError('bad-report') when it is not one. */
export function readSarifFindings(sarif) {
  const runs = isObject(sarif) && Array.isArray(sarif.runs) ? sarif.runs : null;
  if (!runs || runs.length === 0) throw new ReportError('bad-report', 'not a SARIF report: no runs');
  const findings = [];
  for (const run of runs) {
    if (!isObject(run) || !Array.isArray(run.results)) throw new ReportError('bad-report', 'a SARIF run has no results array');
    for (const result of run.results) {
      if (!isObject(result) || typeof result.ruleId !== 'string') throw new ReportError('bad-report', 'a SARIF result has no ruleId');
      const location = result.locations?.[0]?.physicalLocation;
      findings.push({
        check: result.ruleId,
        file: normaliseFile(location?.artifactLocation?.uri),
        line: Number(location?.region?.startLine ?? 1),
        column: Number(location?.region?.startColumn ?? 1),
        level: String(result.level ?? 'warning'),
        message: String(result.message?.text ?? ''),
        severity: 'UNKNOWN',
        confidence: 'UNKNOWN',
      });
    }
  }
  return findings;
}

// SARIF does not carry the scanner's severity; its issues do. The SARIF writer turns line 0 into 1
// and counts columns from 1, so the keys are built the same way on both sides.
function issueKey(issue) {
  const file = issue.file && issue.file !== 'N/A' ? String(issue.file).replaceAll('\\', '/') : '';
  const line = issue.location?.line ? issue.location.line : 1;
  const column = (issue.location?.column ?? 0) + 1;
  return `${issue.id}|${file}|${line}|${column}`;
}

/** The findings with the severity and confidence of the matching scanner issue ('UNKNOWN' when none matches). */
export function attachSeverity(findings, issues) {
  const byKey = new Map();
  for (const issue of issues) byKey.set(issueKey(issue), issue);
  return findings.map((finding) => {
    const issue = byKey.get(`${finding.check}|${finding.file}|${finding.line}|${finding.column}`);
    return { ...finding, severity: issue?.severity?.name ?? 'UNKNOWN', confidence: issue?.confidence?.name ?? 'UNKNOWN' };
  });
}

/** The explanations of a parsed security/electronegativity.json; throws ReportError('bad-explanations'). */
export function readExplanations(json) {
  const list = isObject(json) && Array.isArray(json.explained) ? json.explained : null;
  if (!list) throw new ReportError('bad-explanations', 'expected { "explained": [...] }');
  return list.map((entry, index) => {
    const fields = ['check', 'file', 'reason', 'test'];
    const missing = fields.filter((field) => !isObject(entry) || typeof entry[field] !== 'string' || entry[field].trim() === '');
    if (missing.length > 0) throw new ReportError('bad-explanations', `explanation ${index} lacks ${missing.join(', ')}`);
    return { check: entry.check, file: entry.file, reason: entry.reason, test: entry.test };
  });
}

/** Whether a report path (forward slashes, '' for the whole app) matches a pattern: `*` within a folder, `**` across. */
export function matchesFilePattern(file, pattern) {
  const source = pattern
    .split(/(\*\*\/?|\*)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`).test(file);
}

/** Splits the findings into explained (with their explanation) and unexplained, and lists explanations nothing used. */
export function explainFindings(findings, explanations) {
  const explained = [];
  const unexplained = [];
  const used = new Set();
  for (const finding of findings) {
    const explanation = explanations.find((entry) => entry.check === finding.check && matchesFilePattern(finding.file, entry.file));
    if (explanation) {
      explained.push({ finding, explanation });
      used.add(explanation);
    } else {
      unexplained.push(finding);
    }
  }
  return { findings, explained, unexplained, unused: explanations.filter((entry) => !used.has(entry)) };
}

/** True when a HIGH or MEDIUM finding (or one whose severity is unknown) is left unexplained. */
export function isFailing(outcome) {
  return outcome.unexplained.some((finding) => FAILING_SEVERITIES.has(finding.severity));
}

/** The one line CI logs: `[electronegativity] findings=N high=H medium=M explained=E unexplained=U`. */
export function formatSummary(outcome) {
  const count = (severity) => outcome.findings.filter((finding) => finding.severity === severity).length;
  return `[electronegativity] findings=${outcome.findings.length} high=${count('HIGH')} medium=${count('MEDIUM')} explained=${outcome.explained.length} unexplained=${outcome.unexplained.length}`;
}

/** One line per finding: check, severity, where. */
export function formatFinding(finding) {
  return `${finding.check} ${finding.severity}/${finding.confidence} ${finding.file || '(whole app)'}:${finding.line}:${finding.column} ${finding.message}`;
}
