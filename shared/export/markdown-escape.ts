// Escaping that keeps any title or text from changing the structure of the Markdown around it.
// The rules target CommonMark, plus the extensions our readers add (GFM tables and strikethrough,
// Obsidian tags, highlights, comments and math, pandoc attributes, sub/superscript); see docs/export.md.

// C0/C1 controls except tab and newline, bidi embeddings/overrides/isolates, BOM: invisible in a
// report, and a bidi override can make a heading read differently from what it contains.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
// Every character with an inline meaning in CommonMark or in the extensions above.
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#$^{}]/g;
// Doubled only: `==highlight==` and `%%comment%%` (Obsidian); single ones are common in text.
const DOUBLED_SPECIAL = /={2,}|%{2,}/g;
// A list item, a setext underline, a thematic break or a pandoc definition at the start of a line.
const LINE_START_MARK = /^[-+=:]/;
const ORDERED_LIST_MARK = /^(\d{1,9})([.)])(?=[ \t]|$)/;
// pandoc's fancy lists: `a)`, `B.`, `iv.`, `(c)`, `(@)` (only pandoc's own markdown reader sees them).
const FANCY_LIST_MARK = /^([A-Za-z]|[ivxlcdmIVXLCDM]{1,8})([.)])(?=[ \t]|$)/;
const PARENTHESIZED_MARK = /^\((?:\w{1,9}|@\w*)\)/u;

/** Removes control, bidi-override and BOM characters that have no place in a rendered report. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Makes text fit one line: invisible characters removed, every whitespace run (newlines too) one space. */
export function cleanInline(text: string): string {
  return stripInvisible(text).replace(/\s+/gu, ' ').trim();
}

/** Backslash-escapes every inline-significant character; the text must already be one line. */
export function escapeInlineChars(text: string): string {
  return text
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(DOUBLED_SPECIAL, (run) => run.replace(/./g, '\\$&'));
}

/** Turns any text into inline Markdown that renders as exactly `cleanInline(text)`. */
export function escapeInline(text: string): string {
  return escapeInlineChars(cleanInline(text));
}

/**
 * Normalizes multi-line text to paragraphs: newlines unified, invisible characters removed, each
 * line trimmed (leading spaces would make code blocks), at most one blank line between paragraphs.
 */
export function cleanBlock(text: string): string {
  return stripInvisible(text.replace(/\r\n?|[\u2028\u2029]/g, '\n'))
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Turns any text into Markdown paragraphs that render as its words: inline characters escaped, and
 * no line can open a heading, list, quote, fence, HTML block, table, thematic break or front matter.
 */
export function escapeBlock(text: string): string {
  return cleanBlock(text)
    .split('\n')
    .map((line) => escapeLineStart(escapeInlineChars(line)))
    .join('\n');
}

function escapeLineStart(line: string): string {
  if (LINE_START_MARK.test(line) || PARENTHESIZED_MARK.test(line)) return `\\${line}`;
  return line.replace(ORDERED_LIST_MARK, '$1\\$2').replace(FANCY_LIST_MARK, '$1\\$2');
}

/** Prefixes every line with `> ` (blank lines with `>`) to make a blockquote of escaped blocks. */
export function quoteBlock(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

// Characters a link destination may hold as they are; anything else is percent-encoded, so that
// `(`, `)`, spaces, `<` or `>` can never end the destination early.
const URL_SAFE = /[A-Za-z0-9\-._~:/?#[\]@!$'*+,;=%&]/;
// Non-ASCII letters stay readable (Cyrillic anchors and file names); CommonMark allows them as they are.
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/** Returns the normalized address when `raw` is an absolute http(s) URL, else null (no other scheme is ever linked). */
export function toHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** Encodes a URL, anchor or relative path as a link destination that nothing can break out of. */
export function encodeLinkDestination(href: string): string {
  let out = '';
  for (const ch of href) {
    if (ch === '&') out += '\\&'; // an entity reference like `&copy;` would otherwise be decoded
    else if (URL_SAFE.test(ch) || LETTER_OR_DIGIT.test(ch)) out += ch;
    else if (ch.charCodeAt(0) < 0x80) out += `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** A Markdown link to an http(s) URL, or the escaped address as plain text when it is anything else. */
export function renderExternalLink(raw: string): string {
  const href = toHttpUrl(raw);
  if (!href) return escapeInline(raw);
  return `[${escapeInline(href)}](${encodeLinkDestination(href)})`;
}
