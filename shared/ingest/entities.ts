// HTML character references, shared by the HTML extractor (main) and the text cleaner (shared).

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '', ensp: ' ', emsp: ' ', thinsp: ' ',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  ndash: '–', mdash: '—', minus: '−', hellip: '…', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  deg: '°', numero: '№', times: '×', euro: '€', sect: '§', para: '¶', zwnj: '', zwj: '', lrm: '', rlm: '',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Decodes numeric and common named character references; unknown names are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number(dec));
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
    const value = NAMED[name!] ?? NAMED[name!.toLowerCase()];
    // A bare "&word" without ';' is only an entity for the few names browsers accept that way.
    if (value === undefined || (!whole.endsWith(';') && !/^(amp|lt|gt|quot|nbsp|copy|reg)$/i.test(name!))) {
      return whole;
    }
    return value;
  });
}
