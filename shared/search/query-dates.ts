// Date values of the query language: YYYY, YYYY-MM, YYYY-MM-DD, and ranges "A..B", "A..", "..B".

export type DateValueResult =
  | { ok: true; from: string | null; to: string | null }
  | { ok: false; code: 'invalid-date' | 'invalid-date-range'; message: string };

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for an ISO date prefix that names a real year, month or day. */
export function isValidDatePrefix(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, , month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && d <= daysInMonth(Number(match[1]), m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day covered by a date prefix ("2021-06" → "2021-06-01"). */
export function startOfDatePrefix(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** The last day covered by a date prefix ("2021-02" → "2021-02-28"). */
export function endOfDatePrefix(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const last = daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)));
    return `${value}-${String(last).padStart(2, '0')}`;
  }
  return value;
}

function parseRange(raw: string, isValid: (value: string) => boolean, what: string): DateValueResult {
  const parts = raw.split('..');
  if (parts.length > 2) return { ok: false, code: 'invalid-date', message: `"${raw}" has more than one ".."` };
  const [first = '', second] = parts;
  const from = first === '' ? null : first;
  const to = second === undefined ? from : second === '' ? null : second;
  for (const bound of [from, to]) {
    if (bound !== null && !isValid(bound)) {
      return { ok: false, code: 'invalid-date', message: `"${bound}" is not ${what}` };
    }
  }
  if (from === null && to === null) return { ok: false, code: 'invalid-date', message: 'The range has no bound' };
  if (from !== null && to !== null && startOfDatePrefix(from) > endOfDatePrefix(to)) {
    return { ok: false, code: 'invalid-date-range', message: `${from} comes after ${to}` };
  }
  return { ok: true, from, to };
}

/** Parses a date or date range value. */
export function parseDateValue(raw: string): DateValueResult {
  return parseRange(raw, isValidDatePrefix, 'a date (YYYY, YYYY-MM or YYYY-MM-DD)');
}

/** Parses a year or year range value. */
export function parseYearValue(raw: string): DateValueResult {
  return parseRange(raw, (value) => /^\d{4}$/.test(value), 'a year (YYYY)');
}
