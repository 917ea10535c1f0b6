import { describe, expect, it } from 'vitest';
import { atLeast, gradingRank } from '../../src/grading';
import { fullDate, isOpen, NO_FILTER, passes, type TieFilter } from '../../src/tiefilter';

const tie = (over: Partial<{ schema: string; grading: string; start: string | null; end: string | null }> = {}) => ({
  schema: 'Ownership', grading: 'B2', start: null, end: null, ...over,
});
const filter = (over: Partial<TieFilter>): TieFilter => ({ ...NO_FILTER, ...over });

describe('grading', () => {
  it('ranks as the server does: A1 best, F6 worst', () => {
    expect(gradingRank('A1')).toBe(0);
    expect(gradingRank('C3')).toBe(14);
    expect(gradingRank('F6')).toBe(35);
    expect(gradingRank('b2')).toBe(7);
    expect(gradingRank('Z9')).toBe(35);
  });
  it('compares against a minimum', () => {
    expect(atLeast('B2', 'C3')).toBe(true);
    expect(atLeast('C3', 'C3')).toBe(true);
    expect(atLeast('C4', 'C3')).toBe(false);
    expect(atLeast('D1', 'C6')).toBe(false);
  });
});

describe('fullDate', () => {
  it('reads a prefix as the first day of a start and the last day of an end', () => {
    expect(fullDate('2015', 'start')).toBe('2015-01-01');
    expect(fullDate('2015', 'end')).toBe('2015-12-31');
    expect(fullDate('2016-02', 'end')).toBe('2016-02-29');
    expect(fullDate('2015-02', 'end')).toBe('2015-02-28');
    expect(fullDate('2015-06-30', 'start')).toBe('2015-06-30');
    expect(fullDate(null, 'start')).toBeNull();
    expect(fullDate('soon', 'end')).toBeNull();
  });
});

describe('passes', () => {
  it('keeps everything without a filter', () => {
    expect(isOpen(NO_FILTER)).toBe(true);
    expect(passes(tie({ grading: 'F6' }), NO_FILTER)).toBe(true);
  });

  it('filters by relation', () => {
    const f = filter({ relations: new Set(['Family', 'Associate']) });
    expect(isOpen(f)).toBe(false);
    expect(passes(tie({ schema: 'Family' }), f)).toBe(true);
    expect(passes(tie({ schema: 'Ownership' }), f)).toBe(false);
  });

  it('filters by minimum grading', () => {
    const f = filter({ minGrading: 'B2' });
    expect(passes(tie({ grading: 'A1' }), f)).toBe(true);
    expect(passes(tie({ grading: 'B2' }), f)).toBe(true);
    expect(passes(tie({ grading: 'B3' }), f)).toBe(false);
    expect(passes(tie({ grading: 'C1' }), f)).toBe(false);
  });

  it('keeps ties begun and not ended as of a date; undated ties pass', () => {
    const f = filter({ asOf: '2016-06-15' });
    expect(passes(tie(), f)).toBe(true);
    expect(passes(tie({ start: '2016-01-01', end: '2017-01-01' }), f)).toBe(true);
    expect(passes(tie({ start: '2016-07' }), f)).toBe(false);
    expect(passes(tie({ end: '2016-05-31' }), f)).toBe(false);
    // An end of "2016" runs to the end of that year.
    expect(passes(tie({ start: '2010', end: '2016' }), f)).toBe(true);
    // The tie's first day counts: begun by then.
    expect(passes(tie({ start: '2016-06-15' }), f)).toBe(true);
  });

  it('reads a partial as-of date as its first day', () => {
    expect(passes(tie({ start: '2016-03-01' }), filter({ asOf: '2016' }))).toBe(false);
    expect(passes(tie({ start: '2015-12-31' }), filter({ asOf: '2016' }))).toBe(true);
  });

  it('applies every filter at once', () => {
    const f = filter({ relations: new Set(['Family']), minGrading: 'C3', asOf: '2000' });
    expect(passes(tie({ schema: 'Family', grading: 'C3', start: '1990' }), f)).toBe(true);
    expect(passes(tie({ schema: 'Family', grading: 'C4', start: '1990' }), f)).toBe(false);
    expect(passes(tie({ schema: 'Family', grading: 'C3', start: '2001' }), f)).toBe(false);
  });
});
