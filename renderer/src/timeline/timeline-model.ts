// The timeline's bars: every month between the first and the last result month, empty ones included.

export interface MonthBar {
  month: string;
  count: number;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Fills the gaps between counted months with zero bars; at most `max` months (the latest kept). */
export function fillMonths(months: readonly { month: string; count: number }[], max = 600): MonthBar[] {
  const valid = months.filter((m) => /^\d{4}-\d{2}$/.test(m.month)).sort((a, b) => (a.month < b.month ? -1 : 1));
  const first = valid[0];
  const last = valid[valid.length - 1];
  if (!first || !last) return [];
  const counts = new Map(valid.map((m) => [m.month, m.count]));
  const bars: MonthBar[] = [];
  for (let month = first.month; month <= last.month; month = nextMonth(month)) bars.push({ month, count: counts.get(month) ?? 0 });
  return bars.slice(-max);
}

/** The bar under an x position of a timeline `width` pixels wide. */
export function barAt(x: number, width: number, count: number): number {
  if (count === 0 || width <= 0) return 0;
  return Math.max(0, Math.min(count - 1, Math.floor((x / width) * count)));
}

/** The month range between two bars, in order. */
export function rangeBetween(bars: readonly MonthBar[], a: number, b: number): { from: string; to: string } | null {
  const from = bars[Math.min(a, b)];
  const to = bars[Math.max(a, b)];
  return from && to ? { from: from.month, to: to.month } : null;
}
