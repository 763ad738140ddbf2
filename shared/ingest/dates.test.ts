import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findFirstCompleteDate,
  findFirstYearlessDate,
  inferYear,
  isWireOpening,
  readDateLine,
  readWireDateline,
  scanDateMentions,
  splitLeadingDate,
} from './dates';

describe('reading a date line', () => {
  it.each([
    ['29.05.2017', '2017-05-29'],
    ['09.12.2022, 12:49 71331', '2022-12-09'],
    ['24 апреля 2024 г.', '2024-04-24'],
    ['May 13, 2025', '2025-05-13'],
    ['Monday, 12 May 2025 10:30', '2025-05-12'],
    ['2025-08-21', '2025-08-21'],
    ['12:49, 9 December 2022', '2022-12-09'],
    ['Published: 12.05.2025', '2025-05-12'],
    ['Опубликовано: 12 мая 2025 г., 14:30', '2025-05-12'],
    ['*12 May 2025*', '2025-05-12'],
    ['12.05.25', '2025-05-12'],
    ['13.10.2020 | Просмотров: 1 245', '2020-10-13'],
    ['17/03/2025 — 18:13', '2025-03-17'],
    ['12:30 23/11/2022', '2022-11-23'],
    ['2022-11-24 21:41 |', '2022-11-24'],
    ['03-06-2017 18:57:27', '2017-06-03'],
    ['5 june 2024', '2024-06-05'],
  ])('reads %s as %s', (line, iso) => {
    expect(readDateLine(line)).toEqual({ date: iso, precision: 'day' });
  });

  it('gives month precision to a line holding only a month and a year', () => {
    expect(readDateLine('September 2024')).toEqual({ date: '2024-09', precision: 'month' });
    expect(readDateLine('сентябрь 2024 года')).toEqual({ date: '2024-09', precision: 'month' });
  });

  it.each(['Today, 9 May, the parade took place.', '31.02.2024', 'May 2025 was warm', 'The meeting 08.12.2021', '8 September'])(
    'does not take "%s" for a date line',
    (line) => {
      expect(readDateLine(line)).toBeNull();
    },
  );
});

describe('finding the first complete date in a text', () => {
  it.each([
    ['held on 19 July 2024 at the UN Security Council', '2024-07-19'],
    ['signed on May 15, 1992 by Armenia', '1992-05-15'],
    ['On 22 June, 2006 Russian Foreign Minister', '2006-06-22'],
    ['28 April is the Day. We recall that on 28 April 2003. in the city', '2003-04-28'],
    ['from 30 June to 2 July 2024 near Almaty', '2024-06-30'],
    ['from 30 December to 2 January 2024', '2023-12-30'],
    ['From 3 to 6 September 2024, participants', '2024-09-03'],
    ['с 1 по 3 марта 2024 года в Душанбе', '2024-03-01'],
    ['8-9 апреля 2024 г. в Бишкеке', '2024-04-08'],
    ['September 3-6, 2024 in Bishkek', '2024-09-03'],
    ['on December 8 08.12.2021', '2021-12-08'],
    ['posted 03/17/2025 by the press office', '2025-03-17'],
    ['signed on october 7, 2002 in Chisinau', '2002-10-07'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(findFirstCompleteDate(text)).toBe(iso);
  });

  it('does not read lower-case English words as months', () => {
    expect(scanDateMentions('they may 15 times march 3 ways')).toEqual([]);
  });

  it('finds a day-month without a year for the page context to complete', () => {
    expect(findFirstYearlessDate('From 3 to 6 September, participants')).toEqual({ day: 3, month: 9 });
    expect(findFirstYearlessDate('Жапаров 30 июня в Чолпон-Ате')).toEqual({ day: 30, month: 6 });
  });
});

describe('wire datelines', () => {
  it('reads a year-less dateline as a known-unknown date', () => {
    expect(readWireDateline('MOSCOW, August 28 (Itar-Tass) — The chiefs')).toEqual({ date: null });
    expect(readWireDateline('МОСКВА, 6 июня. /ТАСС/. Секретарь')).toEqual({ date: null });
    expect(readWireDateline('Москва. 9 декабря. KAZAKHSTAN TODAY - Состоялось')).toEqual({ date: null });
  });

  it.each([
    ['MINSK, 12 May (BelTA) - The council met.', null],
    ['ASTANA. March 5. KAZINFORM - The council met.', null],
    ['10 мая, Москва /Иван Петров - БЕЛТА/. Генсек ОДКБ заявил.', null],
    ['MINSK, 12 May 2024 (BelTA) - The council met.', '2024-05-12'],
  ])('reads the agency dateline of "%s"', (paragraph, date) => {
    expect(readWireDateline(paragraph)).toEqual({ date });
  });

  it('does not take a date-first sentence without an agency for a dateline', () => {
    expect(readWireDateline('10 мая, Москва приняла делегацию.')).toBeUndefined();
    expect(readWireDateline('Moscow, 12 May 2024, the council met.')).toBeUndefined();
  });

  it('reads a dateline with a year', () => {
    expect(readWireDateline('АСТАНА, 5 сентября 2024 г. /Казинформ/ - Министры')).toEqual({ date: '2024-09-05' });
  });

  it('recognises a wire opening without a date', () => {
    expect(isWireOpening('ASTANA. KAZINFORM - The CSTO Secretary General met')).toBe(true);
    expect(isWireOpening('МИНСК, /БЕЛТА/ – Министр обороны')).toBe(true);
    expect(isWireOpening('The CSTO, as usual, met in Minsk.')).toBe(false);
  });

  it('does not take an ordinary sentence for a dateline', () => {
    expect(readWireDateline('Today, 9 May, the parade took place.')).toBeUndefined();
    expect(readWireDateline('On 22 June, 2006 Russian Foreign Minister')).toBeUndefined();
  });
});

describe('dates glued to a line', () => {
  it('splits a numeric date glued to the first body line', () => {
    expect(splitLeadingDate('07.04.2015Военный комитет создан')).toEqual({
      date: { date: '2015-04-07', precision: 'day' },
      rest: 'Военный комитет создан',
      isPrefix: false,
    });
  });

  it('splits the " date YYYY-MM-DD" prefix of stored pages', () => {
    expect(splitLeadingDate(' date 2025-08-21 МИНСК, 21 авг — Sputnik.')).toMatchObject({ rest: 'МИНСК, 21 авг — Sputnik.', isPrefix: true });
  });
});

describe('inferring a year from the page', () => {
  it('takes the one year of the neighbouring items', () => {
    expect(inferYear({ day: 3, month: 9 }, 'Interaction-2024 is held', new Set([2024]))).toBe('2024-09-03');
  });

  it('takes the year written with the same day and month in the item', () => {
    expect(inferYear({ day: 6, month: 6 }, 'Held on 6 June 2019 in Minsk, 2020 plans', new Set([2024]))).toBe('2019-06-06');
  });

  it('refuses when the list spans years or the item points elsewhere', () => {
    expect(inferYear({ day: 3, month: 9 }, 'text', new Set([2023, 2024]))).toBeNull();
    expect(inferYear({ day: 3, month: 9 }, 'the 2019 agreement', new Set([2024]))).toBeNull();
    expect(inferYear({ day: 3, month: 9 }, 'text', new Set())).toBeNull();
  });
});

describe('date reading properties', () => {
  const pieces = fc.constantFrom(
    ' ', '.', ',', '-', '–', ' to ', ' по ', '2024', '31', '29', '02', '12', '1992', 'May', 'September', 'апреля',
    'г.', 'года', 'On', 'MOSCOW', '(Itar-Tass)', '/ТАСС/', '\u00a0', '\n', 'Feb', '30', '2099', '1899', '00',
  );
  const text = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')));

  it('never throws and returns only valid ISO dates or null', () => {
    fc.assert(
      fc.property(text, (t) => {
        const iso = findFirstCompleteDate(t);
        if (iso !== null) {
          expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(iso);
        }
        const line = readDateLine(t);
        if (line) expect(line.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        readWireDateline(t);
      }),
      { numRuns: 400 },
    );
  });

  it('reads back any valid date written in each supported form', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const ru = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 5 }), (d, form) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const written = [
          `${String(day).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`,
          `${day} ${months[m - 1]} ${y}`,
          `${months[m - 1]} ${day}, ${y}`,
          `${day} ${ru[m - 1]} ${y} года`,
          `${String(day).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
          `${day}-${m}-${y}`,
        ][form]!;
        expect(findFirstCompleteDate(`Held on ${written} in Minsk.`)).toBe(d.toISOString().slice(0, 10));
      }),
      { numRuns: 300 },
    );
  });
});
