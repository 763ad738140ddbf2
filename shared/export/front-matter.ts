// YAML front matter through the `yaml` package: hand-built templates broke most hostile titles (STACK.md).
// Block scalars are off: yaml 2.9.1 writes ' \n\n' as a `|+` block whose whitespace-only first line
// parses back as '\n\n' (no indentation indicator), so multi-line strings go double-quoted. Its
// multi-line double quotes mis-write an escaped space next to a line break ('a\n\n \nb' reads back
// with a backslash for the space), so every block is read back, and one that does not give the data
// back is written again with one-line JSON-style double quotes, which are always exact.
import YAML from 'yaml';
import { EXACT_YAML_OPTIONS } from '../yaml-exact';

const READABLE = { lineWidth: 0, blockQuote: false } as const;
const EXACT = { lineWidth: 0, ...EXACT_YAML_OPTIONS } as const;

// The front matter holds strings, numbers, booleans, null and lists of them: JSON tells them apart.
function readsBack(yaml: string, data: Record<string, unknown>): boolean {
  try {
    return JSON.stringify(YAML.parse(yaml)) === JSON.stringify(data);
  } catch {
    return false;
  }
}

/**
 * Front matter block (`---` … `---`) for `data`; keys whose value is undefined are left out.
 * Strings of any content round-trip through YAML.parse exactly.
 */
export function renderFrontMatter(data: Record<string, unknown>): string {
  const defined = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  const readable = YAML.stringify(defined, READABLE);
  return `---\n${readsBack(readable, defined) ? readable : YAML.stringify(defined, EXACT)}---`;
}
