// Display formats shared by the views.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD) for display; "Undated" for null. */
export function formatDate(date: string | null): string {
  if (!date) return 'Undated';
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? date;
}

/** Facet names as shown in the UI. */
export const FACET_TITLES = { state: 'State', organ: 'Organ', exercise: 'Exercise', person: 'Person', year: 'Year' } as const;
