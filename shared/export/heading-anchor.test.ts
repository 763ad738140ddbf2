import { describe, expect, it } from 'vitest';
import { createAnchorSlugger, slugifyHeading } from './heading-anchor';

describe('GitHub-style heading anchors', () => {
  it('lower-cases, drops punctuation and symbols, and turns each space into a hyphen', () => {
    expect(slugifyHeading('Hello World!')).toBe('hello-world');
    expect(slugifyHeading('1. CSTO & Belarus: talks')).toBe('1-csto--belarus-talks');
    expect(slugifyHeading('3. «Взаимодействие-2024» 🎉 snake_case')).toBe('3-взаимодействие-2024--snake_case');
  });

  it('numbers repeated anchors the way github-slugger does', () => {
    const slugger = createAnchorSlugger();
    expect(['foo', 'foo', 'foo-1', 'Foo', ''].map((text) => slugger.slug(text))).toEqual(['foo', 'foo-1', 'foo-1-1', 'foo-2', '']);
  });
});
