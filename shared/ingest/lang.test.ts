import { describe, expect, it } from 'vitest';
import { detectLang } from './lang';

describe('detecting the page language', () => {
  it('reads a Russian page as ru even with Latin brand names', () => {
    expect(detectLang('Москва. 9 декабря. KAZAKHSTAN TODAY - Состоялось заседание рабочей группы.')).toBe('ru');
  });

  it('reads an English page with a Russian name as en', () => {
    expect(detectLang('The CSTO Secretary General met the press (пресс-служба) in Moscow today.')).toBe('en');
  });

  it('falls back to en for text without letters', () => {
    expect(detectLang('12.05.2024 — 13:40')).toBe('en');
  });
});
