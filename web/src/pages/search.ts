// Search: names as you type (suggestions), and on Enter the full list of hits
// (#/search?q=...), each linking to its entity and its link chart.

import { api } from '../api';
import { h, mount } from '../dom';
import { link, type Route } from '../router';
import { searchBox } from '../searchbox';
import { errorNote, loading } from '../widgets';

const RESULTS = 50;

export async function searchPage(root: HTMLElement, route: Route): Promise<void> {
  const q = route.params.get('q') ?? '';
  const results = h('div', { class: 'results' });
  const box = searchBox({
    value: q,
    placeholder: 'Search people, companies, vessels… in any script',
    onPick: (hit) => (location.hash = link('entity', hit.id)),
    onSubmit: (text) => (location.hash = link('search', '', text ? { q: text } : {})),
  });
  mount(root, h('h1', null, 'Search'), box, results);
  box.querySelector('input')?.focus();
  if (!q) return;
  mount(results, loading());
  try {
    const answer = await api.search(q, RESULTS);
    mount(results,
      h('p', { class: 'muted' }, `${answer.results.length} result(s) for “${answer.query}”`),
      h('ol', { class: 'hits' }, answer.results.map((hit) =>
        h('li', { 'data-id': hit.id },
          h('a', { href: link('entity', hit.id), class: 'caption' }, hit.caption),
          h('span', { class: 'schema' }, hit.schema),
          h('span', { class: 'muted' }, ` ${hit.id} · score ${hit.score.toFixed(2)} · matched “${hit.matched}”`),
          h('a', { href: link('chart', hit.id), class: 'small-link' }, 'chart')))));
  } catch (e) {
    mount(results, errorNote(e));
  }
}
