// File-name-safe slugs. Hand-written because the usual libraries return "" for `CON` or `..`,
// keep bidi overrides and do not normalize (see STACK.md); a slug here is never empty.

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Controls, bidi overrides and isolates, zero-width characters, BOM, and characters Windows forbids.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff<>:"/\\|?*#%&{}$!'`=@+^~[\];,.\s]+/gu;

/** Longest slug in UTF-8 bytes: leaves room for a date, an id and an extension under 255 bytes. */
export const MAX_SLUG_BYTES = 120;

/**
 * Turns any text into a lower-case slug of letters, digits and hyphens (Cyrillic kept), safe as a
 * file name on Windows, macOS and Linux: NFC, no separators, no reserved device names, no leading
 * or trailing dot or hyphen, at most `maxBytes` UTF-8 bytes. Falls back to `fallback` when empty.
 */
export function slugify(text: string, fallback = 'item', maxBytes = MAX_SLUG_BYTES): string {
  const base = text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(UNSAFE, '-');
  const cleaned = base
    .replace(/[^\p{L}\p{N}-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  const cut = truncateUtf8(cleaned, maxBytes).replace(/-+$/g, '');
  if (cut && !WINDOWS_RESERVED.test(cut)) return cut;
  // A device name gets the fallback appended, still within maxBytes (so that slugging a slug gives
  // it back unchanged); when even that is cut back to the device name, the fallback alone remains.
  const short = truncateUtf8(fallback, maxBytes) || fallback;
  const named = cut ? truncateUtf8(`${cut}-${fallback}`, maxBytes).replace(/-+$/g, '') : short;
  return named && !WINDOWS_RESERVED.test(named) ? named : short;
}

/** Cuts a string to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/** Number of bytes a string takes in UTF-8. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
