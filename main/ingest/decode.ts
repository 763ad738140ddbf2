// Bytes → text. Order matters: BOM, then UTF-16 without BOM (it is full of NULs), then the binary
// check, then strict UTF-8, then the Cyrillic single-byte encodings chosen by jschardet and by how
// Russian the decoded text looks (a <meta charset> is only a hint: pages lie about it).
import jschardet from 'jschardet';

export type DecodeFailure = 'binary' | 'decode-failed';

export class DecodeError extends Error {
  constructor(readonly reason: DecodeFailure, message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface DecodedText {
  text: string;
  encoding: string;
}

const SINGLE_BYTE = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5', 'x-mac-cyrillic', 'windows-1252'] as const;
const JSCHARDET_NAMES: Record<string, string> = {
  'windows-1251': 'windows-1251',
  'koi8-r': 'koi8-r',
  ibm866: 'ibm866',
  'iso-8859-5': 'iso-8859-5',
  maccyrillic: 'x-mac-cyrillic',
  'x-mac-cyrillic': 'x-mac-cyrillic',
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  ascii: 'windows-1252',
};

const MAGIC: number[][] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, EPUB
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (DOC, XLS)
  [0x1f, 0x8b], // gzip
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Detects UTF-16 without BOM from where its NUL (or 0x04 for Cyrillic) high bytes sit. */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  let evenHigh = 0;
  let oddHigh = 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    if (a === 0) evenNul += 1;
    if (b === 0) oddNul += 1;
    if (a === 0 || a === 4) evenHigh += 1;
    if (b === 0 || b === 4) oddHigh += 1;
  }
  const pairs = n / 2;
  if (oddHigh / pairs > 0.6 && evenNul / pairs < 0.05 && oddNul > 0) return 'utf-16le';
  if (evenHigh / pairs > 0.6 && oddNul / pairs < 0.05 && evenNul > 0) return 'utf-16be';
  return null;
}

/**
 * True for bytes that are not text: known binary signatures, NUL bytes beyond a stray few (one in
 * a thousand: a text file damaged by a bad copy still imports), many control bytes.
 */
export function isBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((magic) => startsWith(bytes, magic))) return true;
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i]!;
    if (b === 0) nul += 1;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control += 1;
  }
  if (n === 0) return false;
  return nul > Math.max(2, n / 1000) || (control + nul) / n > 0.05;
}

/** U+FFFD in a lenient UTF-8 reading up to which the file is UTF-8 with a few damaged bytes. */
const damagedUtf8Limit = (length: number) => Math.max(8, length / 500);

/**
 * UTF-8 with a few invalid bytes (a truncated download, a bad copy) stays UTF-8, the bad bytes
 * becoming U+FFFD, instead of turning into Cyrillic mojibake. Needs real multi-byte sequences.
 */
function decodeDamagedUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let multiByte = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced += 1;
    else if (code >= 0x80) multiByte += 1;
  }
  return multiByte > replaced * 10 && replaced <= damagedUtf8Limit(text.length) ? text : null;
}

/**
 * How much a decoded text looks like real Russian or English: common lower-case Russian letters
 * score most, upper case a little; letters foreign to Russian, C1 controls, box drawing and
 * replacement characters (the marks of a wrong table) cost.
 */
export function scorePlausibility(text: string): number {
  let score = 0;
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  for (const ch of sample) {
    if ('оеаинтсрвлкмдпу'.includes(ch)) score += 2;
    else if ((ch >= 'а' && ch <= 'я') || ch === 'ё') score += 1;
    else if ((ch >= 'А' && ch <= 'Я') || ch === 'Ё') score += 0.5;
    else if (ch === '\ufffd') score -= 5;
    else if (/[\u0400-\u040f\u0450-\u045f\u0460-\u04ff\u0080-\u009f\u2500-\u25ff\u0192]/u.test(ch)) score -= 2;
  }
  return score;
}

// Node 20's TextDecoder reads windows-1252 as ISO-8859-1 (0x80–0x9F become C1 controls), so the
// 32 characters that differ are mapped here. Undefined positions stay C1, as in the WHATWG table.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes windows-1252 per the WHATWG table. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    let out = '';
    for (const b of chunk) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
    parts.push(out);
  }
  return parts.join('');
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal = false): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/** Chooses among single-byte encodings: jschardet's guesses and the page's hint, verified by content. */
function decodeSingleByte(bytes: Uint8Array, hint: string | null): DecodedText {
  const candidates = new Map<string, number>();
  for (const name of SINGLE_BYTE) candidates.set(name, 0);
  const sample = bytes.length > 200_000 ? bytes.subarray(0, 200_000) : bytes;
  for (const guess of jschardet.detectAll(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength))) {
    const name = JSCHARDET_NAMES[(guess.encoding ?? "").toLowerCase()];
    if (name !== undefined) candidates.set(name, Math.max(candidates.get(name) ?? 0, guess.confidence));
  }
  if (hint && candidates.has(hint)) candidates.set(hint, (candidates.get(hint) ?? 0) + 0.1);
  let best: DecodedText | null = null;
  let bestScore = -Infinity;
  for (const [encoding, confidence] of candidates) {
    let text: string;
    try {
      text = decodeWith(encoding, bytes);
    } catch {
      continue; // an encoding this runtime's ICU lacks
    }
    const score = scorePlausibility(text.slice(0, 50_000)) * (1 + confidence);
    if (score > bestScore) {
      best = { text, encoding };
      bestScore = score;
    }
  }
  if (!best) throw new Error('no single-byte decoder is available');
  // A few high bytes in Latin text (é, smart quotes) must not turn it Cyrillic: Cyrillic decodings
  // are kept only when Cyrillic makes up a real share of the letters.
  if (best.encoding !== 'windows-1252' && cyrillicShare(best.text) < 0.2) {
    return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252' };
  }
  return best;
}

function cyrillicShare(text: string): number {
  const sample = text.slice(0, 50_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = sample.match(/[\u0400-\u04ff]/gu)?.length ?? 0;
  return letters === 0 ? 0 : cyrillic / letters;
}

/** Stray NUL bytes (tolerated by isBinary) never reach the archive's text files. */
function stripNul(text: string): string {
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}

/** Normalises a charset label to one TextDecoder accepts, or null. */
export function normaliseCharset(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

/**
 * Decodes file bytes to text. `charsetHint` (from HTML) is used only when it survives the checks.
 * Throws DecodeError('binary') for non-text and DecodeError('decode-failed') when nothing fits.
 */
export function decodeBytes(bytes: Uint8Array, charsetHint: string | null = null): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: decodeWith('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeWith('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeWith('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes), encoding: utf16 };
  if (isBinary(bytes)) throw new DecodeError('binary', 'the file is binary, not text');
  try {
    return { text: stripNul(decodeWith('utf-8', bytes, true)), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to the single-byte encodings
  }
  const damaged = decodeDamagedUtf8(bytes);
  if (damaged !== null) return { text: stripNul(damaged), encoding: 'utf-8' };
  const hint = normaliseCharset(charsetHint);
  try {
    const decoded = decodeSingleByte(bytes, hint === 'utf-8' ? null : hint);
    return { ...decoded, text: stripNul(decoded.text) };
  } catch (error) {
    throw new DecodeError('decode-failed', `no known encoding fits (${(error as Error).message})`);
  }
}
