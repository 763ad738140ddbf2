import { describe, expect, it } from 'vitest';
import { matchShortcut } from './shortcuts';

const base = { ctrlKey: false, metaKey: false, altKey: false, isTyping: false, isInResults: false };

describe('matchShortcut', () => {
  it('maps the single-letter shortcuts outside text fields', () => {
    expect(['/', 't', 'n', 'c', 's'].map((key) => matchShortcut({ ...base, key }))).toEqual(['focus-search', 'tag', 'note', 'collect', 'star']);
  });

  it('leaves letters to a text field being typed in, but Escape still closes', () => {
    expect(matchShortcut({ ...base, key: 's', isTyping: true })).toBeNull();
    expect(matchShortcut({ ...base, key: 'Escape', isTyping: true })).toBe('close');
  });

  it('opens with Enter only from the result list', () => {
    expect(matchShortcut({ ...base, key: 'Enter' })).toBeNull();
    expect(matchShortcut({ ...base, key: 'Enter', isInResults: true })).toBe('open');
  });

  it('ignores keys with modifiers', () => {
    expect(matchShortcut({ ...base, key: 's', ctrlKey: true })).toBeNull();
  });
});
