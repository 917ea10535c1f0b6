import { describe, expect, it } from 'vitest';
import { edgeId, exposureOf, firstPath, tieEnds } from '../../src/chartmodel';
import type { Hop, Tie } from '../../src/types';

const tie = (over: Partial<Tie>): Tie => ({
  tie: 't1', schema: 'Ownership', label: '', from: 'a', to: 'b', directed: true, other: 'b', other_caption: 'B',
  direction: 'out', grading: 'B2', sources: [], marking: 'UNCLASSIFIED', start: null, end: null, ...over,
});

describe('tieEnds', () => {
  it('runs from the owner to the asset whichever end is looked from', () => {
    expect(tieEnds(tie({ direction: 'out', other: 'b' }), 'a')).toEqual(['a', 'b']);
    expect(tieEnds(tie({ direction: 'in', other: 'a' }), 'b')).toEqual(['a', 'b']);
    expect(tieEnds(tie({ direction: 'both', directed: false, other: 'a' }), 'b')).toEqual(['b', 'a']);
  });
});

describe('edgeId', () => {
  it('is the same for an undirected tie seen from either end', () => {
    const t = tie({ directed: false, direction: 'both' });
    expect(edgeId(t, 'a', 'b')).toBe(edgeId(t, 'b', 'a'));
  });
  it('keeps the direction of a directed tie, and tells apart the ties of one event', () => {
    const t = tie({});
    expect(edgeId(t, 'a', 'b')).not.toBe(edgeId(t, 'b', 'a'));
    const event = tie({ tie: 'meeting', schema: 'Event' });
    expect(edgeId(event, 'meeting', 'x')).not.toBe(edgeId(event, 'meeting', 'y'));
  });
});

describe('exposureOf', () => {
  it('names the strongest risk: sanction, then PEP, then government', () => {
    expect(exposureOf(['gov.head', 'sanction'])).toBe('sanction');
    expect(exposureOf(['gov.national', 'role.pep'])).toBe('pep');
    expect(exposureOf(['gov.soe'])).toBe('gov');
    expect(exposureOf(['role.oligarch', 'crime.fin'])).toBeNull();
    expect(exposureOf([])).toBeNull();
    expect(exposureOf(undefined)).toBeNull();
    expect(exposureOf(['government'])).toBeNull();
  });
});

describe('firstPath', () => {
  const hop = { ...tie({}), from_caption: 'A', to_caption: 'B', relation: 'Ownership' } as Hop;
  it('reads one path, a list of paths, and no path', () => {
    expect(firstPath({ from: 'a', to: 'b', hops: [hop], length: 1, marking: 'SECRET' })).toEqual({ hops: [hop], length: 1, marking: 'SECRET' });
    expect(firstPath({ from: 'a', to: 'b', paths: [{ hops: [hop], length: 1, marking: 'X' }] })?.marking).toBe('X');
    expect(firstPath({ from: 'a', to: 'b', hops: [], length: null, marking: '' })).toBeNull();
    expect(firstPath({ from: 'a', to: 'b', paths: [] })).toBeNull();
  });
});
