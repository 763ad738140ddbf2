// Types of electronegativity-report.mjs (plain JavaScript so `node scripts/electronegativity.mjs` runs
// without a build step), for its tests and editors.

export type ReportErrorCode = 'bad-report' | 'bad-explanations';

export class ReportError extends Error {
  constructor(code: ReportErrorCode, message: string);
  readonly code: ReportErrorCode;
}

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNKNOWN';

export interface Finding {
  check: string;
  /** Path relative to the scanned folder, forward slashes; '' for a finding about the whole app. */
  file: string;
  line: number;
  column: number;
  level: string;
  message: string;
  severity: Severity | string;
  confidence: string;
}

/** An issue as the scanner's runner returns it. */
export interface ScannerIssue {
  id: string;
  file: string;
  location?: { line?: number; column?: number };
  severity?: { name: string };
  confidence?: { name: string };
}

export interface Explanation {
  check: string;
  file: string;
  reason: string;
  test: string;
}

export interface Outcome {
  findings: Finding[];
  explained: { finding: Finding; explanation: Explanation }[];
  unexplained: Finding[];
  unused: Explanation[];
}

export function readSarifFindings(sarif: unknown): Finding[];
export function attachSeverity(findings: Finding[], issues: ScannerIssue[]): Finding[];
export function readExplanations(json: unknown): Explanation[];
export function matchesFilePattern(file: string, pattern: string): boolean;
export function explainFindings(findings: Finding[], explanations: Explanation[]): Outcome;
export function isFailing(outcome: Outcome): boolean;
export function formatSummary(outcome: Outcome): string;
export function formatFinding(finding: Finding): string;
