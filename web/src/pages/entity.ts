// The entity page: every property with each value's source, grading and marking
// (conflicting properties highlighted), sanctions, ties, and a timeline of the
// dated ties, between two banners carrying the highest marking of all of it.

import { api } from '../api';
import { tieEnds } from '../chartmodel';
import { h, mount } from '../dom';
import { highestMarking } from '../markings';
import { propertyOrder } from '../properties';
import { link, type Route } from '../router';
import { datedTie } from '../timeline';
import { renderTimeline } from '../timelineview';
import type { Entity, PropertyValue, Tie } from '../types';
import { banner, errorNote, gradingBadge, loading, markingChip, topicChips } from '../widgets';

const ARROWS = { out: '→', in: '←', both: '↔' } as const;

function valueRow(v: PropertyValue): HTMLElement {
  return h('li', { class: 'value' },
    h('span', { class: 'text' }, v.value),
    h('span', { class: 'source', title: v.source }, v.source_title || v.source),
    gradingBadge(v.grading),
    markingChip(v.marking));
}

function propertiesTable(entity: Entity): HTMLElement {
  const conflicts = new Set(entity.conflicts);
  return h('table', { class: 'properties' },
    h('tbody', null, propertyOrder(Object.keys(entity.properties)).map((prop) =>
      h('tr', { class: conflicts.has(prop) ? 'conflict' : '', 'data-prop': prop },
        h('th', null, prop, conflicts.has(prop) && h('span', { class: 'conflict-badge', title: 'sources disagree' }, 'conflict')),
        h('td', null, h('ul', { class: 'values' }, entity.properties[prop].map(valueRow)))))));
}

function dates(tie: Tie): string {
  if (!tie.start && !tie.end) return '';
  return `${tie.start ?? '…'} – ${tie.end ?? ''}`;
}

function tiesTable(ties: Tie[]): HTMLElement {
  if (!ties.length) return h('p', { class: 'muted' }, 'No ties.');
  return h('table', { class: 'ties' },
    h('thead', null, h('tr', null, ['', 'With', 'Relation', 'Label', 'Grading', 'Dates', 'Sources', 'Marking'].map((c) => h('th', null, c)))),
    h('tbody', null, ties.map((tie) =>
      h('tr', { 'data-tie': tie.tie },
        h('td', { title: tie.direction }, ARROWS[tie.direction] ?? ''),
        h('td', null, h('a', { href: link('entity', tie.other) }, tie.other_caption)),
        h('td', null, tie.schema),
        h('td', null, tie.label),
        h('td', null, gradingBadge(tie.grading)),
        h('td', { class: 'nowrap' }, dates(tie)),
        h('td', null, tie.sources.map((s) => s.title).join('; ')),
        h('td', null, markingChip(tie.marking))))));
}

function sanctionsList(entity: Entity): HTMLElement | null {
  if (!entity.sanctions.length) return null;
  return h('section', { class: 'sanctions' },
    h('h2', null, 'Sanctions'),
    h('ul', null, entity.sanctions.map((s) =>
      h('li', null,
        h('strong', null, s.authority.join(', ') || 'Sanction'),
        s.program.length ? ` — ${s.program.join(', ')}` : '',
        s.listingDate.length ? ` (listed ${s.listingDate.join(', ')})` : ''))));
}

/** The highest marking of what the page shows: the entity's statements and its ties. */
export function pageMarking(entity: Entity): string {
  return highestMarking([entity.marking, ...entity.ties.map((t) => t.marking)]);
}

export function renderEntity(entity: Entity): HTMLElement[] {
  const timeline = entity.ties.map((tie) => {
    const [from, to] = tieEnds(tie, entity.id);
    const caption = (id: string) => (id === entity.id ? entity.caption : tie.other_caption);
    return datedTie(tie, caption(from), caption(to));
  });
  // The page shows the ties too, so its banner covers their markings as well as the entity's.
  const marking = pageMarking(entity);
  return [
    banner(marking, 'top'),
    h('header', { class: 'entity-head' },
      h('h1', null, entity.caption),
      h('p', { class: 'muted' }, `${entity.schema} · ${entity.id}`,
        entity.members.length > 1 ? ` · merged from ${entity.members.join(', ')}` : '',
        ' · its statements: ', markingChip(entity.marking)),
      topicChips(entity.topics),
      h('p', { class: 'actions' },
        h('a', { class: 'button', href: link('chart', entity.id) }, 'Open link chart'))),
    entity.conflicts.length
      ? h('p', { class: 'conflicts-note', role: 'note' }, `Sources disagree on: ${entity.conflicts.join(', ')}`)
      : null,
    sanctionsList(entity),
    h('section', null, h('h2', null, 'Properties'), propertiesTable(entity)),
    h('section', null, h('h2', null, `Ties (${entity.ties.length})`), tiesTable(entity.ties)),
    h('section', null, h('h2', null, 'Timeline'), renderTimeline(timeline)),
    banner(marking, 'bottom'),
  ].filter((x): x is HTMLElement => x !== null);
}

export async function entityPage(root: HTMLElement, route: Route): Promise<void> {
  mount(root, loading());
  try {
    const entity = await api.entity(route.arg);
    mount(root, ...renderEntity(entity));
    document.title = `${entity.caption} — dossier`;
  } catch (e) {
    mount(root, h('h1', null, 'Entity'), errorNote(e));
  }
}
