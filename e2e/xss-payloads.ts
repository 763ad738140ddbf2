// Hostile pages for the XSS spec: at least 100 distinct payloads, each of which, if it ever ran or
// loaded, calls window.__xss(N) or requests http://127.0.0.2:9/xss-N (outside 127.0.0.1, so the
// network guard sees and stops it). They are written into .html, .txt and .md pages in a temp folder.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A word found in every hostile page, so one search brings them all up. */
export const XSS_WORD = 'xssprobe';

const call = (n: number) => `__xss(${n})`;
const url = (n: number) => `http://127.0.0.2:9/xss-${n}`;
const entities = (text: string) => [...text].map((c) => `&#${c.charCodeAt(0)};`).join('');
const hexEntities = (text: string) => [...text].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Payload templates; each is called with its own number N. */
const TEMPLATES: Array<(n: number) => string> = [
  (n) => `<script>${call(n)}</script>`,
  (n) => `<SCRIPT>${call(n)}</SCRIPT>`,
  (n) => `<script src="${url(n)}"></script>`,
  (n) => `<script>top.__xss(${n})</script>`,
  (n) => `<scr<script>ipt>${call(n)}</scr</script>ipt>`,
  (n) => `"><script>${call(n)}</script>`,
  (n) => `'><script>${call(n)}</script>`,
  (n) => `</textarea><script>${call(n)}</script>`,
  (n) => `</title><script>${call(n)}</script>`,
  (n) => `</style><script>${call(n)}</script>`,
  (n) => `<img src=x onerror="${call(n)}">`,
  (n) => `<img src="${url(n)}">`,
  (n) => `<IMG SRC=x OnErRoR=${call(n)}>`,
  (n) => `<img src=x onerror=&#95;&#95;xss(${n})>`,
  (n) => `<img srcset="${url(n)} 1x">`,
  (n) => `<svg onload="${call(n)}"></svg>`,
  (n) => `<svg><script>${call(n)}</script></svg>`,
  (n) => `<svg><animate onbegin="${call(n)}" attributeName=x dur=1s>`,
  (n) => `<svg><a xlink:href="javascript:${call(n)}"><text x=20 y=20>click</text></a></svg>`,
  (n) => `<svg><image href="${url(n)}"/></svg>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=${call(n)}>`,
  (n) => `<iframe src="javascript:top.${call(n)}"></iframe>`,
  (n) => `<iframe src="${url(n)}"></iframe>`,
  (n) => `<iframe srcdoc="<script>top.${call(n)}</script>"></iframe>`,
  (n) => `<iframe srcdoc="&lt;img src=x onerror=top.${call(n)}&gt;"></iframe>`,
  (n) => `<iframe src="data:text/html,<script>top.${call(n)}</script>"></iframe>`,
  (n) => `<iframe src="data:text/html;base64,${b64(`<script>top.${call(n)}</script>`)}"></iframe>`,
  (n) => `<a href="javascript:${call(n)}">link ${n}</a>`,
  (n) => `<a href="JaVaScRiPt:${call(n)}">link ${n}</a>`,
  (n) => `<a href="java&#x09;script:${call(n)}">link ${n}</a>`,
  (n) => `<a href="${entities(`javascript:${call(n)}`)}">link ${n}</a>`,
  (n) => `<a href="${hexEntities(`javascript:${call(n)}`)}">link ${n}</a>`,
  (n) => `<a href="${url(n)}" ping="${url(n)}">link ${n}</a>`,
  (n) => `<a href="data:text/html;base64,${b64(`<script>${call(n)}</script>`)}">link ${n}</a>`,
  (n) => `<base href="${url(n)}/">`,
  (n) => `<meta http-equiv="refresh" content="0;url=${url(n)}">`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:${call(n)}">`,
  (n) => `<object data="${url(n)}"></object>`,
  (n) => `<object data="javascript:${call(n)}"></object>`,
  (n) => `<embed src="${url(n)}">`,
  (n) => `<embed src="javascript:${call(n)}">`,
  (n) => `<style>@import "${url(n)}";</style>`,
  (n) => `<style>body{background:url("${url(n)}")}</style>`,
  (n) => `<div style="background-image:url(${url(n)})">styled ${n}</div>`,
  (n) => `<link rel="stylesheet" href="${url(n)}">`,
  (n) => `<link rel="prefetch" href="${url(n)}">`,
  (n) => `<form action="${url(n)}"><button>go ${n}</button></form>`,
  (n) => `<form><button formaction="javascript:${call(n)}">go ${n}</button></form>`,
  (n) => `<input autofocus onfocus="${call(n)}">`,
  (n) => `<details open ontoggle="${call(n)}">`,
  (n) => `<body onload="${call(n)}">`,
  (n) => `<video><source onerror="${call(n)}"></video>`,
  (n) => `<audio src=x onerror="${call(n)}">`,
  (n) => `<video poster="${url(n)}"></video>`,
  (n) => `<marquee onstart="${call(n)}">m</marquee>`,
  (n) => `<div onmouseover="${call(n)}">hover ${n}</div>`,
  (n) => `<p onclick="${call(n)}">click ${n}</p>`,
  (n) => `<x contenteditable onfocus=${call(n)} autofocus>`,
  (n) => `<select autofocus onfocus=${call(n)}>`,
  (n) => `<textarea autofocus onfocus=${call(n)}>`,
  (n) => `<keygen autofocus onfocus=${call(n)}>`,
  (n) => `<img src="x` + '`' + `onerror=${call(n)}` + '`' + `>`,
  (n) => `" onmouseover="${call(n)}" x="`,
  (n) => `' onfocus='${call(n)}' autofocus='`,
  (n) => `\${${call(n)}}`,
  (n) => `{{constructor.constructor('${call(n)}')()}}`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=${call(n)}>">`,
  (n) => `<template><script>${call(n)}</script></template>`,
  (n) => `<!--<img src="--><img src=x onerror=${call(n)}//">`,
  (n) => `<![CDATA[<script>${call(n)}</script>]]>`,
  (n) => `&lt;script&gt;${call(n)}&lt;/script&gt;`,
  (n) => `&#60;script&#62;${call(n)}&#60;/script&#62;`,
  (n) => `%3Cscript%3E${call(n)}%3C/script%3E`,
  (n) => `\\u003cscript\\u003e${call(n)}\\u003c/script\\u003e`,
  (n) => `[link ${n}](javascript:${call(n)})`,
  (n) => `[link ${n}](JAVASCRIPT:${call(n)})`,
  (n) => `[link ${n}](data:text/html;base64,${b64(`<script>${call(n)}</script>`)})`,
  (n) => `![image ${n}](${url(n)})`,
  (n) => `![image ${n}](x "onerror=${call(n)}")`,
  (n) => `[ref ${n}][r${n}]\n\n[r${n}]: javascript:${call(n)}`,
  (n) => `<javascript:${call(n)}>`,
  (n) => `<${url(n)}>`,
  (n) => `<isindex type=image src=1 onerror=${call(n)}>`,
  (n) => `<table background="${url(n)}"><tr><td>t</td></tr></table>`,
  (n) => `<input type="image" src="${url(n)}">`,
  (n) => `<frameset onload=${call(n)}>`,
  (n) => `<portal src="${url(n)}"></portal>`,
  (n) => `<script type="module">import "${url(n)}"</script>`,
  (n) => `<script>fetch("${url(n)}")</script>`,
  (n) => `<img src=x onerror="navigator.sendBeacon('${url(n)}')">`,
  (n) => `<img src=x onerror="location='${url(n)}'">`,
  (n) => `<img src=x onerror="window.open('${url(n)}')">`,
  (n) => `<img src=x onerror="alert(${n})">`,
  (n) => `<svg/onload=alert(${n})>`,
  (n) => `<a href="javascript:alert(${n})" target="_top">top ${n}</a>`,
  (n) => `<a href="${url(n)}" target="_blank" rel="opener">new ${n}</a>`,
  (n) => `<a href="file:///etc/passwd#xss-${n}">file ${n}</a>`,
  (n) => `<div data-x="${n}" onanimationstart="${call(n)}" style="animation-name:spin">anim ${n}</div>`,
  (n) => `<img src=x:x onerror=eval(atob('${b64(call(n))}'))>`,
  (n) => `<script>eval(String.fromCharCode(${[...call(n)].map((c) => c.charCodeAt(0)).join(',')}))</script>`,
  (n) => `<sCrIpT/x>${call(n)}</ScRiPt>`,
  (n) => `<img src=x onerror=\u2028${call(n)}>`,
  (n) => `\u202e<script>${call(n)}</script>\u202c`,
  (n) => `<a href="\u0000javascript:${call(n)}">nul ${n}</a>`,
  (n) => `<xmp><script>${call(n)}</script></xmp>`,
  (n) => `<plaintext><script>${call(n)}</script>`,
  (n) => `<link rel="import" href="${url(n)}">`,
  (n) => `<meta http-equiv="set-cookie" content="xss=${n}"><meta http-equiv="Content-Security-Policy" content="script-src *">`,
];

export interface HostilePages {
  dir: string;
  files: string[];
  /** How many distinct payloads the pages carry. */
  payloadCount: number;
  /** Payloads the cleaner keeps as they are: the reader of the first page must show them as text. */
  visibleLiterals: string[];
  /** A payload typed into a note. */
  notePayload: string;
}

/** Every payload, numbered from 1. */
export function listPayloads(): string[] {
  return TEMPLATES.map((make, index) => make(index + 1));
}

const PROSE =
  'The Collective Security Treaty Organization held a meeting of the Joint Staff in Moscow to discuss the hostile input probe';

/** Builds an article page: a headline, a date line and paragraphs each carrying payloads. */
function writeArticle(title: string, date: string, payloads: string[], perParagraph: number): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < payloads.length; i += perParagraph) {
    paragraphs.push(`${PROSE} ${XSS_WORD} ${payloads.slice(i, i + perParagraph).join(' ')} and the talks went on.`);
  }
  return [title, date, ...paragraphs].join('\n\n') + '\n';
}

function writeHtmlPage(title: string, payloads: string[]): string {
  const body = payloads.map((p) => `<p>${PROSE} ${XSS_WORD} ${p} and the talks went on.</p>`).join('\n');
  // The raw payloads also sit where an importer looks first: the title, the head and attributes.
  return `<!doctype html><html><head><title>${title} ${payloads[0] ?? ''}</title>${payloads.slice(0, 3).join('')}</head>
<body onload="${call(0)}"><h1>${title} ${payloads[1] ?? ''}</h1><p>12.03.2024</p>\n${body}\n</body></html>\n`;
}

/** Writes the hostile pages into a fresh temp folder. */
export async function writeHostilePages(): Promise<HostilePages> {
  const dir = await mkdtemp(join(tmpdir(), 'annals-xss-'));
  const payloads = listPayloads();
  const third = Math.ceil(payloads.length / 3);
  const pages: Array<[string, string]> = [
    // Plain text keeps the literal markup: the reader must show it as text.
    ['xss-text-titles.txt', writeArticle(`Hostile headline ${XSS_WORD} <script>${call(1000)}</script> <img src=x onerror=${call(1001)}>`, '10.03.2024', payloads, 4)],
    ['xss-text-body.txt', writeArticle(`Second hostile text ${XSS_WORD} page`, '11.03.2024', payloads.slice(0, third), 1)],
    ['xss-page-one.html', writeHtmlPage(`Hostile HTML page one ${XSS_WORD}`, payloads.slice(0, third))],
    ['xss-page-two.html', writeHtmlPage(`Hostile HTML page two ${XSS_WORD}`, payloads.slice(third))],
    ['xss-markdown.md', writeArticle(`# Hostile Markdown ${XSS_WORD} [x](javascript:${call(1002)})`, '13.03.2024', payloads.slice(third), 2)],
  ];
  for (const [name, text] of pages) await writeFile(join(dir, name), text, 'utf8');
  const kept = payloads.filter((p) => p.startsWith('<javascript:') || p.startsWith('[link '));
  return {
    dir,
    files: pages.map(([name]) => join(dir, name)),
    payloadCount: payloads.length,
    visibleLiterals: kept,
    notePayload: `Note <img src=x onerror=${call(2000)}> <script>${call(2001)}</script> [n](javascript:${call(2002)})`,
  };
}
