import { describe, expect, it } from 'vitest';
import { prepareMarkdown } from './markdown';

describe('preparing Markdown', () => {
  it('drops front matter but keeps its url as the page address', () => {
    expect(prepareMarkdown('---\ntitle: x\nurl: https://odkb-csto.org/news/1\n---\n# Headline\n\nBody.')).toEqual({
      text: 'Headline\n\nBody.',
      url: 'https://odkb-csto.org/news/1',
    });
  });

  it('turns ATX and setext headings into plain headline lines', () => {
    expect(prepareMarkdown('## Title ##\n\nSub title\n---------\n\nText.').text).toBe('Title\n\nSub title\n\nText.');
  });

  it('leaves other Markdown as it is', () => {
    expect(prepareMarkdown('Some *emphasis* and a [link](https://x.y).').text).toBe('Some *emphasis* and a [link](https://x.y).');
  });
});
