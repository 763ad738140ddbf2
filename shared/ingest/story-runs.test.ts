import { describe, expect, it } from 'vitest';
import { hasContinuationCue, mergeStoryRun } from './story-runs';
import type { Segment } from './segment';

const teaser = (text: string): Segment => ({ kind: 'teaser', title: null, paragraphs: [text], subtitles: 0, ownDate: null });

describe('telling a headline-less story from a list of teasers', () => {
  it.each([
    'Напомним, накануне совет принял решение.',
    'Также в мероприятии примут участие послы.',
    '«Мы обсудим итоги года», — отметил он.',
    'He added that the drills would continue.',
    'The participants also included the speaker of the lower house.',
    'The talks will go on, he said, until Friday.',
  ])('hears a continuation in %j', (paragraph) => {
    expect(hasContinuationCue(paragraph)).toBe(true);
  });

  it.each([
    'On 7 February the CSTO Secretary General met the ambassador.',
    'I highly appreciate my participation in the meeting.',
    'The meeting of the Military Committee was held in Minsk.',
    'Representatives of the press services took part via video link.',
    'Генеральный секретарь ОДКБ провел встречу с послом.',
  ])('hears a self-contained lead in %j', (paragraph) => {
    expect(hasContinuationCue(paragraph)).toBe(false);
  });

  it('merges a page of undated paragraphs into one story when a later one continues', () => {
    const merged = mergeStoryRun([teaser('The council met in Minsk on Thursday.'), teaser('Also present were the ministers.')]);
    expect(merged).toEqual([{ kind: 'wire', title: null, paragraphs: ['The council met in Minsk on Thursday.', 'Also present were the ministers.'], subtitles: 0, ownDate: null }]);
  });

  const article: Segment = { kind: 'article', title: 'A headline here', paragraphs: ['Body.'], subtitles: 0, ownDate: null };

  it('leaves a list above an article alone when only one of its paragraphs continues', () => {
    const segments = [teaser('The council met in Minsk.'), teaser('It also approved the budget.'), teaser('The Joint Staff held a drill.'), article];
    expect(mergeStoryRun(segments)).toEqual(segments);
  });

  it('merges a run above an article when most of its later paragraphs continue', () => {
    const run = [teaser('The council met in Minsk.'), teaser('It also approved the budget.'), teaser('Recall that the last session was in May.')];
    expect(mergeStoryRun([...run, article]).map((s) => s.kind)).toEqual(['wire', 'article']);
  });
});
