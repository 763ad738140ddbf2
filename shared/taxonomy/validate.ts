// Checks an unknown value (a parsed taxonomy.json) against the file format, naming the first problem found.
import { FACETS } from '../model';
import { compileAlias, listEndingRefs } from './alias-pattern';
import { TaxonomyError } from './errors';
import type { BareMode, TaxonomyEntry, TaxonomyFile } from './types';

const BARE_MODES: readonly BareMode[] = ['never', 'quoted', 'context', 'anywhere'];
const TOP_KEYS = new Set(['format', 'version', 'endings', 'exerciseContext', ...FACETS]);
const ENTRY_KEYS = new Set(['label', 'aliases', 'not', 'bare', 'note']);

function fail(message: string): never {
  throw new TaxonomyError('taxonomy-invalid', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkStrings(value: unknown, where: string, isEmptyAllowed: boolean): string[] {
  if (!Array.isArray(value)) fail(`${where} must be an array of strings.`);
  if (!isEmptyAllowed && value.length === 0) fail(`${where} must not be empty.`);
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') fail(`${where}[${i}] must be a non-empty string.`);
  });
  return value as string[];
}

function checkEndings(value: unknown): Record<string, string[]> {
  if (value === undefined) return {};
  if (!isRecord(value)) fail('"endings" must be an object mapping a set name to an array of endings.');
  for (const [name, set] of Object.entries(value)) {
    if (!/^[\p{L}\p{N}_-]+$/u.test(name)) fail(`Ending set name "${name}" may hold only letters, digits, "_" and "-".`);
    if (!Array.isArray(set) || set.some((e) => typeof e !== 'string')) {
      fail(`Ending set "${name}" must be an array of strings ("" allowed for no ending).`);
    }
  }
  return value as Record<string, string[]>;
}

/** Checks aliases compile; ending sets unknown to this file are allowed (they may come from the base file). */
function checkPatterns(patterns: string[], where: string, endings: Record<string, string[]>): void {
  patterns.forEach((pattern, i) => {
    const lenient = { ...endings };
    for (const ref of listEndingRefs(pattern)) lenient[ref] ??= [''];
    try {
      compileAlias(pattern, lenient);
    } catch (error) {
      fail(`${where}[${i}]: ${(error as Error).message}`);
    }
  });
}

function checkEntry(value: unknown, where: string, endings: Record<string, string[]>): TaxonomyEntry {
  if (!isRecord(value)) fail(`${where} must be an object with "label" and "aliases".`);
  for (const key of Object.keys(value)) if (!ENTRY_KEYS.has(key)) fail(`${where} has an unknown field "${key}".`);
  if (typeof value.label !== 'string' || value.label.trim() === '') fail(`${where}.label must be a non-empty string.`);
  const at = `${where} ("${value.label}")`;
  checkPatterns(checkStrings(value.aliases, `${at}.aliases`, false), `${at}.aliases`, endings);
  if (value.not !== undefined) checkPatterns(checkStrings(value.not, `${at}.not`, true), `${at}.not`, endings);
  if (value.bare !== undefined && !BARE_MODES.includes(value.bare as BareMode)) {
    fail(`${at}.bare must be one of ${BARE_MODES.join(', ')}.`);
  }
  if (value.note !== undefined && typeof value.note !== 'string') fail(`${at}.note must be a string.`);
  return value as unknown as TaxonomyEntry;
}

/** Validates a parsed taxonomy file and returns it typed; throws a TaxonomyError naming the first problem. */
export function validateTaxonomyFile(value: unknown): TaxonomyFile {
  if (!isRecord(value)) fail('A taxonomy file must be a JSON object.');
  if (value.format !== 'annals-taxonomy') fail(`"format" must be "annals-taxonomy" (found ${JSON.stringify(value.format)}).`);
  if (value.version !== 1) fail(`"version" must be 1 (found ${JSON.stringify(value.version)}); this app reads version 1.`);
  for (const key of Object.keys(value)) if (!TOP_KEYS.has(key)) fail(`Unknown top-level field "${key}".`);
  const endings = checkEndings(value.endings);
  if (value.exerciseContext !== undefined) {
    checkPatterns(checkStrings(value.exerciseContext, 'exerciseContext', true), 'exerciseContext', endings);
  }
  for (const facet of FACETS) {
    const entries = value[facet];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) fail(`"${facet}" must be an array of entries.`);
    const labels = new Set<string>();
    entries.forEach((entry, i) => {
      const checked = checkEntry(entry, `${facet}[${i}]`, endings);
      if (labels.has(checked.label)) fail(`${facet}[${i}]: the label "${checked.label}" appears twice.`);
      labels.add(checked.label);
      if (checked.bare !== undefined && facet !== 'exercise') fail(`${facet}[${i}]: "bare" applies to exercises only.`);
      if (facet === 'exercise' && /-(?:19|20)\d{2}$/.test(checked.label)) {
        fail(`exercise[${i}]: the label "${checked.label}" must be a series name without a year.`);
      }
    });
  }
  return value as unknown as TaxonomyFile;
}
