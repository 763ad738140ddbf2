// Markdown with YAML front matter, read with the `yaml` package's safe defaults (never gray-matter:
// it executes `---js` blocks and hangs on alias bombs, see STACK.md).
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { EXACT_YAML_OPTIONS } from '../../shared/yaml-exact';
import { writeFastFrontMatter } from './front-matter-write';
import { readFastFrontMatter } from './item-file-fast';

export type ArchiveFileErrorCode =
  | 'no-front-matter'
  | 'bad-yaml'
  | 'bad-field'
  | 'unsupported-version'
  | 'read-failed';

/** A file of the archive that cannot be read: names the file and what is wrong with it. */
export class ArchiveFileError extends Error {
  constructor(
    readonly code: ArchiveFileErrorCode,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ArchiveFileError';
  }
}

const OPEN = '---\n';
const CLOSE_LINE = /^---$/m;

const READABLE = { lineWidth: 0, minContentWidth: 0, version: '1.2' } as const;
const EXACT = { ...READABLE, ...EXACT_YAML_OPTIONS } as const;

// The read-back goes through splitFrontMatter, so through the fast reader when it accepts the text. That
// keeps the protection: the fast reader declines the two shapes yaml 2.9 mis-writes (whitespace-only lines
// in a literal, multi-line double quotes), and on everything it accepts it reads what `yaml` reads
// (property and fuzz tests in item-file-fast.test.ts), so a mis-write still fails the comparison.
function readsBackEqual(file: string, data: Record<string, unknown>, body: string, isEqual = isDeepStrictEqual): boolean {
  try {
    const back = splitFrontMatter(file, 'front matter');
    return back.body === body && isEqual(back.data, data);
  } catch {
    return false;
  }
}

/**
 * Joins front matter and a body so that `splitFrontMatter` gives back exactly the same two. The file is
 * read back before it is returned: readable YAML when that round-trips, quoted strings otherwise.
 */
export function joinFrontMatter(data: Record<string, unknown>, body: string): string {
  for (const options of [READABLE, EXACT]) {
    const file = `${OPEN}${YAML.stringify(data, options)}---\n\n${body}\n`;
    if (readsBackEqual(file, data, body)) return file;
  }
  throw new Error('front matter does not survive YAML serialization');
}

/**
 * joinFrontMatter with the fast writer tried first (front-matter-write.ts). The bytes are the same: the
 * fast writer writes exactly what yaml writes with the readable options, or declines and yaml writes.
 * Its file is read back like yaml's, and one that does not round-trip goes the yaml way.
 */
export function joinFrontMatterFast(data: Record<string, unknown>, body: string): string {
  const yaml = writeFastFrontMatter(data);
  if (yaml !== undefined) {
    const file = `${OPEN}${yaml}---\n\n${body}\n`;
    if (readsBackEqual(file, data, body, isSamePlainData)) return file;
  }
  return joinFrontMatter(data, body);
}

// isDeepStrictEqual for what the fast writer takes (strings, safe integers, booleans, null, arrays and
// Object-prototype mappings of these; no holes, no symbols) at a fraction of its cost; anything else is
// left to isDeepStrictEqual.
function isSamePlainData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!isSamePlainData(a[i], b[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return isDeepStrictEqual(a, b);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(right, key) && isSamePlainData(left[key], right[key]));
}

/**
 * Splits a file into its parsed front matter and its body. The file must start with exactly
 * `---\n`; the front matter must be a YAML mapping. One blank line after the closing `---` and one
 * final newline belong to the format, not to the body.
 */
export function splitFrontMatter(text: string, file: string): { data: Record<string, unknown>; body: string } {
  if (!text.startsWith(OPEN)) {
    throw new ArchiveFileError('no-front-matter', file, 'the file does not start with a "---" line');
  }
  const rest = text.slice(OPEN.length);
  const close = CLOSE_LINE.exec(rest);
  if (!close) throw new ArchiveFileError('no-front-matter', file, 'the front matter has no closing "---" line');
  const yaml = rest.slice(0, close.index);
  let body = rest.slice(close.index + 3);
  if (body.startsWith('\n')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  if (body.endsWith('\n')) body = body.slice(0, -1);
  // The fast reader reads only what it resolves exactly as the `yaml` package does (item-file-fast.ts);
  // anything else, and every error, comes from the `yaml` path.
  return { data: readFastFrontMatter(yaml) ?? parseYamlMapping(yaml, file), body };
}

/** Reads front matter with the `yaml` package only (the reference the fast reader is tested against). */
export function parseYamlMapping(yaml: string, file: string): Record<string, unknown> {
  let data: unknown;
  try {
    // No known tags (!!binary, !!set…) and no log: the format never writes a tag, so any tag in a file
    // is refused by name instead of being turned into an object or printed once per file to stderr.
    const doc = YAML.parseDocument(yaml, {
      uniqueKeys: true, strict: true, version: '1.2', resolveKnownTags: false, logLevel: 'silent',
    });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) throw problem;
    data = doc.toJS({ maxAliasCount: 10 });
  } catch (error) {
    throw new ArchiveFileError('bad-yaml', file, `the front matter is not valid YAML: ${(error as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ArchiveFileError('bad-yaml', file, 'the front matter is not a YAML mapping');
  }
  return data as Record<string, unknown>;
}

/** Typed access to front-matter fields; every failure names the field and the file. */
export class FieldReader {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly file: string,
    private readonly prefix = '',
  ) {}

  fail(field: string, expected: string): never {
    throw new ArchiveFileError('bad-field', this.file, `field "${this.prefix}${field}" must be ${expected}`);
  }

  raw(field: string): unknown {
    return this.data[field];
  }

  string(field: string, fallback?: string): string {
    const value = this.data[field];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'string') this.fail(field, 'a string');
    return value;
  }

  nullableString(field: string): string | null {
    const value = this.data[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') this.fail(field, 'a string or null');
    return value;
  }

  boolean(field: string, fallback: boolean): boolean {
    const value = this.data[field];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') this.fail(field, 'true or false');
    return value;
  }

  integer(field: string): number {
    const value = this.data[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.fail(field, 'a non-negative integer');
    }
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T {
    const value = this.data[field];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'string' || !allowed.includes(value as T)) this.fail(field, `one of ${allowed.join(', ')}`);
    return value as T;
  }

  list(field: string): unknown[] {
    const value = this.data[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(field, 'a list');
    return value;
  }

  /** A nested mapping, read with the same rules; a missing one reads as empty. */
  nested(field: string, index?: number): FieldReader {
    const value = index === undefined ? this.data[field] : this.list(field)[index];
    const name = index === undefined ? field : `${field}[${index}]`;
    if (value === undefined || value === null) return new FieldReader({}, this.file, `${this.prefix}${name}.`);
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(name, 'a mapping');
    return new FieldReader(value as Record<string, unknown>, this.file, `${this.prefix}${name}.`);
  }

  stringList(field: string): string[] {
    const list = this.list(field);
    if (!list.every((entry) => typeof entry === 'string')) this.fail(field, 'a list of strings');
    return list as string[];
  }
}
