// Base64 over typed arrays, for the text form of the saved index: a few hundred megabytes must
// encode and decode in well under a second, with no Node Buffer in shared/ and no atob string detour.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;
const CHUNK = 3 * 8192;

/** Encodes bytes as base64 (with padding). */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Uint16Array(Math.ceil((end - start) / 3) * 4);
    let out = 0;
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] as number;
      const b = i + 1 < end ? (bytes[i + 1] as number) : 0;
      const c = i + 2 < end ? (bytes[i + 2] as number) : 0;
      codes[out++] = ALPHABET.charCodeAt(a >> 2);
      codes[out++] = ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4));
      codes[out++] = i + 1 < end ? ALPHABET.charCodeAt(((b & 15) << 2) | (c >> 6)) : 61;
      codes[out++] = i + 2 < end ? ALPHABET.charCodeAt(c & 63) : 61;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Decodes base64 (as encodeBase64 writes it); returns null on a character outside the alphabet. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = CODES[text.charCodeAt(i)] ?? 255;
    const b = CODES[text.charCodeAt(i + 1)] ?? 255;
    const c = text.charCodeAt(i + 2) === 61 ? 0 : (CODES[text.charCodeAt(i + 2)] ?? 255);
    const d = text.charCodeAt(i + 3) === 61 ? 0 : (CODES[text.charCodeAt(i + 3)] ?? 255);
    if ((a | b | c | d) === 255 || a > 63 || b > 63 || c > 63 || d > 63) return null;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    if (out < bytes.length) bytes[out++] = triple >> 16;
    if (out < bytes.length) bytes[out++] = (triple >> 8) & 255;
    if (out < bytes.length) bytes[out++] = triple & 255;
  }
  return bytes;
}
