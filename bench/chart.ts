// A hand-written SVG line chart of query latency against archive size (log-log), app and raw.

export interface SweepPoint {
  items: number;
  app: { p50Ms: number; p95Ms: number };
  raw: { p50Ms: number; p95Ms: number } | null;
}

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 70, right: 180, top: 40, bottom: 56 };

interface Series {
  label: string;
  color: string;
  isDashed: boolean;
  values: [items: number, ms: number][];
}

function decadesBetween(min: number, max: number): number[] {
  const out: number[] = [];
  for (let exp = Math.floor(Math.log10(min)); exp <= Math.ceil(Math.log10(max)); exp++) out.push(10 ** exp);
  return out;
}

function formatTick(value: number, unit: string): string {
  if (value >= 1_000_000) return `${value / 1_000_000}M${unit}`;
  if (value >= 1000) return `${value / 1000}k${unit}`;
  return `${value}${unit}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function collectSeries(points: SweepPoint[]): Series[] {
  const series: Series[] = [
    { label: 'app p50', color: '#1f77b4', isDashed: false, values: points.map((p) => [p.items, p.app.p50Ms]) },
    { label: 'app p95', color: '#1f77b4', isDashed: true, values: points.map((p) => [p.items, p.app.p95Ms]) },
  ];
  const raw = points.filter((p) => p.raw !== null);
  if (raw.length > 0) {
    series.push({ label: 'MiniSearch p50', color: '#d62728', isDashed: false, values: raw.map((p) => [p.items, p.raw?.p50Ms ?? 0]) });
    series.push({ label: 'MiniSearch p95', color: '#d62728', isDashed: true, values: raw.map((p) => [p.items, p.raw?.p95Ms ?? 0]) });
  }
  return series;
}

/** Renders the sweep as an SVG document (log scales on both axes). */
export function renderLatencyChart(points: SweepPoint[], title: string): string {
  const series = collectSeries(points);
  const sizes = points.map((p) => p.items);
  const times = series.flatMap((s) => s.values.map(([, ms]) => Math.max(ms, 0.01)));
  const xTicks = decadesBetween(Math.min(...sizes), Math.max(...sizes));
  const yTicks = decadesBetween(Math.min(...times), Math.max(...times));
  const [xMin, xMax] = [xTicks[0] ?? 1, xTicks[xTicks.length - 1] ?? 10];
  const [yMin, yMax] = [yTicks[0] ?? 0.1, yTicks[yTicks.length - 1] ?? 1000];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number): number => MARGIN.left + ((Math.log10(v) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin) || 1)) * plotW;
  const y = (v: number): number =>
    MARGIN.top + plotH - ((Math.log10(Math.max(v, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin) || 1)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const tick of xTicks) {
    parts.push(`<line x1="${x(tick)}" y1="${MARGIN.top}" x2="${x(tick)}" y2="${MARGIN.top + plotH}" stroke="#ddd"/>`);
    parts.push(`<text x="${x(tick)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${formatTick(tick, '')}</text>`);
  }
  for (const tick of yTicks) {
    parts.push(`<line x1="${MARGIN.left}" y1="${y(tick)}" x2="${MARGIN.left + plotW}" y2="${y(tick)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${y(tick) + 4}" text-anchor="end">${formatTick(tick, ' ms')}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 14}" text-anchor="middle">items in the archive (log scale)</text>`);
  parts.push(`<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">query latency (log scale)</text>`);
  series.forEach((s, i) => {
    const path = s.values.map(([items, ms], k) => `${k === 0 ? 'M' : 'L'}${x(items).toFixed(1)},${y(ms).toFixed(1)}`).join(' ');
    const dash = s.isDashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    for (const [items, ms] of s.values) parts.push(`<circle cx="${x(items).toFixed(1)}" cy="${y(ms).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const legendY = MARGIN.top + 10 + i * 20;
    const legendX = MARGIN.left + plotW + 16;
    parts.push(`<line x1="${legendX}" y1="${legendY}" x2="${legendX + 28}" y2="${legendY}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${legendX + 36}" y="${legendY + 4}">${escapeXml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** The sweep as CSV: one row per size. */
export function formatSweepCsv(points: SweepPoint[]): string {
  const rows = points.map((p) => [p.items, p.app.p50Ms, p.app.p95Ms, p.raw?.p50Ms ?? '', p.raw?.p95Ms ?? ''].join(','));
  return `items,app_p50_ms,app_p95_ms,raw_p50_ms,raw_p95_ms\n${rows.join('\n')}\n`;
}
