import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, isBoilerplateLine } from './clean';
import { decodeEntities } from './entities';

describe('cleaning lines', () => {
  it('removes scraped tag residue: a trailing " p>", "<br>", "</p>"', () => {
    expect(cleanLine('said: p>')).toBe('said:');
    expect(cleanLine('first<br>second</p>')).toBe('first second');
    expect(cleanLine('text /p> more')).toBe('text more');
  });

  it('decodes entities and keeps the no-break space', () => {
    expect(cleanLine('A&nbsp;B &amp; C &laquo;D&raquo; &#8212; &#x2013;')).toBe('A\u00a0B & C «D» — –');
  });

  it('folds tabs and odd spaces and trims the line, no-break spaces included', () => {
    expect(cleanLine('\u00a0 Main\tpage \u2003 \u00a0')).toBe('Main page');
  });

  it('leaves unknown entity names and a lone ampersand alone', () => {
    expect(decodeEntities('R&D &madeup; AT&T')).toBe('R&D &madeup; AT&T');
  });
});

describe('recognising boilerplate lines', () => {
  it.each([
    'All news', 'Main page', 'Print version', 'Go back', 'Back to the section', 'Back to the all news',
    'Eurasian Home - analytical resource', 'Все новости', 'Главная', 'Версия для печати', 'Назад',
    'Вернуться к списку', '« Back', 'Фото: Depositphotos', 'Photo: CSTO press service',
    'https://www.fmgnews.info/72635-koalicionnyy-schit-sng.html', '© 2024 CSTO. All rights reserved.',
    'Today is Monday, 12 May 2025', 'Сегодня 12 мая 2025 г.', 'Home > News > CSTO', 'Главная / Новости',
    '71331', '1 234 просмотра', 'Вчера, 14:30', 'Теги: ОДКБ, Россия, учения', 'Share: Facebook Twitter',
    'Рейтинг@Mail.ru', 'Подписывайтесь на Sputnik в Дзен', 'Наши новостные каналы', 'Войти в почту', 'РУ', 'EN',
    'Қаз', '1 880', 'Follow us on Telegram', 'ОДКБ, Армения, Учения, Безопасность', 'ОДКБ Армения Россия Учения',
    'CSTO | Armenia | Exercises | Security',
  ])('drops "%s"', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'Сегодня в Кыргызской Республике на полигоне «Эдельвейс» состоялась церемония открытия.',
    'Today, in Moscow\'s Red Square, parade dedicated to the 80th anniversary took place.',
    'Background',
    'COLLECTIVE SECURITY TREATY ORGANIZATION (CSTO)',
    'The CIS coalition shield – what is it: a guarantee or an illusion? | COMMONWEALTH',
    'CSTO Secretary General Visits Dushanbe',
    'Генсек ОДКБ посетил Душанбе',
    'Armenia, Belarus and Russia held talks in Minsk',
    'Russia, Belarus, Kazakhstan Sign Agreement',
    'Армения, Беларусь и Россия провели переговоры',
  ])('keeps "%s"', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});

describe('cleaning a page', () => {
  it('drops a lone "p>" line without leaving a blank line that would split a block', () => {
    expect(cleanText('one p>\np>\ntwo')).toBe('one\ntwo');
  });

  it('normalises CRLF and CR line endings and squeezes blank lines', () => {
    expect(cleanText('\r\n\r\nFirst line.\r\n\r\n\r\nSecond line.\rThird line.\n\n')).toBe('First line.\n\nSecond line.\nThird line.');
  });

  it('drops a link list of short menu lines but keeps a lone section heading', () => {
    const page = 'Heading of the page\n\nBackground\n\nSome text that is long enough to count as content here.\n\nevents\nnews\nopinion\nabout us';
    expect(cleanText(page)).toBe('Heading of the page\n\nBackground\n\nSome text that is long enough to count as content here.');
  });

  it('cuts an "Other materials" block after the content', () => {
    const page = 'Title of the news\n\nThe body of the article is a sentence long enough to count as content.\n\nOther materials\nAnother news title\n12.02.2024';
    expect(cleanText(page)).toBe('Title of the news\n\nThe body of the article is a sentence long enough to count as content.');
  });

  it('cuts a "Рекомендуем для вас" block after the content', () => {
    expect(cleanText('Заголовок новости о совете\n\nТекст новости достаточно длинный, чтобы считаться содержанием.\n\nРекомендуем для вас\nДругая новость')).toBe(
      'Заголовок новости о совете\n\nТекст новости достаточно длинный, чтобы считаться содержанием.',
    );
  });

  it('drops a breadcrumb trail that ends with the headline given on the next line', () => {
    expect(cleanText('Домой Политика Совет ОДКБ собрался в Минске\n\nСовет ОДКБ собрался в Минске\n\nТекст.')).toBe(
      'Совет ОДКБ собрался в Минске\n\nТекст.',
    );
  });

  it('keeps a date before a repeated headline (a dated repeat, not a trail)', () => {
    expect(cleanText('08.12.2021 Council meets in Minsk today\nCouncil meets in Minsk today')).toContain('08.12.2021');
  });

  it('drops an "Other materials" heading that precedes any content, keeping what follows', () => {
    expect(cleanText('Читайте также\nОсновной текст новости.')).toBe('Основной текст новости.');
  });

  it('never throws, never leaves a line with edge spaces, and is idempotent', () => {
    const pieces = fc.constantFrom('p>', ' p>', '<br>', '&nbsp;', '\u00a0', 'All news', '\n', '\r\n', 'Text.', 'Заголовок', '\t', '<', '>', '&', '12.05.2024', 'https://x.y/z');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''))), (text) => {
        const cleaned = cleanText(text);
        for (const line of cleaned.split('\n')) expect(line).toBe(line.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, ''));
        expect(cleanText(cleaned)).toBe(cleaned);
      }),
      { numRuns: 400 },
    );
  });

  it('cleans a 5 MB single line quickly (no regex backtracking blow-up)', () => {
    const line = `${'<a '.repeat(500_000)}${'x&'.repeat(1_000_000)}`;
    const started = Date.now();
    cleanText(line);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
