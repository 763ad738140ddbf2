// Applies the date policy of seeds/README §3 to segments, including the page context needed to
// give a year-less day-month its year.
import type { DatePrecision } from '../model';
import {
  type ItemDate,
  findFirstCompleteDate,
  findFirstYearlessDate,
  inferYear,
  readWireDateline,
} from './dates';
import type { Segment } from './segment';

export interface DatedSegment {
  date: string | null;
  precision: DatePrecision | null;
}

function segmentText(segment: Segment): string {
  return [segment.title ?? '', ...segment.paragraphs].join('\n\n');
}

/**
 * Step 1 (own date) and step 2 (first complete date). `undefined` means "still open"; a year-less
 * own date or dateline ends the search in step 3 (its year comes from the list, or it stays null).
 */
function readDirectDate(segment: Segment): ItemDate | null | { day: number; month: number } | undefined {
  const own = segment.ownDate;
  if (own) return own.date === null ? { day: own.day, month: own.month } : own;
  const firstBody = segment.paragraphs[segment.subtitles];
  const dateline = firstBody === undefined ? undefined : readWireDateline(firstBody);
  if (dateline) return dateline.date === null ? null : { date: dateline.date, precision: 'day' };
  const complete = findFirstCompleteDate(segmentText(segment));
  return complete ? { date: complete, precision: 'day' } : undefined;
}

function isComplete(found: ReturnType<typeof readDirectDate>): found is ItemDate {
  return found !== undefined && found !== null && 'date' in found;
}

/** Indices of segments grouped into lists: a run of teasers not interrupted by an article. */
function listGroups(segments: Segment[]): number[] {
  let group = 0;
  return segments.map((segment) => {
    if (segment.kind === 'article' || segment.kind === 'wire') {
      group += 1;
      const own = group;
      group += 1;
      return own;
    }
    return group;
  });
}

const UNKNOWN: DatedSegment = { date: null, precision: null };

/** Dates every segment of a page; a year is inferred only from the segment's own list. */
export function dateSegments(segments: Segment[]): DatedSegment[] {
  const direct = segments.map(readDirectDate);
  const groups = listGroups(segments);
  return segments.map((segment, i) => {
    const found = direct[i];
    if (found === null) return UNKNOWN;
    if (isComplete(found)) return { date: found.date, precision: found.precision };
    const text = segmentText(segment);
    const yearless = found ?? findFirstYearlessDate(text);
    if (!yearless) return UNKNOWN;
    const years = new Set<number>();
    direct.forEach((other, j) => {
      if (j !== i && groups[j] === groups[i] && isComplete(other)) years.add(Number(other.date.slice(0, 4)));
    });
    const date = inferYear(yearless, text, years);
    return date ? { date, precision: 'day' } : UNKNOWN;
  });
}
