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

  it('cuts off a ---js or ---coffee front matter like a YAML one, without reading it', () => {
    for (const open of ['---js', '---javascript', '---coffee']) {
      const source = `${open}\n({ title: (globalThis.__mdRan = true) })\n---\nHeadline\n\nBody.`;
      expect(prepareMarkdown(source)).toEqual({ text: 'Headline\n\nBody.', url: null });
    }
    expect('__mdRan' in globalThis).toBe(false);
  });
});
