import { describe, expect, it } from 'vitest';
import { alignProperties, keyAction } from '../../src/review';
import type { XrefSide } from '../../src/types';

const side = (id: string, properties: XrefSide['properties']): XrefSide => ({ id, caption: id, schema: 'Person', topics: [], properties });

describe('alignProperties', () => {
  it('aligns by property, name first, and tells agreement apart', () => {
    const rows = alignProperties(
      side('a', { name: ['Igor SECHIN'], birthDate: ['1960-09-07'], country: ['ru'], notes: ['x'] }),
      side('b', { birthDate: ['1961-01-01'], name: ['igor  sechin', 'Igor Setschin'], country: ['ru'], gender: ['male'] }),
    );
    expect(rows.map((r) => [r.prop, r.agreement])).toEqual([
      ['name', 'same'],
      ['birthDate', 'differ'],
      ['country', 'same'],
      ['gender', 'one-side'],
      ['notes', 'one-side'],
    ]);
    expect(rows[0].b).toEqual(['igor  sechin', 'Igor Setschin']);
    expect(rows[3].a).toEqual([]);
  });

  it('reads values given as statements and folds accents', () => {
    const stmt = (value: string) => ({ value, source: 's', source_title: 'S', grading: 'B2', reliability: 'B', credibility: 2, marking: 'UNCLASSIFIED' });
    const rows = alignProperties(side('a', { name: [stmt('José'), stmt('José')] }), side('b', { name: ['JOSE'] }));
    expect(rows).toEqual([{ prop: 'name', a: ['José'], b: ['JOSE'], agreement: 'same' }]);
  });
});

describe('keyAction', () => {
  it('maps the review keys', () => {
    expect(keyAction('a')).toBe('positive');
    expect(keyAction('r')).toBe('negative');
    expect(keyAction('u')).toBe('unsure');
    for (const k of ['j', 'ArrowDown', 'ArrowRight']) expect(keyAction(k)).toBe('next');
    for (const k of ['k', 'ArrowUp', 'ArrowLeft']) expect(keyAction(k)).toBe('previous');
    expect(keyAction('A')).toBeNull();
    expect(keyAction('x')).toBeNull();
  });
});
