// A search field that suggests entities as you type (debounced GET /api/search,
// 8 at most). Arrow keys move through the suggestions, Enter picks one (or submits
// the text when none is highlighted), Escape closes the list.

import { api } from './api';
import { debounce, h, mount } from './dom';
import type { SearchHit } from './types';

export interface SearchBoxOptions {
  placeholder?: string;
  value?: string;
  onPick: (hit: SearchHit) => void;
  onSubmit?: (text: string) => void;
}

export const SUGGESTIONS = 8;
const DELAY_MS = 150;

export function searchBox(options: SearchBoxOptions): HTMLElement {
  const input = h('input', {
    type: 'search',
    class: 'search-input',
    placeholder: options.placeholder ?? 'Search names…',
    value: options.value ?? '',
    autocomplete: 'off',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
  });
  const list = h('ul', { class: 'suggestions', role: 'listbox', hidden: true });
  let hits: SearchHit[] = [];
  let active = -1;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const draw = () => {
    mount(list, hits.map((hit, i) =>
      h('li', {
        role: 'option',
        class: i === active ? 'active' : '',
        'aria-selected': String(i === active),
        'data-id': hit.id,
        onmousedown: (e: Event) => {
          e.preventDefault(); // keep the focus in the field
          close();
          options.onPick(hit);
        },
      }, h('span', { class: 'caption' }, hit.caption), h('span', { class: 'schema' }, hit.schema))));
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const suggest = debounce(async (text: string) => {
    const mine = ++asked;
    if (!text.trim()) {
      hits = [];
      draw();
      return;
    }
    try {
      const answer = await api.search(text, SUGGESTIONS);
      if (mine !== asked) return; // a later keystroke already asked again
      hits = answer.results;
      active = -1;
      draw();
    } catch {
      hits = [];
      draw();
    }
  }, DELAY_MS);

  input.addEventListener('input', () => suggest(input.value));
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length + 1) % (hits.length + 1);
      if (active === hits.length) active = -1;
      draw();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = active >= 0 ? hits[active] : undefined;
      asked++; // drop suggestions still on their way
      close();
      if (hit) options.onPick(hit);
      else options.onSubmit?.(input.value.trim());
    } else if (e.key === 'Escape') close();
  });
  return h('div', { class: 'searchbox' }, input, list);
}
