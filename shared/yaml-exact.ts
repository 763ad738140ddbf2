// yaml 2.9 mis-writes some strings in block literals (whitespace-only lines) and in multi-line double
// quotes (an escaped space next to a line break); one-line JSON-style double quotes are always exact.

/**
 * `YAML.stringify` options that write every string as one-line JSON-style double quotes: the
 * fallback for a block whose readable form does not read back as the data (item files, exports).
 */
export const EXACT_YAML_OPTIONS = {
  blockQuote: false,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  doubleQuotedAsJSON: true,
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
} as const;
