// What the link chart draws, as plain data: which way an edge runs, its id, the
// colour of a node's schema, which risk a node's topics carry (sanctioned,
// politically exposed, government), and the path in an answer of /api/paths.
// No cytoscape here, so it can be tested alone.

import type { Path, PathAnswer, Tie } from './types';

/** The two ends of a tie seen from `self`, source first (the tie's own direction). */
export function tieEnds(tie: Tie, self: string): [string, string] {
  return tie.direction === 'in' ? [tie.other, self] : [self, tie.other];
}

/**
 * An edge's id. A tie id alone is not unique: an event is one tie id tied to each
 * entity it involves, so the ends are part of it (in a fixed order for undirected ties).
 */
export function edgeId(tie: Tie, source: string, target: string): string {
  const [a, b] = tie.directed || source < target ? [source, target] : [target, source];
  return `${tie.tie}|${a}|${b}`;
}

export type Exposure = 'sanction' | 'pep' | 'gov';

/** The strongest risk among topics: sanction, then role.pep, then any gov.* topic. */
export function exposureOf(topics: readonly string[] | undefined): Exposure | null {
  if (!topics) return null;
  if (topics.includes('sanction')) return 'sanction';
  if (topics.includes('role.pep')) return 'pep';
  if (topics.some((t) => t.startsWith('gov.') || t === 'gov')) return 'gov';
  return null;
}

export const EXPOSURE_COLOURS: Record<Exposure, string> = {
  sanction: '#d62728',
  pep: '#8e44ad',
  gov: '#f39c12',
};

const SCHEMA_COLOURS: Record<string, string> = {
  Person: '#4a78c2',
  Company: '#2a9d8f',
  Organization: '#2a9d8f',
  PublicBody: '#2a9d8f',
  LegalEntity: '#5c9c8f',
  Event: '#9b7bd1',
  Vessel: '#6c757d',
  Airplane: '#6c757d',
};

export function schemaColour(schema: string): string {
  return SCHEMA_COLOURS[schema] ?? '#7f8c8d';
}

/** The first path of an answer of /api/paths, or null when there is none. */
export function firstPath(answer: PathAnswer): Path | null {
  const path = answer.paths?.[0] ?? (answer.hops ? { hops: answer.hops, length: answer.length ?? null, marking: answer.marking ?? '' } : null);
  return path && path.hops.length ? path : null;
}
