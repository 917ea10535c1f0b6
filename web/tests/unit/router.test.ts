import { describe, expect, it } from 'vitest';
import { link, parseHash } from '../../src/router';

describe('router', () => {
  it('reads a route, its argument and its parameters', () => {
    const r = parseHash('#/entity/ofac-16692?tab=ties');
    expect(r.name).toBe('entity');
    expect(r.arg).toBe('ofac-16692');
    expect(r.params.get('tab')).toBe('ties');
    expect(parseHash('').name).toBe('');
    expect(parseHash('#/search?q=Sechin').params.get('q')).toBe('Sechin');
  });

  it('round-trips ids and queries with reserved characters', () => {
    const id = 'unsc-QDi.289/x?y#z';
    expect(parseHash(link('entity', id)).arg).toBe(id);
    expect(parseHash(link('search', '', { q: 'a&b=c ü' })).params.get('q')).toBe('a&b=c ü');
    expect(link('review')).toBe('#/review');
  });
});
