// Segmentation (seeds/README §1): a cleaned page becomes items — dated teasers, articles (with
// repeated headline and date), wire stories, undated teasers, or one item for a page without
// news structure. Works on the token stream from blocks.ts.
import {
  STRONG_HEADLINE_MAX,
  type Token,
  looksLikeBody,
  looksLikeHeadline,
  readRepeat,
  tokenize,
} from './blocks';
import { hasTerminalPunctuation } from './boilerplate';
import { type OwnDate, findFirstCompleteDate, isWireOpening } from './dates';
import { mergeStoryRun } from './story-runs';

const BYLINE_MAX = 100;
const WEAK_FRAGMENT_MAX = 200;
const ORPHAN_MAX_WORDS = 12;
// A title-shaped line after this many body paragraphs is read as an intertitle: news-list leads are
// short, articles with sections are long. A headline confirmed by a date or a repeat still splits.
const INTERTITLE_AFTER = 2;

export type SegmentKind = 'article' | 'dated-teaser' | 'wire' | 'teaser';

/** One item as found on the page, before dating and tagging. */
export interface Segment {
  kind: SegmentKind;
  /** The headline exactly as on the page, or null. */
  title: string | null;
  /** Subtitles first (if any), then body paragraphs. */
  paragraphs: string[];
  /** How many leading paragraphs are subtitles (headline-like lines right after the headline). */
  subtitles: number;
  /** The date the page attaches to the item: a date line, a repeated headline's date, a prefix. */
  ownDate: OwnDate | null;
}

function paraAt(tokens: Token[], i: number): string | undefined {
  const token = tokens[i];
  return token?.kind === 'para' ? token.text : undefined;
}

/** A headline confirmed by what follows: a date line, or its own repeat (possibly after a subtitle). */
function isStrongHeadline(tokens: Token[], i: number): boolean {
  const text = paraAt(tokens, i)!;
  if (text.length > STRONG_HEADLINE_MAX) return false;
  const next = paraAt(tokens, i + 1);
  if (next !== undefined && readRepeat(text, next)) return true;
  const afterSubtitle = paraAt(tokens, i + 2);
  if (next !== undefined && afterSubtitle !== undefined && looksLikeHeadline(next) && readRepeat(text, afterSubtitle)) {
    return true;
  }
  // A date line right after a title-shaped line dates it — unless that line is itself the first
  // paragraph under a date line, where the next date line opens the next teaser.
  const followedByDate = tokens[i + 1]?.kind === 'date';
  return (
    followedByDate &&
    tokens[i - 1]?.kind !== 'date' &&
    looksLikeHeadline(text, STRONG_HEADLINE_MAX) &&
    !isDateFirstList(tokens, i + 1)
  );
}

/**
 * True when the date at `at` opens a list of dated teasers: the next date line comes after running
 * text (a teaser) rather than after a title. Then a title-shaped line just above is page chrome.
 */
function isDateFirstList(tokens: Token[], at: number): boolean {
  for (let j = at + 1; j < tokens.length; j += 1) {
    if (tokens[j]!.kind !== 'date') continue;
    const before = paraAt(tokens, j - 1);
    return before !== undefined && looksLikeBody(before);
  }
  return false;
}

/** A short unpunctuated line that heads nothing: a site name or section label, not an item. */
function isOrphanLabel(text: string): boolean {
  return !hasTerminalPunctuation(text) && text.length <= 120 && text.split(/\s+/u).length <= ORPHAN_MAX_WORDS;
}

/**
 * A lower-case line without final punctuation that was not joined to the line above: a photo
 * caption or a cut-off fragment. It never opens an item.
 */
function isFragment(text: string): boolean {
  return /^\p{Ll}/u.test(text) && !hasTerminalPunctuation(text) && text.length <= WEAK_FRAGMENT_MAX;
}

/** A title-shaped line followed by running text (directly or after one subtitle). */
function isWeakHeadline(tokens: Token[], i: number): boolean {
  if (!looksLikeHeadline(paraAt(tokens, i)!)) return false;
  const next = paraAt(tokens, i + 1);
  if (next === undefined) return false;
  if (looksLikeBody(next)) return true;
  const afterNext = paraAt(tokens, i + 2);
  return looksLikeHeadline(next) && afterNext !== undefined && looksLikeBody(afterNext);
}

class Segmenter {
  readonly segments: Segment[] = [];
  private current: (Segment & { hasBody: boolean; isStory: boolean }) | null = null;
  private pendingDate: OwnDate | null = null;
  private pendingStory = false;
  private storyChrome: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  run(): Segment[] {
    this.tokens.forEach((token, i) =>
      token.kind === 'date' ? this.onDate(token.date, token.isPrefix === true) : this.onPara(token.text, i),
    );
    this.close();
    return this.segments;
  }

  private close(): void {
    if (this.current) {
      const { hasBody: _hasBody, isStory: _isStory, ...segment } = this.current;
      this.segments.push(segment);
    }
    this.current = null;
  }

  private open(kind: SegmentKind, title: string | null, paragraphs: string[]): void {
    this.close();
    const isStory = this.pendingStory;
    this.current = { kind, title, paragraphs, subtitles: 0, ownDate: this.pendingDate, hasBody: title === null, isStory };
    this.pendingDate = null;
    this.pendingStory = false;
  }

  /**
   * A stored page's ` date ` prefix opens one story: a title-shaped first line is its headline, and
   * it runs on through title-shaped lines (subtitles, intertitles) to the next date line or
   * confirmed headline. Label lines set aside before a date line (`storyChrome`) give the headline
   * only when body text follows that date; a title-shaped line after it is the headline itself.
   */
  private openStory(text: string, i: number): void {
    const chrome = this.storyChrome;
    this.storyChrome = [];
    const hasMore = this.tokens.slice(i + 1).some((t) => t.kind === 'para');
    if (hasMore && looksLikeHeadline(text, STRONG_HEADLINE_MAX)) return this.open('article', text, []);
    const headline = [...chrome].reverse().find((line) => looksLikeHeadline(line, STRONG_HEADLINE_MAX));
    if (headline !== undefined && looksLikeBody(text)) {
      this.open('article', headline, [text]);
      this.current!.hasBody = true;
      return;
    }
    this.open('wire', null, [text]);
    if (isOrphanLabel(text)) this.current!.hasBody = false; // a label or link line: the story has not begun
  }

  /** A date line before a label-opened story's body: the lines so far were page chrome (trending links). */
  private restartStory(c: Segment): void {
    this.storyChrome = c.paragraphs;
    this.current = null;
    this.pendingDate = c.ownDate;
    this.pendingStory = true;
  }

  /** Inside a prefix story: everything but a confirmed headline belongs to it. */
  private continueStory(c: Segment & { hasBody: boolean }, text: string, i: number): void {
    if (c.hasBody && isStrongHeadline(this.tokens, i)) return this.open('article', text, []);
    c.paragraphs.push(text);
    if (!c.hasBody && looksLikeHeadline(text)) c.subtitles += 1;
    else c.hasBody = true;
  }

  /** A short line under a headline that carries a full date ("By A. Petrova | 12 March 2024") dates it. */
  private readByline(c: Segment, text: string): boolean {
    if (text.length > BYLINE_MAX || hasTerminalPunctuation(text) && text.length > 60) return false;
    const date = findFirstCompleteDate(text);
    if (!date) return false;
    if (!c.ownDate) c.ownDate = { date, precision: 'day' };
    c.paragraphs.push(text);
    c.subtitles += 1;
    return true;
  }

  private onDate(date: OwnDate, isPrefix: boolean): void {
    const c = this.current;
    if (c && c.kind === 'article' && !c.hasBody && !c.ownDate) {
      c.ownDate = date; // "Headline" then "29.05.2017": the date belongs to the article
      return;
    }
    if (c?.isStory && !c.hasBody) {
      if (c.title === null) this.restartStory(c);
      return; // under a headline: the story's own date line
    }
    this.close();
    this.pendingDate = date;
    this.pendingStory = isPrefix;
  }

  private onPara(text: string, i: number): void {
    if (this.pendingStory) return this.openStory(text, i);
    const c = this.current;
    if (c?.title && !c.hasBody) {
      const repeat = readRepeat(c.title, text);
      if (repeat) {
        if (repeat.date && !c.ownDate) c.ownDate = repeat.date;
        return;
      }
    }
    if (c?.kind === 'article' && !c.hasBody && this.readByline(c, text)) return;
    if (c?.isStory) return this.continueStory(c, text, i);
    if (isFragment(text) && !this.pendingDate) {
      if (c) c.paragraphs.push(text); // a caption stays with the item it illustrates
      return;
    }
    const strong = isStrongHeadline(this.tokens, i);
    const weak = !strong && isWeakHeadline(this.tokens, i);
    if (weak && c?.kind === 'article' && !c.hasBody) {
      c.paragraphs.push(text); // a second title-shaped line under a headline is its subtitle
      c.subtitles += 1;
      return;
    }
    if (weak && c && c.kind !== 'teaser' && c.paragraphs.length - c.subtitles >= INTERTITLE_AFTER) {
      c.paragraphs.push(text); // an intertitle inside a long story, not a new item
      return;
    }
    if (strong || weak) return this.open('article', text, []);
    if (this.pendingDate) return this.open('dated-teaser', null, [text]);
    if (c && c.kind !== 'teaser') {
      c.paragraphs.push(text);
      c.hasBody = true;
      return;
    }
    if (isWireOpening(text)) return this.open('wire', null, [text]);
    if (isOrphanLabel(text)) return this.close();
    this.open('teaser', null, [text]);
  }
}

/** Splits cleaned page text into segments in page order. Never throws. */
export function segmentPage(cleaned: string): Segment[] {
  return mergeStoryRun(new Segmenter(tokenize(cleaned)).run());
}
