// Draws a timeline (timeline.ts) as SVG: one row per dated tie, a bar from its start
// to its end (a dot alone when only one date is known), the years
// along the top; the undated ties are counted below.

import { h, svg } from './dom';
import { bannerStyle } from './markings';
import { axisYears, buildTimeline, dayNumber, type DatedTie } from './timeline';

const ROW = 24;
const LABEL_WIDTH = 380;
const WIDTH = 1000;
const TOP = 28;

export function renderTimeline(ties: DatedTie[], onSelect?: (tie: DatedTie) => void): HTMLElement {
  const { items, undated, span } = buildTimeline(ties);
  const wrap = h('div', { class: 'timeline' });
  if (!span) {
    wrap.append(h('p', { class: 'muted' }, `No dated ties or events (${undated.length} undated).`));
    return wrap;
  }
  const years = axisYears(span);
  const lo = dayNumber(`${years[0]}-01-01`);
  const hi = dayNumber(`${years[years.length - 1]}-01-01`);
  const x = (day: string) => LABEL_WIDTH + ((dayNumber(day) - lo) / Math.max(1, hi - lo)) * (WIDTH - LABEL_WIDTH - 20);
  const height = TOP + items.length * ROW + 8;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img', 'aria-label': 'timeline' });
  for (const year of years) {
    const at = x(`${year}-01-01`);
    chart.append(
      svg('line', { x1: at, x2: at, y1: TOP - 6, y2: height, class: 'tl-grid' }),
      svg('text', { x: at, y: TOP - 10, class: 'tl-year', 'text-anchor': 'middle' }, String(year)),
    );
  }
  items.forEach((item, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const colour = bannerStyle(item.tie.marking).background;
    const text = `${item.start.slice(0, 7)}  ${item.tie.fromCaption} — ${item.tie.toCaption}: ${item.tie.label || item.tie.schema}`;
    const row = svg('g', { class: 'tl-row', 'data-tie': item.tie.tie, tabindex: 0 },
      svg('title', {}, `${item.tie.schema} ${item.tie.grading} ${item.tie.marking}\n${item.tie.label}`),
      svg('text', { x: 4, y: y + 4, class: 'tl-label' }, text.length > 60 ? `${text.slice(0, 59)}…` : text),
    );
    const x1 = x(item.start);
    if (item.end && item.end !== item.start) {
      row.append(svg('rect', { x: x1, y: y - 5, width: Math.max(3, x(item.end) - x1), height: 10, rx: 3, fill: colour }));
    }
    row.append(svg('circle', { cx: x1, cy: y, r: 5, fill: colour }));
    if (onSelect) row.addEventListener('click', () => onSelect(item.tie));
    chart.append(row);
  });
  wrap.append(chart);
  if (undated.length) wrap.append(h('p', { class: 'muted' }, `${undated.length} undated tie(s) not shown.`));
  return wrap;
}
