// Screening: one name (with optional schema, birth date and country) against
// everything the reader may see, with each result's score bar and the features that
// made the score; or a CSV of names screened in batches, with a progress bar and
// the results as a CSV built in the page.

import { api } from '../api';
import { parseCsv, queriesFromCsv, resultsCsv, type CsvQuery } from '../csv';
import { h, mount } from '../dom';
import { link } from '../router';
import { formQuery, screenAll } from '../screening';
import type { Explanation, MatchResult } from '../types';
import { errorNote, loading, topicChips } from '../widgets';

const SCHEMATA = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel'];

function schemaSelect(name: string, selected: string): HTMLSelectElement {
  return h('select', { name }, SCHEMATA.map((s) => h('option', { value: s, selected: s === selected }, s)));
}

export function scoreBar(score: number, match: boolean): HTMLElement {
  const pct = Math.round(Math.max(0, Math.min(1, score)) * 100);
  return h('span', { class: `score-bar ${match ? 'is-match' : ''}`, title: `score ${score.toFixed(3)}`, role: 'meter',
    'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct },
  h('span', { class: 'fill', style: { width: `${pct}%` } }), h('span', { class: 'num' }, score.toFixed(2)));
}

function explanationsTable(explanations: Record<string, Explanation>): HTMLElement {
  const rows = Object.entries(explanations).sort(
    ([, a], [, b]) => Math.abs(b.contribution ?? b.score) - Math.abs(a.contribution ?? a.score));
  return h('table', { class: 'explanations' },
    h('thead', null, h('tr', null, ['Feature', 'Score', 'Contribution', 'Detail'].map((c) => h('th', null, c)))),
    h('tbody', null, rows.map(([feature, e]) =>
      h('tr', { class: (e.contribution ?? 0) < 0 ? 'against' : 'for' },
        h('td', null, feature),
        h('td', { class: 'num' }, e.score.toFixed(2)),
        h('td', { class: 'num' }, e.contribution === undefined ? '' : e.contribution.toFixed(2)),
        h('td', null, e.detail)))));
}

function resultCard(r: MatchResult): HTMLElement {
  return h('li', { class: 'match-result', 'data-id': r.id },
    h('div', { class: 'match-head' },
      h('a', { href: link('entity', r.id), class: 'caption' }, r.caption),
      h('span', { class: 'schema' }, r.schema),
      r.match && h('span', { class: 'match-badge' }, 'match'),
      scoreBar(r.score, r.match)),
    h('p', { class: 'muted' }, (r.datasets ?? []).join(', '), ' ', topicChips(r.topics ?? [])),
    h('details', null, h('summary', null, 'Why this score'), explanationsTable(r.explanations ?? {})));
}

function oneNameForm(): HTMLElement {
  const name = h('input', { name: 'name', required: true, placeholder: 'e.g. Igor Sechin' });
  const schema = schemaSelect('schema', 'Person');
  const birthDate = h('input', { name: 'birthDate', placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' });
  const country = h('input', { name: 'country', placeholder: 'e.g. ru or Russia' });
  const out = h('div', { class: 'screen-results' });
  const form = h('form', { class: 'card screen-form', 'aria-label': 'screen a name' },
    h('h2', null, 'Screen a name'),
    h('div', { class: 'row' },
      h('label', null, 'Name ', name),
      h('label', null, 'Schema ', schema),
      h('label', null, 'Birth date ', birthDate),
      h('label', null, 'Country ', country),
      h('button', { type: 'submit', class: 'primary' }, 'Screen')),
    out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    mount(out, loading('Screening…'));
    try {
      const query = formQuery({ name: name.value, schema: schema.value, birthDate: birthDate.value, country: country.value });
      const answer = await api.match({ q1: query }, 'default', 10);
      const results = answer.responses.q1?.results ?? [];
      mount(out, results.length
        ? h('ol', { class: 'match-results' }, results.map(resultCard))
        : h('p', { class: 'muted' }, 'No candidates.'));
    } catch (err) {
      mount(out, errorNote(err));
    }
  });
  return form;
}

function summaryTable(queries: CsvQuery[], results: Map<string, MatchResult[]>): HTMLElement {
  return h('table', { class: 'batch-results' },
    h('thead', null, h('tr', null, ['Query', 'Name', 'Best candidate', 'Score', ''].map((c) => h('th', null, c)))),
    h('tbody', null, queries.map(({ id, query }) => {
      const best = results.get(id)?.[0];
      return h('tr', { class: best?.match ? 'is-match' : '' },
        h('td', null, id),
        h('td', null, (query.properties.name ?? []).join('; ')),
        h('td', null, best ? h('a', { href: link('entity', best.id) }, best.caption) : '—'),
        h('td', null, best ? scoreBar(best.score, best.match) : ''),
        h('td', null, best?.match ? h('span', { class: 'match-badge' }, 'match') : ''));
    })));
}

function csvForm(): HTMLElement {
  const file = h('input', { type: 'file', name: 'csv', accept: '.csv,text/csv' });
  const schema = schemaSelect('default-schema', 'LegalEntity');
  const progress = h('progress', { max: 1, value: 0, hidden: true });
  const note = h('p', { class: 'muted' }, 'A header of FtM property names (name, birthDate, country, …); optional id and schema columns.');
  const out = h('div', { class: 'batch-out' });
  let resultsUrl = '';
  const form = h('form', { class: 'card screen-csv', 'aria-label': 'screen a CSV' },
    h('h2', null, 'Screen a CSV'),
    note,
    h('div', { class: 'row' }, file, h('label', null, 'Schema when none is given ', schema),
      h('button', { type: 'submit', class: 'primary' }, 'Screen file')),
    progress,
    out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    mount(out);
    try {
      const { queries, skipped } = queriesFromCsv(parseCsv(await chosen.text()), schema.value);
      progress.hidden = false;
      progress.max = Math.max(1, queries.length);
      progress.value = 0;
      const results = await screenAll(queries, (done, total) => {
        progress.value = done;
        progress.title = `${done} of ${total}`;
      });
      const csv = resultsCsv(queries, results);
      if (resultsUrl) URL.revokeObjectURL(resultsUrl);
      const href = (resultsUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv' })));
      const matches = queries.filter((q) => results.get(q.id)?.[0]?.match).length;
      mount(out,
        h('p', null, `${queries.length} queries screened, ${matches} with a match.`,
          skipped.length ? ` Rows left out (no property): ${skipped.join(', ')}.` : '', ' ',
          h('a', { href, download: `${chosen.name.replace(/\.csv$/i, '')}-results.csv`, class: 'button download' }, 'Download results CSV')),
        summaryTable(queries, results));
    } catch (err) {
      mount(out, errorNote(err));
    }
  });
  return form;
}

export function screeningPage(root: HTMLElement): void {
  mount(root, h('h1', null, 'Screening'), oneNameForm(), csvForm());
}
