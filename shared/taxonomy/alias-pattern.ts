// The alias pattern syntax: plain text, `{a|b|}` alternatives, `<set>` ending sets. Compiles to regex sources.
import { TaxonomyError } from './errors';

/** Letters and digits: what a name may not touch on either side. Works for Cyrillic, unlike \b. */
export const BEFORE_WORD = '(?<![\\p{L}\\p{N}])';
export const AFTER_WORD = '(?![\\p{L}\\p{N}])';
/** Any dash, with optional spaces: "Kazakh-Kyrgyz", "Name – Part". */
export const DASH = '\\s*[-\\u2010-\\u2015\\u2212]\\s*';

export interface AliasSource {
  source: string;
  /** True when the alias has no lowercase letter (an abbreviation such as CSC or ПА ОДКБ). */
  isCaseSensitive: boolean;
}

/** ё and е are one letter for matching; the replacement keeps string length so offsets stay valid. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function literalSource(ch: string): string {
  if (/\s/.test(ch)) return '\\s+';
  if (/[-\u2010-\u2015\u2212]/.test(ch)) return DASH;
  if (ch === "'" || ch === '\u2019') return "['\u2019]";
  return escapeChar(ch);
}

function endingSource(name: string, endings: Record<string, string[]>, alias: string): string {
  const set = endings[name];
  if (!set) {
    throw new TaxonomyError('taxonomy-unknown-ending', `Alias "${alias}" uses the ending set <${name}>, which is not defined.`);
  }
  const sorted = [...new Set(set.map(foldYo))].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((e) => [...e].map(escapeChar).join('')).join('|')})`;
}

/** Compiles a piece of alias text without braces: literals and `<set>` references. */
function compileFlat(text: string, endings: Record<string, string[]>, alias: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '<') {
      const close = text.indexOf('>', i);
      if (close < 0) throw new TaxonomyError('taxonomy-alias-syntax', `Alias "${alias}" has a "<" without ">".`);
      out += endingSource(text.slice(i + 1, close), endings, alias);
      i = close + 1;
      continue;
    }
    if (ch === '>' || ch === '|' || ch === '}') {
      throw new TaxonomyError('taxonomy-alias-syntax', `Alias "${alias}" has a stray "${ch}".`);
    }
    if (/\s/.test(ch)) {
      while (i < text.length && /\s/.test(text[i] as string)) i++;
      out += '\\s+';
      continue;
    }
    out += literalSource(ch);
    i++;
  }
  return out;
}

/** Lists the ending-set names an alias refers to. */
export function listEndingRefs(alias: string): string[] {
  return [...alias.matchAll(/<([^<>]*)>/g)].map((m) => m[1] as string);
}

/** Compiles one alias to a regex source without word boundaries. Throws TaxonomyError on bad syntax. */
export function compileAlias(rawAlias: string, endings: Record<string, string[]>): AliasSource {
  const alias = foldYo(rawAlias.trim());
  if (alias === '') throw new TaxonomyError('taxonomy-alias-syntax', 'An alias is empty.');
  let source = '';
  let i = 0;
  while (i < alias.length) {
    const open = alias.indexOf('{', i);
    const end = open < 0 ? alias.length : open;
    source += compileFlat(alias.slice(i, end), endings, rawAlias);
    if (open < 0) break;
    const close = alias.indexOf('}', open);
    const inner = close < 0 ? '' : alias.slice(open + 1, close);
    if (close < 0 || inner.includes('{')) {
      throw new TaxonomyError('taxonomy-alias-syntax', `Alias "${rawAlias}" has an unbalanced "{".`);
    }
    const options = inner.split('|').map((option) => compileFlat(option, endings, rawAlias));
    source += `(?:${options.join('|')})`;
    i = close + 1;
  }
  const letters = alias.replace(/<[^<>]*>/g, '').replace(/[{}|]/g, '');
  const isCaseSensitive = !/\p{Ll}/u.test(letters) && /\p{Lu}/u.test(letters);
  return { source, isCaseSensitive };
}

/**
 * The literal start of an alias, lower-cased ("армени" for `Армени<ya>`, "committee" for
 * `Committee of…`): a text that does not contain it cannot match. Null when the alias starts with
 * a group or is too short to be worth checking.
 */
export function aliasNeedle(rawAlias: string): string | null {
  const literal = /^[^{}<>|\s'’\-\u2010-\u2015\u2212]*/u.exec(foldYo(rawAlias.trim()))?.[0] ?? '';
  return literal.length >= 2 ? literal.toLowerCase() : null;
}

/** Needles for a list of aliases, or null when one alias has none (then the regex must always run). */
export function listNeedles(aliases: string[]): string[] | null {
  const needles = aliases.map(aliasNeedle);
  return needles.every((n): n is string => n !== null) ? [...new Set(needles)] : null;
}

/**
 * Wraps a source so it cannot run on into a letter or digit. The start boundary (`BEFORE_WORD`) is
 * left to `matchWords`, which checks it faster than the regex engine does.
 */
export function boundedAfter(source: string): string {
  return `(?:${source})${AFTER_WORD}`;
}
