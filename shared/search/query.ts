// The query language of DESIGN §5: parsed into an AST that knows nothing of the search engine, so the
// engine can be replaced without touching the language. See docs/query-language.md.
import type { Facet, ItemStatus, Lang } from '../model';
import { parseDateValue, parseYearValue } from './query-dates';

export type HasValue = 'note' | 'highlights' | 'tags' | 'date';
export const HAS_VALUES: readonly HasValue[] = ['note', 'highlights', 'tags', 'date'];
const STATUS_VALUES: readonly ItemStatus[] = ['unread', 'reviewed', 'starred'];
const LANG_VALUES: readonly Lang[] = ['en', 'ru'];

/** A filter of the query; dates are ISO prefixes (YYYY, YYYY-MM or YYYY-MM-DD), bounds inclusive. */
export type QueryFilter =
  | { key: Facet | 'tag' | 'in'; value: string }
  | { key: 'date'; from: string | null; to: string | null }
  | { key: 'has'; value: HasValue }
  | { key: 'status'; value: ItemStatus }
  | { key: 'lang'; value: Lang };

export type QueryNode =
  | { type: 'all' }
  | { type: 'word'; value: string }
  | { type: 'phrase'; value: string }
  | { type: 'filter'; filter: QueryFilter }
  | { type: 'not'; child: QueryNode }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] };

export type QueryErrorCode =
  | 'unbalanced-paren'
  | 'dangling-operator'
  | 'invalid-date'
  | 'invalid-date-range'
  | 'invalid-year'
  | 'unknown-has'
  | 'unknown-status'
  | 'unknown-lang';

/** A malformed query: a stable code, a message for people, and the offset in the query string. */
export interface QueryError {
  code: QueryErrorCode;
  message: string;
  position: number;
}

export type ParseResult = { ok: true; query: QueryNode } | { ok: false; error: QueryError };

type TokenKind = 'lparen' | 'rparen' | 'or' | 'and' | 'not' | 'phrase' | 'word' | 'filter';
interface Token {
  kind: TokenKind;
  position: number;
  value: string;
  /** For filters: the key as typed, lower-cased. */
  key?: string;
  /** For filters: where the value starts. */
  valuePosition?: number;
}

const FILTER_KEYS = new Set([
  'state', 'organ', 'exercise', 'person', 'tag', 'in', 'year', 'date', 'before', 'after', 'has',
  'status', 'lang',
]);
const OPERATORS: Record<string, TokenKind> = { OR: 'or', 'ИЛИ': 'or', AND: 'and', NOT: 'not', 'НЕ': 'not' };
const BREAKS = /[\s()"]/;

function readUntilQuote(input: string, from: number): [value: string, next: number] {
  const close = input.indexOf('"', from);
  // An unclosed quote runs to the end: the user is still typing it.
  return close === -1 ? [input.slice(from), input.length] : [input.slice(from, close), close + 1];
}

function readBare(input: string, from: number): number {
  let i = from;
  while (i < input.length && !BREAKS.test(input[i] ?? '')) i++;
  return i;
}

function tokenizeQuery(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', position: i, value: ch });
      i++;
      continue;
    }
    if (ch === '"') {
      const [value, next] = readUntilQuote(input, i + 1);
      tokens.push({ kind: 'phrase', position: i, value });
      i = next;
      continue;
    }
    if (ch === '-') {
      const next = input[i + 1];
      // A lone "-" (end, space or ")") is a minus being typed, not an operator yet.
      if (next !== undefined && !/[\s)]/.test(next)) tokens.push({ kind: 'not', position: i, value: '-' });
      i++;
      continue;
    }
    const [token, next] = readBareToken(input, i);
    tokens.push(token);
    i = next;
  }
  return tokens;
}

// A word, an operator, or a filter whose value may be quoted (organ:"Joint Staff").
function readBareToken(input: string, start: number): [Token, number] {
  const end = readBare(input, start);
  const text = input.slice(start, end);
  const colon = text.indexOf(':');
  const key = colon > 0 ? text.slice(0, colon).toLowerCase() : '';
  if (!FILTER_KEYS.has(key)) return [{ kind: OPERATORS[text] ?? 'word', position: start, value: text }, end];
  const valueStart = start + colon + 1;
  if (end === valueStart && input[end] === '"') {
    const [value, next] = readUntilQuote(input, end + 1);
    return [{ kind: 'filter', position: start, key, value, valuePosition: end + 1 }, next];
  }
  return [{ kind: 'filter', position: start, key, value: text.slice(colon + 1), valuePosition: valueStart }, end];
}

class QueryParseFailure extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

function fail(code: QueryErrorCode, message: string, position: number): never {
  throw new QueryParseFailure({ code, message, position });
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function combine(type: 'and' | 'or', parts: (QueryNode | null)[]): QueryNode | null {
  const children: QueryNode[] = [];
  for (const part of parts) {
    if (part === null) continue;
    if (part.type === type) children.push(...part.children);
    else children.push(part);
  }
  if (children.length === 0) return null;
  return children.length === 1 ? (children[0] ?? null) : { type, children };
}

function pickValue<T extends string>(allowed: readonly T[], raw: string): T | undefined {
  const lower = raw.toLowerCase();
  return allowed.find((value) => value === lower);
}

function buildFilter(token: Token): QueryNode | null {
  const raw = collapseSpaces(token.value);
  // "state:" with nothing after it yet is a filter being typed: it restricts nothing.
  if (raw === '') return null;
  const at = token.valuePosition ?? token.position;
  const key = token.key ?? '';
  const asNode = (filter: QueryFilter): QueryNode => ({ type: 'filter', filter });
  switch (key) {
    case 'year':
    case 'date':
    case 'before':
    case 'after': {
      const range = key === 'year' ? parseYearValue(raw) : parseDateValue(raw);
      if (range.ok === false) fail(key === 'year' ? 'invalid-year' : range.code, range.message, at);
      if (key === 'before') return asNode({ key: 'date', from: null, to: range.to ?? range.from });
      if (key === 'after') return asNode({ key: 'date', from: range.from ?? range.to, to: null });
      return asNode({ key: 'date', from: range.from, to: range.to });
    }
    case 'has': {
      const value = pickValue(HAS_VALUES, raw);
      return value ? asNode({ key, value }) : fail('unknown-has', `has: takes ${HAS_VALUES.join(', ')}`, at);
    }
    case 'status': {
      const value = pickValue(STATUS_VALUES, raw);
      return value ? asNode({ key, value }) : fail('unknown-status', `status: takes ${STATUS_VALUES.join(', ')}`, at);
    }
    case 'lang': {
      const value = pickValue(LANG_VALUES, raw);
      return value ? asNode({ key, value }) : fail('unknown-lang', `lang: takes ${LANG_VALUES.join(', ')}`, at);
    }
    default:
      return asNode({ key: key as Facet | 'tag' | 'in', value: raw });
  }
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  /** Juxtaposed terms (and explicit AND) up to the end or the closing parenthesis of this group. */
  parseSequence(depth: number): QueryNode | null {
    const parts: (QueryNode | null)[] = [];
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.kind === 'rparen') {
        if (depth > 0) break;
        fail('unbalanced-paren', 'This ")" closes no "("', token.position);
      }
      if (token.kind === 'and') { this.index++; continue; }
      if (token.kind === 'or') fail('dangling-operator', `"${token.value}" needs a term before it`, token.position);
      parts.push(this.parseOr());
    }
    return combine('and', parts);
  }

  private parseOr(): QueryNode | null {
    const parts = [this.parseUnary()];
    for (let token = this.peek(); token?.kind === 'or'; token = this.peek()) {
      this.index++;
      const next = this.peek();
      if (!next || next.kind === 'rparen') break; // "a OR" while typing the alternative
      if (next.kind === 'or' || next.kind === 'and') {
        fail('dangling-operator', `"${token.value}" needs a term after it`, token.position);
      }
      parts.push(this.parseUnary());
    }
    return combine('or', parts);
  }

  private parseUnary(): QueryNode | null {
    const token = this.peek();
    if (token?.kind !== 'not') return this.parsePrimary();
    this.index++;
    const next = this.peek();
    if (!next || next.kind === 'rparen') return null; // "NOT" with its term still to come
    if (next.kind === 'or' || next.kind === 'and') {
      fail('dangling-operator', `"${token.value}" needs a term after it`, token.position);
    }
    const child = this.parseUnary();
    return child ? { type: 'not', child } : null;
  }

  private parsePrimary(): QueryNode | null {
    const token = this.peek();
    if (!token) return null;
    this.index++;
    switch (token.kind) {
      case 'lparen': {
        const inner = this.parseSequence(1);
        if (this.peek()?.kind === 'rparen') this.index++; // an unclosed group ends with the query
        return inner;
      }
      case 'phrase': {
        const value = collapseSpaces(token.value);
        return value === '' ? null : { type: 'phrase', value };
      }
      case 'filter':
        return buildFilter(token);
      default:
        return { type: 'word', value: token.value };
    }
  }
}

/** Parses a query. Never throws: malformed input gives a typed error with its position. */
export function parseQuery(input: string): ParseResult {
  try {
    const query = new Parser(tokenizeQuery(input)).parseSequence(0) ?? { type: 'all' };
    return { ok: true, query };
  } catch (caught) {
    if (caught instanceof QueryParseFailure) return { ok: false, error: caught.error };
    throw caught;
  }
}

export { printQuery } from './query-print';
