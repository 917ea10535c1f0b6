// The review queue: suggested duplicates (GET /api/xref), one pair at a time with
// their properties side by side, judged with the keyboard (a accept, r reject,
// u unsure; j/k or the arrows move) or the buttons, each judgement sent to
// POST /api/judgements.

import { api } from '../api';
import { h, mount } from '../dom';
import { link } from '../router';
import { alignProperties, keyAction, type ReviewAction } from '../review';
import type { Judgement, XrefSuggestion } from '../types';
import { errorNote, loading, topicChips } from '../widgets';
import { scoreBar } from './screening';

const LABELS: Record<Judgement, string> = { positive: 'same', negative: 'not the same', unsure: 'unsure' };

export async function reviewPage(root: HTMLElement): Promise<() => void> {
  mount(root, h('h1', null, 'Review queue'), loading('Looking for likely duplicates…'));
  let suggestions: XrefSuggestion[];
  try {
    suggestions = (await api.xref(50)).suggestions;
  } catch (e) {
    mount(root, h('h1', null, 'Review queue'), errorNote(e));
    return () => {};
  }
  const judged: Array<Judgement | undefined> = [];
  let index = 0;
  const status = h('p', { class: 'status', role: 'status' });
  const pane = h('div', { class: 'pair' });

  const side = (s: XrefSuggestion['a']) =>
    h('div', { class: 'side-head' },
      h('a', { href: link('entity', s.id), class: 'caption' }, s.caption),
      h('div', { class: 'muted' }, `${s.schema} · ${s.id}`),
      topicChips(s.topics ?? []));

  const draw = () => {
    if (!suggestions.length) {
      mount(pane, h('p', { class: 'muted' }, 'Nothing to review: no unjudged pairs.'));
      return;
    }
    const s = suggestions[index];
    const verdict = judged[index];
    mount(pane,
      h('div', { class: 'pair-head' },
        h('span', null, `Pair ${index + 1} of ${suggestions.length}`),
        scoreBar(s.score, s.score >= 0.7),
        verdict ? h('span', { class: `verdict verdict-${verdict}` }, `judged: ${LABELS[verdict]}`) : null),
      h('table', { class: 'aligned', 'data-a': s.a.id, 'data-b': s.b.id },
        h('thead', null, h('tr', null, h('th', null, ''), h('th', null, side(s.a)), h('th', null, side(s.b)))),
        h('tbody', null, alignProperties(s.a, s.b).map((row) =>
          h('tr', { class: row.agreement },
            h('th', null, row.prop),
            h('td', null, row.a.join(' · ')),
            h('td', null, row.b.join(' · ')))))),
      h('details', null, h('summary', null, 'Why suggested'),
        h('ul', null, Object.entries(s.explanations ?? {}).map(([f, e]) => h('li', null, `${f}: ${e.detail}`)))));
  };

  const act = async (action: ReviewAction) => {
    if (!suggestions.length) return;
    if (action === 'next' || action === 'previous') {
      index = Math.max(0, Math.min(suggestions.length - 1, index + (action === 'next' ? 1 : -1)));
      draw();
      return;
    }
    const s = suggestions[index];
    const at = index;
    status.textContent = 'Recording…';
    try {
      await api.judge(s.a.id, s.b.id, action);
      judged[at] = action;
      status.textContent = `Recorded: ${s.a.caption} and ${s.b.caption} are ${LABELS[action]}.`;
      if (index === at && index < suggestions.length - 1) index++;
      draw();
    } catch (e) {
      status.replaceChildren(errorNote(e));
    }
  };

  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select')) return;
    const action = keyAction(e.key);
    if (!action) return;
    e.preventDefault();
    void act(action);
  };
  document.addEventListener('keydown', onKey);

  const button = (label: string, key: string, action: ReviewAction, cls = '') =>
    h('button', { type: 'button', class: cls, onclick: () => void act(action) }, label, h('kbd', null, key));
  mount(root,
    h('h1', null, 'Review queue'),
    h('div', { class: 'toolbar' },
      button('Previous', 'k', 'previous'),
      button('Same', 'a', 'positive', 'accept'),
      button('Not the same', 'r', 'negative', 'reject'),
      button('Unsure', 'u', 'unsure'),
      button('Next', 'j', 'next')),
    status,
    pane);
  draw();
  return () => document.removeEventListener('keydown', onKey);
}
