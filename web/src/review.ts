// The review queue's model: the properties of a suggested pair aligned side by side
// (name first), each row marked as agreeing, differing or known on one side only;
// and which key does what.

import { propertyOrder } from './properties';
import type { Judgement, PropertyValue, XrefSide } from './types';

export interface AlignedRow {
  prop: string;
  a: string[];
  b: string[];
  agreement: 'same' | 'differ' | 'one-side';
}

function texts(values: Array<string | PropertyValue> | undefined): string[] {
  return [...new Set((values ?? []).map((v) => (typeof v === 'string' ? v : v.value)))];
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function alignProperties(a: XrefSide, b: XrefSide): AlignedRow[] {
  const props = propertyOrder([...new Set([...Object.keys(a.properties ?? {}), ...Object.keys(b.properties ?? {})])]);
  return props.map((prop) => {
    const av = texts(a.properties?.[prop]);
    const bv = texts(b.properties?.[prop]);
    const folded = new Set(av.map(fold));
    const agreement = !av.length || !bv.length ? 'one-side' : bv.some((v) => folded.has(fold(v))) ? 'same' : 'differ';
    return { prop, a: av, b: bv, agreement };
  });
}

export type ReviewAction = Judgement | 'next' | 'previous';

/** The action of a key: a accept, r reject, u unsure; j, k and the arrows move. */
export function keyAction(key: string): ReviewAction | null {
  switch (key) {
    case 'a': return 'positive';
    case 'r': return 'negative';
    case 'u': return 'unsure';
    case 'j': case 'ArrowDown': case 'ArrowRight': return 'next';
    case 'k': case 'ArrowUp': case 'ArrowLeft': return 'previous';
    default: return null;
  }
}
