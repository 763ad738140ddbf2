// Markdown is kept as text, with only what would disturb segmentation removed: front matter
// (its url/source field is kept as the page address) and the "#" marks of headings. Front matter is
// never parsed, let alone run: a `---js` or `---coffee` block (gray-matter executes those) is only
// cut off, like a YAML one, by a regex.

export interface PreparedMarkdown {
  text: string;
  url: string | null;
}

const FRONT_MATTER = /^(?:\ufeff)?---(?:[a-z]{1,12})?[ \t]*\r?\n([^]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const URL_FIELD = /^(?:url|source|canonical|link)[ \t]*:[ \t]*["']?(https?:\/\/[^\s"']+)["']?[ \t]*$/im;
const ATX_HEADING = /^[ ]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;
const SETEXT_UNDERLINE = /^[ ]{0,3}(?:=+|-+)[ \t]*$/;

/** Strips front matter and heading marks; a setext underline under a text line is dropped too. */
export function prepareMarkdown(source: string): PreparedMarkdown {
  let text = source;
  let url: string | null = null;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    url = URL_FIELD.exec(front[1]!)?.[1] ?? null;
    text = text.slice(front[0].length);
  }
  text = text.replace(ATX_HEADING, '$1');
  const lines = text.split(/\r?\n/);
  const kept = lines.filter((line, i) => {
    const previous = lines[i - 1];
    return !(SETEXT_UNDERLINE.test(line) && previous !== undefined && previous.trim().length > 0 && i > 0);
  });
  return { text: kept.join('\n'), url };
}
