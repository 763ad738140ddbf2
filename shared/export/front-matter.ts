// YAML front matter through the `yaml` package: hand-built templates broke most hostile titles (STACK.md).
// Block scalars are off: yaml 2.9.1 writes ' \n\n' as a `|+` block whose whitespace-only first line
// parses back as '\n\n' (no indentation indicator), so multi-line strings go double-quoted.
import YAML from 'yaml';

/**
 * Front matter block (`---` … `---`) for `data`; keys whose value is undefined are left out.
 * Strings of any content round-trip through YAML.parse exactly.
 */
export function renderFrontMatter(data: Record<string, unknown>): string {
  const defined = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  return `---\n${YAML.stringify(defined, { lineWidth: 0, blockQuote: false })}---`;
}
