import { describe, expect, it } from 'vitest';
import { batches, parseCsv, queriesFromCsv, resultsCsv, RESULT_COLUMNS, toCsv } from '../../src/csv';
import { formQuery, MAX_BATCH, screenAll } from '../../src/screening';
import type { MatchQuery, MatchResult } from '../../src/types';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, commas and line breaks inside quotes', () => {
    expect(parseCsv('name,notes\r\n"Sechin, Igor","said ""no""\nthen left"\r\nPutin,\n')).toEqual([
      ['name', 'notes'],
      ['Sechin, Igor', 'said "no"\nthen left'],
      ['Putin', ''],
    ]);
  });

  it('drops a byte order mark and blank lines, and keeps a last line without a newline', () => {
    expect(parseCsv('\ufeffname\n\nA\r\n\r\nB')).toEqual([['name'], ['A'], ['B']]);
  });

  it('reads lone CR line ends', () => {
    expect(parseCsv('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('round-trips what toCsv writes', () => {
    const rows = [['id', 'name'], ['1', 'O\'Brien, "Pat"'], ['2', 'line\nbreak']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('queriesFromCsv', () => {
  it('turns columns into properties, with optional id and schema columns', () => {
    const { queries, skipped } = queriesFromCsv(parseCsv(
      'id,schema,name,birthDate,country\n' +
      'p1,Person,Igor Sechin,1960-09-07,ru\n' +
      ',,Rosneft,,\n' +
      'p3,,,,\n' +
      'p1,Company,Duplicate Id Ltd,,gb\n'), 'LegalEntity');
    expect(skipped).toEqual([4]);
    expect(queries).toEqual([
      { id: 'p1', query: { schema: 'Person', properties: { name: ['Igor Sechin'], birthDate: ['1960-09-07'], country: ['ru'] } } },
      { id: 'row-2', query: { schema: 'LegalEntity', properties: { name: ['Rosneft'] } } },
      { id: 'row-4', query: { schema: 'Company', properties: { name: ['Duplicate Id Ltd'], country: ['gb'] } } },
    ]);
  });

  it('collects repeated columns as several values', () => {
    const { queries } = queriesFromCsv([['name', 'name'], ['A', 'B']], 'Person');
    expect(queries[0].query.properties.name).toEqual(['A', 'B']);
  });
});

describe('batches', () => {
  it('splits into consecutive batches of at most the size', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 100)).toEqual([]);
    expect(() => batches([1], 0)).toThrow(RangeError);
  });
});

const result = (id: string, score: number, match: boolean): MatchResult => ({
  id, caption: `Caption ${id}`, schema: 'Person', score, match, datasets: ['us_ofac_sdn', 'trumpworld'],
  topics: ['sanction'], properties: {}, explanations: {},
});

describe('resultsCsv', () => {
  it('writes one row per result and one empty row for a query without results', () => {
    const queries = [
      { id: 'q1', query: { schema: 'Person', properties: { name: ['Igor Sechin', 'I. Sechin'] } } },
      { id: 'q2', query: { schema: 'Company', properties: { name: ['Nobody, Inc.'] } } },
    ];
    const rows = parseCsv(resultsCsv(queries, new Map([['q1', [result('ofac-1', 0.91234, true), result('x', 0.4, false)]]])));
    expect(rows[0]).toEqual(RESULT_COLUMNS);
    expect(rows.slice(1)).toEqual([
      ['q1', 'Person', 'Igor Sechin; I. Sechin', '1', 'ofac-1', 'Caption ofac-1', 'Person', '0.9123', 'true', 'us_ofac_sdn; trumpworld', 'sanction'],
      ['q1', 'Person', 'Igor Sechin; I. Sechin', '2', 'x', 'Caption x', 'Person', '0.4000', 'false', 'us_ofac_sdn; trumpworld', 'sanction'],
      ['q2', 'Company', 'Nobody, Inc.', '', '', '', '', '', '', '', ''],
    ]);
  });
});

describe('formQuery', () => {
  it('sends only the fields given, in yente shape', () => {
    expect(formQuery({ name: ' Igor Sechin ', schema: 'Person', birthDate: '', country: ' ru' })).toEqual({
      schema: 'Person', properties: { name: ['Igor Sechin'], country: ['ru'] },
    });
    expect(formQuery({ name: 'X', schema: '', birthDate: '1960' })).toEqual({
      schema: 'LegalEntity', properties: { name: ['X'], birthDate: ['1960'] },
    });
  });
});

describe('screenAll', () => {
  it('sends at most MAX_BATCH queries a request, in order, reporting progress after each', async () => {
    const queries = Array.from({ length: 250 }, (_, i) => ({
      id: `q${i}`, query: { schema: 'Person', properties: { name: [`N${i}`] } },
    }));
    const sizes: number[] = [];
    const progress: Array<[number, number]> = [];
    const results = await screenAll(queries, (d, t) => progress.push([d, t]), async (batch: Record<string, MatchQuery>) => {
      const ids = Object.keys(batch);
      sizes.push(ids.length);
      return { responses: Object.fromEntries(ids.map((id) => [id, { results: id === 'q7' ? [] : [result(`hit-${id}`, 0.8, true)] }])) };
    });
    expect(MAX_BATCH).toBe(100);
    expect(sizes).toEqual([100, 100, 50]);
    expect(progress).toEqual([[100, 250], [200, 250], [250, 250]]);
    expect(results.size).toBe(250);
    expect(results.get('q249')?.[0].id).toBe('hit-q249');
    expect(results.get('q7')).toEqual([]);
  });

  it('treats a query missing from the answer as having no results', async () => {
    const results = await screenAll([{ id: 'a', query: { schema: 'Person', properties: { name: ['A'] } } }], () => {},
      async () => ({ responses: {} }));
    expect(results.get('a')).toEqual([]);
  });
});
