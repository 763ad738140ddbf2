import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean';
import { extractItems } from './index';
import { segmentPage } from './segment';

function titles(text: string): (string | null)[] {
  return segmentPage(cleanText(text)).map((s) => s.title);
}

describe('segmenting a page into items', () => {
  it('makes every undated paragraph of a list its own item, even when one continues the other', () => {
    const page = 'First teaser about the meeting.\nIt continued with a second point.\n\nThird teaser here.\n\nCSTO holds a council in Minsk\n\n12.05.2024\n\nThe council met.';
    expect(segmentPage(page).map((s) => s.paragraphs)).toEqual([
      ['First teaser about the meeting.'],
      ['It continued with a second point.'],
      ['Third teaser here.'],
      ['The council met.'],
    ]);
  });

  it('reads a page made only of headline-less paragraphs, one continuing another, as one story', () => {
    const page = 'В четверг в Ереване пройдет заседание совета.\n\nМероприятие пройдет в формате видеоконференции.\n\nНапомним, ранее совет собирался в Минске.';
    expect(segmentPage(page)).toMatchObject([{ title: null, paragraphs: [expect.any(String), expect.any(String), expect.any(String)] }]);
  });

  it('keeps a page of self-contained undated leads as separate teasers', () => {
    const page = 'On 3 May the CSTO Secretary General met the minister.\n\nThe Joint Staff held a briefing for journalists.\n\nOn 1 May the council approved the plan.';
    expect(segmentPage(page)).toHaveLength(3);
  });

  it('takes a stored page behind a " date" prefix as one story with its headline, subtitle and body', () => {
    const page = ' date 2025-03-04 Minister thanks the outgoing Secretary General\n\nHe also praised the allied cooperation\n\nEditorial team\n\nMOSCOW, 4 March. The minister met the Secretary General.\n\nThey discussed the results of the year.';
    const segments = segmentPage(page);
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ title: 'Minister thanks the outgoing Secretary General', ownDate: { date: '2025-03-04' } });
  });

  it('sets aside a stored page\'s trending links above its date line when a headline follows the date', () => {
    const page = ' date 2025-11-25 Праздник\nФорум городов открылся в Казани\nВойна на Украине: переговоры 2025\n25 ноября 2025 в 02:55\n\nГенсек ОДКБ назван в Москве\n\nНовым генсеком станет посол.';
    const segments = segmentPage(page);
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ title: 'Генсек ОДКБ назван в Москве', paragraphs: ['Новым генсеком станет посол.'] });
  });

  it('takes the last title-shaped line before a stored page\'s date line as its headline when the body follows', () => {
    const page = ' date 2025-11-25 Политика\nСовет ОДКБ собрался в Минске\n25 ноября 2025\n\nСовет обсудил итоги года.';
    expect(segmentPage(page)).toMatchObject([{ title: 'Совет ОДКБ собрался в Минске', paragraphs: ['Совет обсудил итоги года.'] }]);
  });

  it('drops a language switcher glued behind a " date" prefix', () => {
    expect(segmentPage(' date 2025-11-27 РУ\nСовет утвердил нового генсека организации\n\nСостоялось заседание совета.')).toMatchObject([
      { title: 'Совет утвердил нового генсека организации', ownDate: { date: '2025-11-27' } },
    ]);
  });

  it('gathers the paragraphs under a date line into one dated teaser', () => {
    const segments = segmentPage('09.05.2025\n\nToday a parade was held.\n\nOfficers marched in formation.\n\n08.05.2025\n\nAnother event took place.');
    expect(segments.map((s) => [s.kind, s.ownDate?.date, s.paragraphs.length])).toEqual([
      ['dated-teaser', '2025-05-09', 2],
      ['dated-teaser', '2025-05-08', 1],
    ]);
  });

  it('takes the repeated headline with its date as the same article and drops the repeat', () => {
    const [article] = segmentPage('Committee meets on December 8\n\nCommittee meets on December 8 08.12.2021\n\nThe meeting was held.');
    expect(article).toMatchObject({ title: 'Committee meets on December 8', ownDate: { date: '2021-12-08' }, paragraphs: ['The meeting was held.'] });
  });

  it('keeps a headline repeated around a view counter (no menu repeats an entry)', () => {
    expect(titles('Совет ОДКБ о перспективах\n1 880\n\nСовет ОДКБ о перспективах\n\nСовет собрался в Душанбе.')).toEqual(['Совет ОДКБ о перспективах']);
  });

  it('confirms a headline by a repeat cut off at the end of the page, after a dated teaser', () => {
    const page = '01.07.2024\n\nThe Secretary General gave an interview.\n\nThe Secretariat hosted the meeting of the working group\n\nThe Secretariat hosted the meeting of the wor';
    expect(titles(page)).toEqual([null, 'The Secretariat hosted the meeting of the working group']);
  });

  it('dates an article by a date alone on the line after its headline', () => {
    const [article] = segmentPage('A quarter of a century together\n29.05.2017\nIn his greeting he said: thanks.');
    expect(article).toMatchObject({ title: 'A quarter of a century together', ownDate: { date: '2017-05-29' } });
  });

  it('splits a date glued to the first body line off as the article date', () => {
    const [article] = segmentPage('В Таджикистане пройдет заседание Военного комитета\n07.04.2015Военный комитет создан при СМО.');
    expect(article).toMatchObject({ ownDate: { date: '2015-04-07' }, paragraphs: ['Военный комитет создан при СМО.'] });
  });

  it('keeps a subtitle and the background paragraphs of a wire story in one article', () => {
    const text = 'Chiefs of staff to gather in Moscow\n\nThe organisation comprises six countries\n\nMOSCOW, August 28 (Itar-Tass) — The chiefs will gather.\n\nThe organisation was created in 1992.';
    const segments = segmentPage(text);
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ title: 'Chiefs of staff to gather in Moscow', subtitles: 1 });
    expect(segments[0]!.paragraphs).toHaveLength(3);
  });

  it('takes a headline-less wire story as one item from its dateline', () => {
    expect(segmentPage('МОСКВА, 6 июня. /ТАСС/. Шойгу прибыл.\nОн проведет переговоры.\nВ ОДКБ входят шесть стран.')).toHaveLength(1);
  });

  it('keeps short section headings inside the article of a reference page', () => {
    expect(titles('COLLECTIVE SECURITY TREATY ORGANIZATION\n\nParticipants: six states.\n\nBackground\n\nThe treaty was signed.\n\nManaging Bodies\n\nThe council meets.')).toEqual([
      'COLLECTIVE SECURITY TREATY ORGANIZATION',
    ]);
  });

  it('starts an article at a title-shaped line followed by its lead', () => {
    expect(titles('CSTO Secretary General visits Dushanbe\n\nThe Secretary General arrived for talks.\n\nJoint Staff officers complete a course\n\nOfficers completed it.')).toEqual([
      'CSTO Secretary General visits Dushanbe',
      'Joint Staff officers complete a course',
    ]);
  });

  it('keeps an intertitle inside a long article instead of starting an item', () => {
    expect(titles('CSTO and the security of Central Asia\n\nFirst paragraph of the story.\n\nSecond paragraph of the story.\n\nThe role of the rapid reaction forces\n\nThird paragraph.')).toEqual([
      'CSTO and the security of Central Asia',
    ]);
  });

  it('drops a section label above a list instead of making it an item', () => {
    expect(segmentPage('CSTO News\n\nThe Secretary General met the minister.\n\nThe Joint Staff held a meeting.').map((s) => s.paragraphs[0])).toEqual([
      'The Secretary General met the minister.',
      'The Joint Staff held a meeting.',
    ]);
  });

  it('does not take a site title above a dated list for a headline', () => {
    expect(titles('Joint Staff of the CSTO\n\n12 May 2025\n\nOfficers took part in a ceremony.\n\n10 May 2025\n\nA delegation visited.')).toEqual([null, null]);
  });

  it('splits a list under year-less date lines and leaves their dates unknown', () => {
    const { items } = extractItems('6 июня, 10:15\n\nСекретарь Совбеза прибыл в Алма-Ату.\n\n5 июня, 18:00\n\nВ Бишкеке прошли консультации 15 мая 1992 года.');
    expect(items.map((i) => i.date)).toEqual([null, null]);
  });

  it('keeps a lower-case photo caption with the teaser above instead of starting an item', () => {
    const page = 'The Secretary General met the minister.\n\nthe secretary general and the minister in Minsk\n\nThe Joint Staff held a briefing.\n\nCSTO holds a council in Minsk\n\n12.05.2024\n\nThe council met.';
    expect(segmentPage(page).map((s) => s.paragraphs.length)).toEqual([2, 1, 1]);
  });

  it('keeps an item cut off at the end of the page', () => {
    const segments = segmentPage('05.09.2024\n\nГенеральный секретарь принял участие в завершающем этапе совместного учения с подразделениями органов, уполномоченных в сфере');
    expect(segments).toHaveLength(1);
  });
});

describe('segmentation properties', () => {
  const line = fc.oneof(
    fc.constantFrom(
      '12.05.2024', 'CSTO holds a meeting in Minsk', 'The meeting was held in Minsk on 3 May.', 'Go back', 'p>', '',
      'МОСКВА, 6 июня. /ТАСС/. Текст.', ' date 2025-08-21 МИНСК, 21 авг — Sputnik.', '07.04.2015Военный комитет', 'Short label',
      'CSTO holds a meeting in Minsk 12.05.2024', 'From 3 to 6 September, exercises.', '\u00a0',
    ),
    fc.string({ maxLength: 80 }),
  );
  const page = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));

  it('never throws; every item has text or a title, and every title and paragraph line comes from the page', () => {
    fc.assert(
      fc.property(page, (text) => {
        const { items } = extractItems(text);
        const cleanedLines = new Set(cleanText(text).split('\n'));
        for (const item of items) {
          expect(item.title !== null || item.text.length > 0).toBe(true);
          if (item.date !== null) expect(item.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
          if (item.title !== null) expect(cleanedLines.has(item.title)).toBe(true);
          const first = item.title ?? item.text.split('\n')[0]!;
          expect(cleanText(text).includes(first.slice(0, 55))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('puts the first 55 characters of each item\'s first line (its anchor) into its title or text', () => {
    fc.assert(
      fc.property(page, (text) => {
        for (const item of extractItems(text).items) {
          const first = (item.title ?? item.text).split('\n')[0]!.slice(0, 55).trimEnd();
          expect(`${item.title ?? ''}\n\n${item.text}`.includes(first)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
