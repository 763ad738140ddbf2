import { describe, expect, it } from 'vitest';
import { resolveTagInput, splitTagInput, suggestTags } from './tag-input';

const labels = {
  state: ['Armenia', 'Azerbaijan', 'Belarus'],
  organ: ['Joint Staff', 'Secretariat'],
  exercise: ['Interaction-2024'],
  person: ['Anatoly Sidorov'],
};

describe('tag input', () => {
  it('reads a facet prefix', () => {
    expect(splitTagInput('organ:  Joint Staff ')).toEqual({ facet: 'organ', label: 'Joint Staff' });
    expect(splitTagInput('Note: not a facet')).toEqual({ facet: null, label: 'Note: not a facet' });
  });

  it('suggests prefix matches before inner matches, within the named facet', () => {
    expect(suggestTags('a', labels).map((c) => c.label)).toEqual(['Armenia', 'Azerbaijan', 'Anatoly Sidorov', 'Belarus', 'Joint Staff', 'Secretariat', 'Interaction-2024']);
    expect(suggestTags('state: a', labels).map((c) => c.label)).toEqual(['Armenia', 'Azerbaijan', 'Belarus']);
  });

  it('resolves a known label to its facet and spelling', () => {
    expect(resolveTagInput('joint staff', labels, null)).toEqual({ facet: 'organ', label: 'Joint Staff' });
  });

  it('needs a facet for a label the taxonomy does not know', () => {
    expect(resolveTagInput('Cooperation-2025', labels, null)).toBeNull();
    expect(resolveTagInput('Cooperation-2025', labels, 'exercise')).toEqual({ facet: 'exercise', label: 'Cooperation-2025' });
    expect(resolveTagInput('exercise: Cooperation-2025', labels, null)).toEqual({ facet: 'exercise', label: 'Cooperation-2025' });
  });
});
