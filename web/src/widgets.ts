// Small pieces shared by the pages: the classification banner, the grading badge,
// the marking chip, topic chips, and the loading and error notes.

import { h } from './dom';
import { bannerStyle } from './markings';

/** A classification banner: the marking in its level's (or traffic light's) colours. */
export function banner(marking: string, where: 'top' | 'bottom'): HTMLElement {
  const style = bannerStyle(marking);
  return h('div', {
    class: `banner banner-${where} marking-${style.kind}`,
    role: 'note',
    'aria-label': `marking: ${marking}`,
    'data-marking': marking,
    style: { background: style.background, color: style.color },
  }, marking);
}

/** Sets an existing banner to another marking. */
export function setBanner(el: HTMLElement, marking: string): void {
  const style = bannerStyle(marking);
  el.className = el.className.replace(/marking-\S+/, `marking-${style.kind}`);
  el.dataset.marking = marking;
  el.setAttribute('aria-label', `marking: ${marking}`);
  el.style.background = style.background;
  el.style.color = style.color;
  el.textContent = marking;
}

const RELIABILITY: Record<string, string> = {
  A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable',
  D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged',
};
const CREDIBILITY: Record<string, string> = {
  '1': 'confirmed', '2': 'probably true', '3': 'possibly true',
  '4': 'doubtful', '5': 'improbable', '6': 'truth cannot be judged',
};

/** "B2" as a badge coloured by reliability, its meaning in the tooltip. */
export function gradingBadge(grading: string): HTMLElement {
  const r = grading.charAt(0);
  const c = grading.charAt(1);
  return h('span', {
    class: `grading grading-${r.toLowerCase()}`,
    title: `${RELIABILITY[r] ?? '?'}, ${CREDIBILITY[c] ?? '?'}`,
  }, grading);
}

/** A marking as a small chip in its banner colours. */
export function markingChip(marking: string): HTMLElement {
  const style = bannerStyle(marking);
  return h('span', {
    class: `marking-chip marking-${style.kind}`,
    title: marking,
    style: { background: style.background, color: style.color },
  }, marking);
}

export function topicChips(topics: readonly string[]): HTMLElement {
  return h('span', { class: 'topics' }, topics.map((t) => h('span', { class: `topic topic-${t.split('.')[0]}` }, t)));
}

export function loading(text = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function errorNote(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h('p', { class: 'error', role: 'alert' }, message);
}
