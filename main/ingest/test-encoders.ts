// Test helper: encoders for single-byte and UTF-16 encodings, built from Node's TextDecoder tables
// (Node can decode windows-1251/KOI8-R/IBM866 but cannot encode them).
import { decodeWindows1252 } from './decode';

/** Encodes text in a single-byte encoding by inverting TextDecoder's 256-byte table. */
export function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const table = encoding === 'windows-1252' ? decodeWindows1252(all) : new TextDecoder(encoding).decode(all);
  const byChar = new Map<string, number>();
  [...table].forEach((ch, i) => {
    if (!byChar.has(ch)) byChar.set(ch, i);
  });
  return Uint8Array.from([...text].map((ch) => {
    const byte = byChar.get(ch);
    if (byte === undefined) throw new Error(`${encoding} cannot encode ${JSON.stringify(ch)}`);
    return byte;
  }));
}

/** Encodes text as UTF-16 (little or big endian), optionally with a BOM. */
export function encodeUtf16(text: string, endian: 'le' | 'be', withBom: boolean): Uint8Array {
  const units = [...(withBom ? '\ufeff' : ''), ...text].join('');
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i += 1) {
    const code = units.charCodeAt(i);
    out[i * 2 + (endian === 'le' ? 0 : 1)] = code & 0xff;
    out[i * 2 + (endian === 'le' ? 1 : 0)] = code >> 8;
  }
  return out;
}
