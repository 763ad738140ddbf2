// Telling a headline-less single story from a list of undated teasers (seeds/README §1: a wire story
// is one article; in a list every paragraph is its own item). A news list's leads each stand alone;
// a story's later paragraphs lean on the one before: connectives («Напомним», "In addition"),
// third-person pronouns, quotes that continue, "he added". Seeds 001/002 show lists whose leads
// carry none of these and sit above an article. A page made only of undated paragraphs is a story
// when one of them continues; a run beside other items needs most of its paragraphs to continue.
import type { Segment } from './segment';

// Paragraph openings that refer back to what came before. Deliberately not "I"/"We" (a quoted
// speech can be its own teaser) nor "The meeting…" (a lead can open that way).
const CONTINUATION_OPENING = new RegExp(
  String.raw`^(?:[«"“„]|(?:He|She|They|It|His|Her|Its|Their|This|These|Those|Also|In addition|Additionally|Moreover|` +
    String.raw`Furthermore|Meanwhile|However|Besides|Later|Recall that|As a reminder|According to (?:him|her|them)|` +
    String.raw`At the same time|Он|Она|Оно|Они|Его|Её|Ее|Их|Это|Этот|Эта|Эти|Также|Кроме того|Кроме этого|Помимо этого|` +
    String.raw`Помимо того|При этом|Напомним|Напомню|Позже|Позднее|Затем|Тем временем|Вместе с тем|Между тем|Однако|` +
    String.raw`По его словам|По ее словам|По её словам|По их словам|В свою очередь|Об этом)(?![\p{L}\d]))`,
  'u',
);
// "also"/«также» among the first words ("The participants also included…", «Глава МИД также отметил…»).
const EARLY_ALSO = /^(?:\S+\s+){0,5}(?:also|также)(?![\p{L}])/iu;
// A quote closed by its speaker in the third person: "…, he added." / «…, — отметил он».
const PRONOUN_ATTRIBUTION =
  /[,—–-]\s*(?:(?:he|she|they)\s+(?:said|added|noted|stressed|emphasi[sz]ed|explained|recalled|continued)|(?:сказал|отметил|добавил|подчеркнул|пояснил|заявил|напомнил)[аи]?\s+(?:он|она|они))(?![\p{L}])/iu;

/** True when a paragraph reads as the continuation of the one before it rather than a new lead. */
export function hasContinuationCue(paragraph: string): boolean {
  return CONTINUATION_OPENING.test(paragraph) || EARLY_ALSO.test(paragraph) || PRONOUN_ATTRIBUTION.test(paragraph);
}

/**
 * True when a run of undated paragraphs reads as one story: alone on the page, one continuation
 * suffices; above or below other items, at least two and half of the later paragraphs must continue.
 */
function isStoryRun(paragraphs: string[], isWholePage: boolean): boolean {
  const cues = paragraphs.slice(1).filter(hasContinuationCue).length;
  return isWholePage ? cues >= 1 : cues >= 2 && cues * 2 >= paragraphs.length - 1;
}

/**
 * Merges each run of undated teasers that reads as one headline-less story into a single item
 * (kind 'wire': a story without headline). Lists of self-contained leads are left alone.
 */
export function mergeStoryRun(segments: Segment[]): Segment[] {
  const isWholePage = segments.every((s) => s.kind === 'teaser');
  const out: Segment[] = [];
  let run: Segment[] = [];
  const flush = (): void => {
    const paragraphs = run.flatMap((s) => s.paragraphs);
    if (run.length >= 2 && isStoryRun(paragraphs, isWholePage)) {
      out.push({ kind: 'wire', title: null, paragraphs, subtitles: 0, ownDate: null });
    } else out.push(...run);
    run = [];
  };
  for (const segment of segments) {
    if (segment.kind === 'teaser') run.push(segment);
    else {
      flush();
      out.push(segment);
    }
  }
  flush();
  return out;
}
