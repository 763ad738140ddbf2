// A fast reader for the narrow YAML subset joinFrontMatter writes: block mappings and sequences indented by
// two, plain keys, plain scalars that cannot be read as anything but what they look like, one-line quoted
// strings, `|` literals and the empty `[]` / `{}`. It resolves each of these exactly as the `yaml` package
// does (compose/resolve-flow-scalar.js, resolve-block-scalar.js, schema/core) and declines (undefined)
// everything else — comments, anchors, tags, flow collections, folded or multi-line scalars, whitespace-only
// lines in a literal, any unusual character — so the `yaml` path reads those files and raises its errors.

/** What the reader cannot read exactly: the caller reads the text with the `yaml` package instead. */
export const DECLINED = undefined;

interface Cursor {
  lines: string[];
  pos: number;
}

// Short keys only: yaml refuses an implicit key longer than 1024 characters.
const KEY_LINE = /^([a-z][A-Za-z0-9]{0,63}):(?: (.*))?$/;
const RESERVED_KEYS = new Set(['null', 'true', 'false']);
// Plain scalars: the yaml lexer takes a block-context plain scalar up to ": ", " #" or the end of the
// line, and the composer keeps it as it is; only its first character can make it something else.
const PLAIN_START_INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@` \t');
const PLAIN_BREAKS = /: |:\t| #|\t#|:$|[ \t]$/;
const SAFE_INTEGER = /^(0|[1-9][0-9]{0,14})$/;
// Every plain form the core schema resolves to something other than a string (yaml/dist/schema).
const CORE_NON_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
// All of them in one regex (each is anchored `^…$`): one test per scalar instead of eight.
const CORE_NON_STRING_ANY = new RegExp(`^(?:${CORE_NON_STRING.map((pattern) => pattern.source.slice(1, -1)).join('|')})$`);

/** True when the core schema reads `text`, written plain, as a null, a boolean or a number (yaml quotes it). */
export function isCoreNonString(text: string): boolean {
  return CORE_NON_STRING_ANY.test(text);
}

// Characters read as themselves inside quotes and literals: printable, no line or paragraph separator,
// no byte-order mark, no C1 control, no lone surrogate. The fast writer declines strings with any other.
export const UNUSUAL_CHAR = /[^\t\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;
const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
// The format nests four levels deep; deeper text goes to the `yaml` path (and its limits).
const MAX_INDENT = 16;
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function readPlain(text: string): unknown {
  if (text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (SAFE_INTEGER.test(text)) return Number(text);
  if (PLAIN_START_INDICATORS.has(text[0] ?? ' ') || PLAIN_BREAKS.test(text) || UNUSUAL_CHAR.test(text)) return DECLINED;
  if (isCoreNonString(text)) return DECLINED;
  return text;
}

function readSingleQuoted(text: string): string | undefined {
  if (text.length < 2 || !text.endsWith("'") || UNUSUAL_CHAR.test(text)) return DECLINED;
  const inner = text.slice(1, -1);
  if (inner.replace(/''/g, '').includes("'")) return DECLINED;
  return inner.replace(/''/g, "'");
}

function readDoubleQuoted(text: string): string | undefined {
  if (text.length < 2 || !text.endsWith('"') || UNUSUAL_CHAR.test(text)) return DECLINED;
  let out = '';
  for (let i = 1; i < text.length - 1; i += 1) {
    const ch = text[i] as string;
    if (ch === '"') return DECLINED;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = text[++i] ?? '';
    if (i >= text.length - 1) return DECLINED; // the closing quote was escaped: `"\"`
    const escaped = DOUBLE_ESCAPES[next];
    const length = HEX_LENGTH[next];
    if (escaped !== undefined) out += escaped;
    else if (length !== undefined) {
      const hex = text.slice(i + 1, i + 1 + length);
      if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) return DECLINED;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return DECLINED;
      out += String.fromCodePoint(code);
      i += length;
    } else return DECLINED;
  }
  return out;
}

/** A one-line scalar after "key: " or "- ". */
function readScalar(text: string): unknown {
  const first = text[0];
  if (first === '"') return readDoubleQuoted(text);
  if (first === "'") return readSingleQuoted(text);
  return readPlain(text);
}

/** A `|`, `|-` or `|+` literal whose lines are indented by `indent`; no indentation indicator. */
function readLiteral(cursor: Cursor, header: string, indent: number): string | undefined {
  const margin = ' '.repeat(indent);
  const lines: string[] = [];
  while (cursor.pos < cursor.lines.length) {
    const line = cursor.lines[cursor.pos] as string;
    if (line === '') lines.push('');
    else if (line.startsWith(margin)) {
      const content = line.slice(indent);
      if (content.trim() === '' || UNUSUAL_CHAR.test(content)) return DECLINED;
      if (lines.length === 0 && (content[0] === ' ' || content[0] === '\t')) return DECLINED;
      lines.push(content);
    } else if (line.trim() === '') return DECLINED;
    else break;
    cursor.pos += 1;
  }
  if (lines.length === 0 || lines[0] === '') return DECLINED;
  let end = lines.length;
  while (lines[end - 1] === '') end -= 1;
  const text = lines.slice(0, end).join('\n');
  if (header === '|-') return text;
  if (header === '|') return `${text}\n`;
  return `${text}\n${'\n'.repeat(lines.length - end)}`;
}

/** The value of "key:" whose rest of line is `rest` (undefined: a nested block follows). */
function readValue(cursor: Cursor, rest: string | undefined, indent: number): unknown {
  if (indent > MAX_INDENT) return DECLINED;
  if (rest === undefined) {
    const next = cursor.lines[cursor.pos];
    const child = ' '.repeat(indent + 2);
    if (next === undefined || !next.startsWith(child)) return DECLINED;
    return next.startsWith(`${child}- `) ? readSequence(cursor, indent + 2) : readMapping(cursor, indent + 2);
  }
  if (rest === '[]') return [];
  if (rest === '{}') return {};
  if (rest === '|' || rest === '|-' || rest === '|+') return readLiteral(cursor, rest, indent + 2);
  return readScalar(rest);
}

function readMapping(cursor: Cursor, indent: number): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const margin = ' '.repeat(indent);
  while (cursor.pos < cursor.lines.length) {
    const line = cursor.lines[cursor.pos] as string;
    if (!line.startsWith(margin) || line[indent] === ' ') {
      if (indentOf(line) > indent || line.trim() === '') return DECLINED;
      break;
    }
    const match = KEY_LINE.exec(line.slice(indent));
    if (!match) return DECLINED;
    const key = match[1] as string;
    if (RESERVED_KEYS.has(key) || Object.hasOwn(out, key)) return DECLINED;
    cursor.pos += 1;
    const value = readValue(cursor, match[2], indent);
    if (value === DECLINED) return DECLINED;
    out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : DECLINED;
}

function readSequence(cursor: Cursor, indent: number): unknown[] | undefined {
  const out: unknown[] = [];
  const dash = `${' '.repeat(indent)}- `;
  while (cursor.pos < cursor.lines.length) {
    const line = cursor.lines[cursor.pos] as string;
    if (!line.startsWith(dash)) {
      if (indentOf(line) > indent || line.trim() === '' || line.startsWith(`${' '.repeat(indent)}-`)) return DECLINED;
      break;
    }
    const rest = line.slice(dash.length);
    let value: unknown;
    if (KEY_LINE.test(rest)) {
      // "- key: value": a mapping whose first key shares the dash's line.
      cursor.lines[cursor.pos] = `${' '.repeat(indent + 2)}${rest}`;
      value = readMapping(cursor, indent + 2);
    } else {
      cursor.pos += 1;
      value = rest === '[]' || rest === '{}' || rest.startsWith('|') ? DECLINED : readScalar(rest);
    }
    if (value === DECLINED) return DECLINED;
    out.push(value);
  }
  return out;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Reads front matter (the YAML between the delimiters) written in joinFrontMatter's subset; DECLINED
 * (undefined) when the text holds anything else, then only the `yaml` package may read it.
 */
export function readFastFrontMatter(yaml: string): Record<string, unknown> | undefined {
  if (!yaml.endsWith('\n') || yaml.includes('\r')) return DECLINED;
  const cursor: Cursor = { lines: yaml.slice(0, -1).split('\n'), pos: 0 };
  const data = readMapping(cursor, 0);
  return cursor.pos === cursor.lines.length ? data : DECLINED;
}
