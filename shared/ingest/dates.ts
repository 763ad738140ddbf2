// Reading an item's date (seeds/README §3). Policy: the item's own date wins; otherwise the first
// complete day-month-year of its text; a day-month without a year gets one only when the page
// makes it unambiguous; otherwise null. Never from URLs, "today" or the time of import.
import type { DatePrecision } from '../model';
import {
  type DateMention,
  MONTH_YEAR_RE,
  formatIsoDate,
  isValidDate,
  readMonthName,
  scanDateMentions,
} from './date-patterns';
import { stripEdges } from './spaces';

export { scanDateMentions, type DateMention } from './date-patterns';

/** A date with its precision: YYYY-MM-DD ('day'), YYYY-MM ('month') or YYYY ('year'). */
export interface ItemDate {
  date: string;
  precision: DatePrecision;
}

const WEEKDAYS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)[,.]?\s+/iu;
// What may follow a date on a date line: a time, a time zone, a view or comment counter.
const DATE_LINE_TAIL =
  /^(?:[,|/\s\u00a0•·—–-]*(?:(?:в\s+|at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|MSK|МСК)(?:[+-]\d{1,2})?)?|\d[\d\s]{0,8}|\(\d{1,7}\)|(?:views?|просмотр\p{L}*|comments?|комментари\p{L}*)\s*:?))*[\s\u00a0|•·—–-]*$/iu;
// Two-digit years are accepted on a date line only ("12.05.25"), never in running text.
const SHORT_YEAR_LINE = /^(\d{1,2})\.(\d{1,2})\.(\d{2})(?!\d)/u;

// What may precede a date on a date line: a label or a time ("Published:", "12:49,").
const DATE_LINE_HEAD =
  /^(?:(?:published|posted|updated|date|дата(?: публикации)?|опубликовано|обновлено|размещено)\s*:?\s*|\d{1,2}:\d{2}\s*[,|]?\s*)/iu;

/** A date as the page writes it beside an item: complete, or a day and month without a year. */
export type OwnDate = ItemDate | { date: null; precision: null; day: number; month: number };

const LINE_EDGE_BEFORE = /[\s\u00a0*_[(]/;
const LINE_EDGE_AFTER = /[\s\u00a0*_\])]/;

function prepareDateLine(line: string): string {
  return stripEdges(line, LINE_EDGE_BEFORE, LINE_EDGE_AFTER)
    .replace(DATE_LINE_HEAD, '')
    .replace(WEEKDAYS, '');
}

/** Reads a line that holds only a date (plus an optional label, weekday, time or counter); null otherwise. */
export function readDateLine(line: string): ItemDate | null {
  const trimmed = prepareDateLine(line);
  if (trimmed.length === 0 || trimmed.length > 60) return null;
  const monthYear = MONTH_YEAR_RE.exec(trimmed);
  if (monthYear) {
    const month = readMonthName(monthYear[1]!);
    const year = Number(monthYear[2]);
    if (month !== undefined && isValidDate(year, month, 1)) {
      return { date: `${year}-${String(month).padStart(2, '0')}`, precision: 'month' };
    }
  }
  const short = SHORT_YEAR_LINE.exec(trimmed);
  if (short && DATE_LINE_TAIL.test(trimmed.slice(short[0].length))) {
    const [day, month, year] = [Number(short[1]), Number(short[2]), 2000 + Number(short[3])];
    return isValidDate(year, month, day) ? { date: formatIsoDate(year, month, day), precision: 'day' } : null;
  }
  const first = readLineMention(trimmed);
  if (!first || first.year === null) return null;
  return { date: formatIsoDate(first.year, first.month, first.day), precision: 'day' };
}

/** The date mention that makes up the whole (prepared) line, or undefined. */
function readLineMention(trimmed: string): DateMention | undefined {
  if (trimmed.length === 0 || trimmed.length > 60) return undefined;
  const first = scanDateMentions(trimmed)[0];
  if (!first || first.index !== 0 || !DATE_LINE_TAIL.test(trimmed.slice(first.end))) return undefined;
  return first;
}

/** Reads a date line complete or not ("6 июня, 10:15" gives day and month without a year). */
export function readOwnDateLine(line: string): OwnDate | null {
  const complete = readDateLine(line);
  if (complete) return complete;
  const first = readLineMention(prepareDateLine(line));
  return first ? { date: null, precision: null, day: first.day, month: first.month } : null;
}

const GLUED_DATE = /^(\d{1,2}\.\d{1,2}\.\d{4})(?:,?\s*\d{1,2}:\d{2})?\s*(?=[\p{Lu}«"“])/u;
const DATE_PREFIX = /^[\s\u00a0]*date[\s\u00a0]+(\d{4}-\d{2}-\d{2})[\s\u00a0]+/u;

/**
 * Splits a line that opens with a numeric date glued to its text (`07.04.2015Военный…`) or with the
 * ` date YYYY-MM-DD ` prefix of a stored page (`isPrefix`: the page is one stored story).
 */
export function splitLeadingDate(line: string): { date: ItemDate; rest: string; isPrefix: boolean } | null {
  const stored = DATE_PREFIX.exec(line);
  const prefix = stored ?? GLUED_DATE.exec(line);
  if (!prefix) return null;
  const date = readDateLine(prefix[1]!);
  const rest = line.slice(prefix[0].length);
  if (!date || rest.trim().length === 0) return null;
  return { date, rest, isPrefix: stored !== null };
}

const NOT_A_CITY = /^(?:on|in|at|by|from|since|today|yesterday|tomorrow|this|last|сегодня|вчера|завтра|в|с|со|на|по|до|к)$/iu;
const CITY_HEAD = /^[\s\u00a0]*([\p{Lu}][\p{L}'’-]+(?:[\s-][\p{Lu}][\p{L}'’-]+){0,2})\s*[,.]\s*/u;
// What follows a dateline's date: an agency in brackets or slashes, a dash, or the story's first word.
const AFTER_DATELINE_DATE = /^\s*[.,]?\s*(?:\(|\/|—|–|-\s|\p{Lu})/u;
// BelTA's order: the date first, then the city and the agency ("10 мая, Москва /Имя Фамилия - БЕЛТА/.").
const CITY_AND_AGENCY = /^\s*,\s*[\p{Lu}][\p{L}'’-]+(?:[\s-][\p{Lu}][\p{L}'’-]+)?\s*(?:\/[^/\n]{2,60}\/|\([^)\n]{2,60}\))/u;

function toDatelineDate(mention: DateMention): { date: string | null } {
  return { date: mention.year === null ? null : formatIsoDate(mention.year, mention.month, mention.day) };
}

/** The date opening `text` when what follows it fits `after`, else undefined. */
function readDateAt(text: string, after: RegExp): { date: string | null } | undefined {
  const first = scanDateMentions(text.slice(0, 60))[0];
  if (!first || first.index !== 0 || !after.test(text.slice(first.end))) return undefined;
  return toDatelineDate(first);
}

/**
 * Reads a wire dateline opening a story (`MOSCOW, August 28 (Itar-Tass) —`, `МОСКВА, 6 июня. /ТАСС/.`,
 * `MINSK, 12 May (BelTA) -`, `10 мая, Москва /Имя Фамилия - БЕЛТА/.`). Returns undefined when there
 * is none; `date: null` when the dateline has no year — that makes the item's date unknown and
 * stops the search (README §3.4).
 */
export function readWireDateline(paragraph: string): { date: string | null } | undefined {
  const head = paragraph.slice(0, 160);
  const city = CITY_HEAD.exec(head);
  if (city && !NOT_A_CITY.test(city[1]!)) {
    const found = readDateAt(head.slice(city[0].length), AFTER_DATELINE_DATE);
    if (found) return found;
  }
  return readDateAt(head.replace(/^[\s\u00a0]+/u, ''), CITY_AND_AGENCY);
}

// "ASTANA. KAZINFORM –", "МИНСК, /БЕЛТА/ –": a wire opening that carries no date at all.
const AGENCY_OPENING =
  /^[\s\u00a0]*[\p{Lu}][\p{Lu}\s-]{2,30}[.,]\s*(?:[\p{Lu}][\p{Lu}\s-]{1,30}|\/[^/\n]{2,30}\/|\([^)\n]{2,30}\))\s*[-–—.]\s/u;

/** True when a paragraph opens a wire story (a dateline, or a city and agency without a date). */
export function isWireOpening(paragraph: string): boolean {
  return readWireDateline(paragraph) !== undefined || AGENCY_OPENING.test(paragraph.slice(0, 120));
}

const RANGE_GAP = /^[\s\u00a0]*(?:-|–|—|to|till|until|through|and|по|до|и)[\s\u00a0]*$/iu;

/** Gives a year-less range start the year written once at the range's end ("30 June to 2 July 2024"). */
function completeRanges(text: string, mentions: DateMention[]): DateMention[] {
  return mentions.map((mention, i) => {
    const next = mentions[i + 1];
    if (mention.year !== null || !next || next.year === null) return mention;
    if (!RANGE_GAP.test(text.slice(mention.end, next.index))) return mention;
    const year = mention.month > next.month ? next.year - 1 : next.year;
    return isValidDate(year, mention.month, mention.day) ? { ...mention, year } : mention;
  });
}

/** All date mentions of a text with range years filled in. */
export function readDateMentions(text: string): DateMention[] {
  return completeRanges(text, scanDateMentions(text));
}

/** The first complete day-month-year in the text, as ISO, or null. */
export function findFirstCompleteDate(text: string): string | null {
  const first = readDateMentions(text).find((m) => m.year !== null);
  return first ? formatIsoDate(first.year!, first.month, first.day) : null;
}

/** The first day-month without a year in the text, or null. */
export function findFirstYearlessDate(text: string): { day: number; month: number } | null {
  const first = readDateMentions(text).find((m) => m.year === null);
  return first ? { day: first.day, month: first.month } : null;
}

/** Every four-digit year (1900–2099) the text mentions, including in names like `Interaction-2024`. */
export function findMentionedYears(text: string): Set<number> {
  const years = new Set<number>();
  for (const m of text.matchAll(/(?<!\d)(19\d\d|20\d\d)(?!\d)/g)) years.add(Number(m[1]));
  return years;
}

/**
 * Dates a year-less day-month from its context: the same day and month written with a year in the
 * item; else the year of the neighbouring dated items when they all agree and nothing in the item
 * mentions another year; null otherwise.
 */
export function inferYear(
  yearless: { day: number; month: number },
  itemText: string,
  neighbourYears: ReadonlySet<number>,
): string | null {
  const same = readDateMentions(itemText).find((m) => m.year !== null && m.day === yearless.day && m.month === yearless.month);
  if (same) return formatIsoDate(same.year!, same.month, same.day);
  if (neighbourYears.size !== 1) return null;
  const year = [...neighbourYears][0]!;
  for (const mentioned of findMentionedYears(itemText)) if (mentioned !== year) return null;
  return isValidDate(year, yearless.month, yearless.day) ? formatIsoDate(year, yearless.month, yearless.day) : null;
}
