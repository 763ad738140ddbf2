// Low-level date recognition: month names (EN + RU), the regular expressions for every written
// form we read, and the mention scanner used by dates.ts. No policy lives here.

const EN_MONTHS: [string[], number][] = [
  [['January', 'Jan'], 1],
  [['February', 'Feb'], 2],
  [['March', 'Mar'], 3],
  [['April', 'Apr'], 4],
  [['May'], 5],
  [['June', 'Jun'], 6],
  [['July', 'Jul'], 7],
  [['August', 'Aug'], 8],
  [['September', 'Sept', 'Sep'], 9],
  [['October', 'Oct'], 10],
  [['November', 'Nov'], 11],
  [['December', 'Dec'], 12],
];

// Genitive (the form used with a day), nominative (month + year) and the usual abbreviations.
const RU_MONTHS: [string[], number][] = [
  [['января', 'январь', 'янв'], 1],
  [['февраля', 'февраль', 'фев', 'февр'], 2],
  [['марта', 'март', 'мар'], 3],
  [['апреля', 'апрель', 'апр'], 4],
  [['мая', 'май'], 5],
  [['июня', 'июнь', 'июн'], 6],
  [['июля', 'июль', 'июл'], 7],
  [['августа', 'август', 'авг'], 8],
  [['сентября', 'сентябрь', 'сент', 'сен'], 9],
  [['октября', 'октябрь', 'окт'], 10],
  [['ноября', 'ноябрь', 'нояб', 'ноя'], 11],
  [['декабря', 'декабрь', 'дек'], 12],
];

const MONTH_BY_NAME = new Map<string, number>();
// Lower-case English month names count ("5 june 2024") except "may" and "march", which are also
// ordinary words; abbreviations count only capitalised ("dec", "sat" are too short to trust).
const LOWERCASE_UNSAFE = new Set(['may', 'march']);
for (const [names, month] of EN_MONTHS) {
  for (const name of names) {
    MONTH_BY_NAME.set(name, month);
    MONTH_BY_NAME.set(name.toUpperCase(), month);
    if (name === names[0] && !LOWERCASE_UNSAFE.has(name.toLowerCase())) MONTH_BY_NAME.set(name.toLowerCase(), month);
  }
}
for (const [names, month] of RU_MONTHS) {
  for (const name of names) {
    MONTH_BY_NAME.set(name, month);
    MONTH_BY_NAME.set(name[0]!.toUpperCase() + name.slice(1), month);
    MONTH_BY_NAME.set(name.toUpperCase(), month);
  }
}

const MONTH_ALT = [...MONTH_BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/\./g, '\\.'))
  .join('|');

/** Month number for a written month name, or undefined. */
export function readMonthName(name: string): number | undefined {
  return MONTH_BY_NAME.get(name.replace(/\.$/, ''));
}

const MONTH = `(${MONTH_ALT})\\.?(?![\\p{L}])`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th|-?го|-е)?`;
const RANGE_JOIN = `\\s*(?:-|–|—|to|till|until|through|and|по|до|и)\\s*`;
const YEAR_TAIL = `(?:,?\\s*(\\d{4})(?!\\d)(?:\\s*(?:года|году|год|г\\.|г(?![\\p{L}])))?)?`;

/** 3 September 2024, 3 to 6 September, 8-9 апреля 2024 г., 22 June, 2006. */
export const DAY_FIRST_RE = new RegExp(
  `(?<![\\p{L}\\d.])${DAY}(?:${RANGE_JOIN}(\\d{1,2})(?:-?го)?)?\\s+${MONTH}${YEAR_TAIL}`,
  'gu',
);
/** September 3, 2024; May 15 1992; September 3-6, 2024. */
export const MONTH_FIRST_RE = new RegExp(
  `(?<![\\p{L}])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:\\s*(?:-|–)\\s*(\\d{1,2})(?!\\d))?(?:,?\\s+(\\d{4})(?!\\d)|,\\s*(\\d{4})(?!\\d))?`,
  'gu',
);
/**
 * 29.05.2017, 9.5.2025, 03-06-2017, 17/03/2025 — day first, as CIS sites write them; a slash or dash
 * date whose second number cannot be a month (03/17/2025) is read month first.
 */
export const NUMERIC_RE = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d]|[./-]\d)/g;
/** 2025-08-21 */
export const ISO_RE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
/** September 2024, сентябрь 2024 года — month precision, used only for whole date lines. */
export const MONTH_YEAR_RE = new RegExp(`^${MONTH}\\s+(\\d{4})(?:\\s*(?:года|г\\.|г))?$`, 'u');

/** One date written in a text, with or without its year. */
export interface DateMention {
  index: number;
  end: number;
  day: number;
  month: number;
  year: number | null;
}

/** True when day/month/year form a real calendar date in a plausible range. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** Formats a complete date as ISO YYYY-MM-DD. */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toYear(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const year = Number(raw);
  return year >= 1900 && year <= 2099 ? year : null;
}

function pushMention(out: DateMention[], index: number, end: number, day: number, month: number, year: number | null): void {
  const checkYear = year ?? 2000; // a leap year, so 29 February without a year is allowed
  if (!isValidDate(checkYear, month, day)) return;
  out.push({ index, end, day, month, year });
}

/**
 * Every match of a global regex, as `text.matchAll(re)` lists them. matchAll copies the regex first,
 * which for the long month patterns cost more than the search itself (a few µs per line).
 */
function listMatches(text: string, re: RegExp): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    matches.push(m);
    if (m[0].length === 0) re.lastIndex = m.index + (re.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return matches;
}

/** Every date mention in the text, in text order, overlapping matches removed (longer wins). */
export function scanDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of listMatches(text, NUMERIC_RE)) {
    const [first, second] = [Number(m[1]), Number(m[3])];
    const monthFirst = m[2] !== '.' && second > 12 && first <= 12;
    const [day, month] = monthFirst ? [second, first] : [first, second];
    pushMention(found, m.index, m.index + m[0].length, day, month, toYear(m[4]));
  }
  for (const m of listMatches(text, ISO_RE)) {
    pushMention(found, m.index, m.index + m[0].length, Number(m[3]), Number(m[2]), toYear(m[1]));
  }
  for (const m of listMatches(text, DAY_FIRST_RE)) {
    const month = readMonthName(m[3]!);
    if (month !== undefined) pushMention(found, m.index, m.index + m[0].length, Number(m[1]), month, toYear(m[4]));
  }
  for (const m of listMatches(text, MONTH_FIRST_RE)) {
    const month = readMonthName(m[1]!);
    if (month !== undefined) {
      pushMention(found, m.index, m.index + m[0].length, Number(m[2]), month, toYear(m[4] ?? m[5]));
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: DateMention[] = [];
  for (const mention of found) {
    const last = kept[kept.length - 1];
    if (last && mention.index < last.end) continue;
    kept.push(mention);
  }
  return kept;
}
