// A fast writer for the narrow YAML subset of item front matter: block mappings with short plain keys,
// block sequences indented by two, sequences of flat mappings, `[]` / `{}`, and one-line scalars. For
// each of these it writes byte for byte what `YAML.stringify(data, { lineWidth: 0, minContentWidth: 0,
// version: '1.2' })` writes (yaml 2.9: stringify/stringifyString.js plainString and quotedString,
// stringifyPair, stringifyCollection), and declines (undefined) everything else — line breaks, control
// and other unusual characters, deeper nesting, numbers other than safe integers, any value that is not
// plain data — so the `yaml` package writes those as it always did. Its output is read back all the same
// (joinFrontMatterFast), and front-matter-write.test.ts checks it against `yaml` on hostile strings.
import { UNUSUAL_CHAR, isCoreNonString } from './item-file-fast';

/** What the writer cannot write exactly as the `yaml` package does: the caller uses the `yaml` package. */
export const DECLINED = undefined;

const INDENT_STEP = '  ';
// Keys yaml writes plain: the core schema would read `null`, `true` or `false` as something else.
const KEY = /^[a-z][A-Za-z0-9]{0,63}$/;
const RESERVED_KEYS = new Set(['null', 'true', 'false']);
// yaml's plainString quotes a one-line value that starts with an indicator (`-` and `?` only when alone
// or followed by a blank), holds ": " or " #", or ends with a blank or ":".
const NEEDS_QUOTES = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;

// One test for the usual string, which needs neither quotes nor declining.
const NEEDS_QUOTES_OR_UNUSUAL = new RegExp(`${NEEDS_QUOTES.source}|${UNUSUAL_CHAR.source}`, 'u');

// Symbol keys yaml skips, but the read-back would not compare them either: declined.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype &&
    Object.getOwnPropertySymbols(value).length === 0
  );
}

// yaml's quotedString with `singleQuote: null`: single quotes for a value with `"` and no `'`, else JSON
// double quotes. Without line breaks and control characters (UNUSUAL_CHAR declines them), JSON escapes
// only `"` and `\`, and yaml rewrites none of its escapes.
function writeString(value: string): string | undefined {
  if (!NEEDS_QUOTES_OR_UNUSUAL.test(value) && !isCoreNonString(value)) return value;
  if (UNUSUAL_CHAR.test(value)) return DECLINED;
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return JSON.stringify(value);
}

function writeScalar(value: unknown): string | undefined {
  if (typeof value === 'string') return writeString(value);
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  // -0 is written "-0" by yaml, large numbers in exponent form: only what String() writes the same.
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  return DECLINED;
}

function isPlainKey(key: string): boolean {
  return KEY.test(key) && !RESERVED_KEYS.has(key);
}

/** A mapping of scalars as an entry of a sequence: "- first: x" then the other keys under it. */
function writeFlatEntry(map: Record<string, unknown>, indent: string): string | undefined {
  let out = '';
  const inner = `${indent}${INDENT_STEP}`;
  for (const key of Object.keys(map)) {
    const scalar = isPlainKey(key) ? writeScalar(map[key]) : DECLINED;
    if (scalar === DECLINED) return DECLINED;
    out += `${out === '' ? `${indent}- ` : inner}${key}: ${scalar}\n`;
  }
  return out === '' ? DECLINED : out;
}

function writeSequence(list: readonly unknown[], indent: string): string | undefined {
  let out = '';
  for (const entry of list) {
    if (isPlainObject(entry)) {
      const fields = writeFlatEntry(entry, indent);
      if (fields === DECLINED) return DECLINED;
      out += fields;
    } else {
      const scalar = writeScalar(entry);
      if (scalar === DECLINED) return DECLINED;
      out += `${indent}- ${scalar}\n`;
    }
  }
  return out;
}

/** What follows "key:" up to the end of its last line. */
function writeValue(value: unknown, indent: string): string | undefined {
  const inner = `${indent}${INDENT_STEP}`;
  let nested: string | undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []\n';
    nested = writeSequence(value, inner);
  } else if (isPlainObject(value)) {
    if (Object.keys(value).length === 0) return ' {}\n';
    nested = writeMapping(value, inner);
  } else {
    const scalar = writeScalar(value);
    return scalar === DECLINED ? DECLINED : ` ${scalar}\n`;
  }
  return nested === DECLINED ? DECLINED : `\n${nested}`;
}

function writeMapping(map: Record<string, unknown>, indent: string): string | undefined {
  let out = '';
  for (const key of Object.keys(map)) {
    if (!isPlainKey(key) || indent.length > 8) return DECLINED;
    const value = writeValue(map[key], indent);
    if (value === DECLINED) return DECLINED;
    out += `${indent}${key}:${value}`;
  }
  return out;
}

/**
 * Writes front matter (the YAML between the delimiters) exactly as `YAML.stringify(data, READABLE)` does,
 * or DECLINED (undefined) when `data` holds anything outside the subset it writes byte for byte.
 */
export function writeFastFrontMatter(data: Record<string, unknown>): string | undefined {
  if (!isPlainObject(data) || Object.keys(data).length === 0) return DECLINED;
  return writeMapping(data, '');
}
