// The timeline's model: which ties (and events, which reach the page as ties of
// schema Event) have dates, in what order, and over what span. Drawing is in
// timelineview.ts.

import { fullDate } from './tiefilter';
import type { Tie } from './types';

export interface DatedTie {
  tie: string;
  schema: string;
  label: string;
  grading: string;
  marking: string;
  start?: string | null;
  end?: string | null;
  /** Captions of the two ends, for the row's text. */
  fromCaption: string;
  toCaption: string;
}

/** A tie for the timeline, with the captions of its ends in the tie's direction. */
export function datedTie(tie: Tie, fromCaption: string, toCaption: string): DatedTie {
  const { tie: id, schema, label, grading, marking, start, end } = tie;
  return { tie: id, schema, label, grading, marking, start, end, fromCaption, toCaption };
}

export interface TimelineItem {
  tie: DatedTie;
  /** Full days (YYYY-MM-DD); a tie with one date has it as both when only a start is known. */
  start: string;
  end: string | null;
  /** True when the tie has an end but no start. */
  endOnly: boolean;
}

export interface Timeline {
  items: TimelineItem[];
  undated: DatedTie[];
  /** The first and last day any item touches; null without items. */
  span: { from: string; to: string } | null;
}

/** Sorts dated ties by start (an end-only tie by its end), then end, then label. */
export function buildTimeline(ties: DatedTie[]): Timeline {
  const items: TimelineItem[] = [];
  const undated: DatedTie[] = [];
  for (const tie of ties) {
    const start = fullDate(tie.start, 'start');
    const end = fullDate(tie.end, 'end');
    if (!start && !end) undated.push(tie);
    else items.push({ tie, start: (start ?? end) as string, end, endOnly: !start });
  }
  items.sort(
    (a, b) =>
      a.start.localeCompare(b.start) ||
      (a.end ?? a.start).localeCompare(b.end ?? b.start) ||
      a.tie.label.localeCompare(b.tie.label) ||
      a.tie.tie.localeCompare(b.tie.tie),
  );
  let span: Timeline['span'] = null;
  for (const item of items) {
    const last = item.end ?? item.start;
    if (!span) span = { from: item.start, to: last };
    else {
      if (item.start < span.from) span.from = item.start;
      if (last > span.to) span.to = last;
    }
  }
  return { items, undated, span };
}

/** Days since 1970 of a full day, for placing it on an axis. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The years to label on an axis over `span`, evenly stepped, the last at or after its end. */
export function axisYears(span: { from: string; to: string }, most = 12): number[] {
  const first = Number(span.from.slice(0, 4));
  const last = Number(span.to.slice(0, 4)) + 1;
  const step = Math.max(1, Math.ceil((last - first) / most));
  const years: number[] = [];
  for (let y = first; ; y += step) {
    years.push(y);
    if (y >= last) return years;
  }
}
