// The link chart's client-side filters of ties: by relation (the tie's schema),
// by date (as of a day: begun by then and not ended; undated ties pass, as on the
// server) and by minimum grading.

import { atLeast } from './grading';

export interface TieFilter {
  /** Schemata to keep; null keeps every relation. */
  relations: ReadonlySet<string> | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null for no date filter. */
  asOf: string | null;
  /** e.g. "C3"; null for any grading. */
  minGrading: string | null;
}

export const NO_FILTER: TieFilter = { relations: null, asOf: null, minGrading: null };

interface FilterableTie {
  schema: string;
  grading: string;
  start?: string | null;
  end?: string | null;
}

/**
 * A date prefix as a full day, read generously as the server does: a start or an
 * as-of of "2015" is 2015-01-01, an end of "2015" is 2015-12-31. Null if not a date.
 */
export function fullDate(date: string | null | undefined, side: 'start' | 'end'): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? '');
  if (!m) return null;
  const [, y, mo, d] = m;
  if (side === 'start') return `${y}-${mo ?? '01'}-${d ?? '01'}`;
  const month = mo ?? '12';
  const lastDay = new Date(Date.UTC(Number(y), Number(month), 0)).getUTCDate();
  return `${y}-${month}-${d ?? String(lastDay).padStart(2, '0')}`;
}

export function passes(tie: FilterableTie, filter: TieFilter): boolean {
  if (filter.relations && !filter.relations.has(tie.schema)) return false;
  if (filter.minGrading && !atLeast(tie.grading, filter.minGrading)) return false;
  const day = fullDate(filter.asOf, 'start');
  if (day) {
    const start = fullDate(tie.start, 'start');
    const end = fullDate(tie.end, 'end');
    if (start && start > day) return false;
    if (end && end < day) return false;
  }
  return true;
}

/** Whether the filter keeps everything. */
export function isOpen(filter: TieFilter): boolean {
  return !filter.relations && !filter.asOf && !filter.minGrading;
}
