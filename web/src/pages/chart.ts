// The link chart page (#/chart/ID or #/chart?ids=A,B): grows a chart from entities,
// expanding a node (double-click, or the ⊕ in the list) with its neighbours; filters
// ties by relation, date and grading; finds a path between two selected entities;
// highlights exposure; lays out; exports PNG and SVG; and shows a timeline of the
// ties shown. The banners carry the highest marking of the ties shown.

import { api, ApiError } from '../api';
import { LinkChart, type LayoutName } from '../chart';
import { EXPOSURE_COLOURS, exposureOf, firstPath } from '../chartmodel';
import { debounce, download, h, mount } from '../dom';
import { allGradings, gradingRank } from '../grading';
import { highestMarking } from '../markings';
import { link, type Route } from '../router';
import { searchBox } from '../searchbox';
import type { TieFilter } from '../tiefilter';
import { datedTie } from '../timeline';
import { renderTimeline } from '../timelineview';
import type { Hop, Path } from '../types';
import { banner, errorNote, gradingBadge, markingChip, setBanner } from '../widgets';

/** More ties than this from one expansion are cut to the best graded. */
export const EXPAND_CAP = 150;

export function chartPage(root: HTMLElement, route: Route): () => void {
  const seeds = route.arg ? [route.arg] : (route.params.get('ids') ?? '').split(',').filter(Boolean);
  const top = banner('UNCLASSIFIED', 'top');
  const bottom = banner('UNCLASSIFIED', 'bottom');
  const canvas = h('div', { class: 'chart-canvas', 'aria-label': 'link chart' });
  const status = h('p', { class: 'status muted', role: 'status' });
  const selection = h('div', { class: 'selection' });
  const pathPanel = h('div', { class: 'path-result' });
  const nodeList = h('ul', { class: 'node-list' });
  const timelinePanel = h('section', { class: 'chart-timeline' });
  const relationBox = h('span', { class: 'relations' });
  const excluded = new Set<string>();
  let knownRelations = '';

  const asOf = h('input', { type: 'date', name: 'as-of', title: 'only ties begun by then and not ended' });
  const minGrading = h('select', { name: 'min-grading' },
    h('option', { value: '' }, 'any'), allGradings().map((g) => h('option', { value: g }, g)));
  const layoutName = h('select', { name: 'layout' },
    h('option', { value: 'cose' }, 'cose'), h('option', { value: 'breadthfirst' }, 'breadthfirst'));
  const exposureToggle = h('input', { type: 'checkbox', name: 'exposure' });
  const expandButton = h('button', { type: 'button', disabled: true }, 'Expand selected');
  const pathButton = h('button', { type: 'button', disabled: true, class: 'primary' }, 'Find path');

  const say = (text: string) => (status.textContent = text);
  const marking = () => highestMarking(chart.shownTies().map((e) => e.tie.marking));

  const filter = (): TieFilter => {
    const relations = chart.relations();
    return {
      relations: excluded.size ? new Set(relations.filter((r) => !excluded.has(r))) : null,
      asOf: asOf.value || null,
      minGrading: minGrading.value || null,
    };
  };

  const drawRelations = () => {
    const relations = chart.relations();
    if (relations.join() === knownRelations) return;
    knownRelations = relations.join();
    mount(relationBox, relations.map((r) => {
      const box = h('input', { type: 'checkbox', name: 'relation', value: r, checked: !excluded.has(r) });
      box.addEventListener('change', () => {
        if (box.checked) excluded.delete(r);
        else excluded.add(r);
        chart.setFilter(filter());
      });
      return h('label', { class: 'check' }, box, r);
    }));
  };

  const drawNodes = () => {
    const selected = new Set(chart.selected());
    const nodes = chart.shownNodes().sort((a, b) => a.caption.localeCompare(b.caption));
    mount(nodeList, nodes.map((n) => {
      const box = h('input', { type: 'checkbox', checked: selected.has(n.id), 'aria-label': `select ${n.caption}` });
      box.addEventListener('change', () => chart.select(n.id, box.checked));
      const exposure = exposureToggle.checked ? exposureOf(n.topics) : null;
      return h('li', { 'data-id': n.id, class: exposure ? `exposed exposed-${exposure}` : '' },
        h('label', null, box, exposure && h('i', { class: 'dot', style: { background: EXPOSURE_COLOURS[exposure] } }), n.caption),
        h('button', {
          type: 'button', class: 'icon', title: 'expand: add its neighbours', 'aria-label': `expand ${n.caption}`,
          disabled: chart.isExpanded(n.id), onclick: () => void expand(n.id),
        }, '⊕'),
        h('a', { href: link('entity', n.id), class: 'small-link' }, 'open'));
    }));
  };

  const drawSelection = (ids: string[]) => {
    expandButton.disabled = ids.length === 0;
    pathButton.disabled = ids.length < 2;
    mount(selection, ids.length
      ? h('p', null, 'Selected: ', ids.map((id, i) => [i ? ', ' : '', h('a', { href: link('entity', id) }, chart.caption(id))]))
      : h('p', { class: 'muted' }, 'Click entities to select them (two for a path); double-click to expand.'));
  };

  const drawTimeline = () => {
    const ties = chart.shownTies().map((e) => datedTie(e.tie, chart.caption(e.source), chart.caption(e.target)));
    mount(timelinePanel, h('h2', null, 'Timeline of the ties shown'), renderTimeline(ties));
  };

  const redraw = debounce(() => {
    const m = marking();
    setBanner(top, m);
    setBanner(bottom, m);
    drawRelations();
    drawNodes();
    drawTimeline();
    const shown = chart.shownTies().length;
    const nodes = chart.shownNodes();
    let text = `${nodes.length} entities, ${shown} ties shown${shown < chart.cy.edges().length ? ` of ${chart.cy.edges().length}` : ''}.`;
    if (exposureToggle.checked) {
      const count = (kind: string) => nodes.filter((n) => exposureOf(n.topics) === kind).length;
      text += ` Exposure: ${count('sanction')} sanctioned, ${count('pep')} politically exposed, ${count('gov')} government.`;
    }
    say(text);
  }, 30);

  async function expand(id: string): Promise<void> {
    say(`Expanding ${chart.caption(id)}…`);
    try {
      const answer = await api.adjacent(id);
      const ties = [...answer.ties].sort((a, b) => gradingRank(a.grading) - gradingRank(b.grading));
      chart.addNode(answer.entity, seeds.includes(id));
      const added = chart.addTies(id, ties.slice(0, EXPAND_CAP));
      chart.markExpanded(id);
      chart.setFilter(filter()); // relations new to the chart are shown unless unticked
      chart.layout(layoutName.value as LayoutName);
      if (ties.length > EXPAND_CAP) {
        say(`${answer.entity.caption}: ${ties.length} ties, the ${EXPAND_CAP} best graded added.`);
      } else if (!added) say(`${answer.entity.caption}: no new ties.`);
    } catch (e) {
      say(e instanceof ApiError && e.status === 404 ? `No entity ${id}.` : String((e as Error).message));
    }
  }

  async function findPath(): Promise<void> {
    const [from, to] = chart.selected();
    const f = filter();
    mount(pathPanel, h('p', { class: 'loading' }, 'Finding a path…'));
    try {
      const answer = await api.paths(from, to, {
        relation: f.relations ? [...f.relations] : undefined,
        min_grading: f.minGrading ?? undefined,
        as_of: f.asOf ?? undefined,
      });
      const path = firstPath(answer);
      if (!path) {
        mount(pathPanel, h('p', { class: 'muted' }, `No path between ${chart.caption(from)} and ${chart.caption(to)}.`));
        chart.clearPath();
        return;
      }
      chart.showPath(path.hops);
      chart.layout(layoutName.value as LayoutName);
      chart.focusPath();
      mount(pathPanel, renderPath(path));
      pathPanel.scrollIntoView({ block: 'nearest' });
    } catch (e) {
      mount(pathPanel, errorNote(e));
    }
  }

  asOf.addEventListener('change', () => chart.setFilter(filter()));
  minGrading.addEventListener('change', () => chart.setFilter(filter()));
  exposureToggle.addEventListener('change', () => chart.setExposure(exposureToggle.checked));
  expandButton.addEventListener('click', () => chart.selected().forEach((id) => void expand(id)));
  pathButton.addEventListener('click', () => void findPath());

  const adder = searchBox({
    placeholder: 'Add an entity…',
    onPick: (hit) => {
      chart.addNode({ id: hit.id, caption: hit.caption, schema: hit.schema, topics: [] }, true);
      seeds.push(hit.id);
      void expand(hit.id);
    },
  });

  mount(root,
    top,
    h('div', { class: 'toolbar' },
      adder,
      expandButton,
      pathButton,
      h('button', { type: 'button', onclick: () => { chart.clearPath(); chart.refresh(); mount(pathPanel); } }, 'Clear path'),
      h('label', { class: 'check' }, exposureToggle, 'Highlight exposure'),
      h('label', null, 'Layout ', layoutName),
      h('button', { type: 'button', onclick: () => chart.layout(layoutName.value as LayoutName) }, 'Lay out'),
      h('button', { type: 'button', onclick: async () => download('dossier-chart.png', await chart.png(marking())) }, 'PNG'),
      h('button', {
        type: 'button',
        onclick: () => {
          const href = URL.createObjectURL(new Blob([chart.svg(marking())], { type: 'image/svg+xml' }));
          download('dossier-chart.svg', href);
          setTimeout(() => URL.revokeObjectURL(href), 1000);
        },
      }, 'SVG')),
    h('div', { class: 'filters' },
      h('span', { class: 'label' }, 'Relations:'), relationBox,
      h('label', null, 'As of ', asOf),
      h('label', null, 'Min grading ', minGrading),
      h('span', { class: 'legend' },
        Object.entries(EXPOSURE_COLOURS).map(([k, c]) => h('span', { class: 'legend-item' }, h('i', { style: { background: c } }), k)))),
    h('div', { class: 'chart-body' },
      canvas,
      h('aside', { class: 'chart-side' }, selection, pathPanel, h('h2', null, 'Entities'), nodeList)),
    status,
    timelinePanel,
    bottom);

  // The chart needs its container in the document to measure it.
  const chart = new LinkChart(canvas, {
    onSelect: (ids) => {
      drawSelection(ids);
      redraw();
    },
    onExpand: (id) => void expand(id),
    onChange: redraw,
  });

  drawSelection([]);
  if (!seeds.length) say('Add an entity to start.');
  for (const id of seeds) {
    chart.addNode({ id, caption: id, schema: '', topics: [] }, true);
    void expand(id);
  }
  return () => chart.destroy();
}

function renderPath(path: Path): HTMLElement {
  return h('div', null,
    h('h2', null, `Path: ${path.hops.length} hop(s) `, markingChip(path.marking)),
    h('ol', { class: 'hops' }, path.hops.map((hop: Hop) =>
      h('li', null,
        h('a', { href: link('entity', hop.from) }, hop.from_caption),
        ` — ${hop.relation}${hop.label ? `: ${hop.label}` : ''} `,
        gradingBadge(hop.grading),
        ' → ',
        h('a', { href: link('entity', hop.to) }, hop.to_caption)))));
}
