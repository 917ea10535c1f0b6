// Screening requests in yente's shape: the query of the one-name form, and a batch
// of queries sent as requests of at most MAX_BATCH queries each, in order, with the
// progress reported after every request.

import { api } from './api';
import { batches, type CsvQuery } from './csv';
import type { MatchQuery, MatchResult } from './types';

/** The most queries one POST /match may carry. */
export const MAX_BATCH = 100;

export interface NameForm {
  name: string;
  schema: string;
  birthDate?: string;
  country?: string;
}

/** The query of the one-name form; empty fields are left out. */
export function formQuery(form: NameForm): MatchQuery {
  const properties: Record<string, string[]> = { name: [form.name.trim()] };
  if (form.birthDate?.trim()) properties.birthDate = [form.birthDate.trim()];
  if (form.country?.trim()) properties.country = [form.country.trim()];
  return { schema: form.schema || 'LegalEntity', properties };
}

export type Match = (queries: Record<string, MatchQuery>) => Promise<{ responses: Record<string, { results: MatchResult[] }> }>;

/**
 * Screens every query, MAX_BATCH to a request, and returns each query's results by id.
 * `onProgress(done, total)` is called after each request.
 */
export async function screenAll(
  queries: CsvQuery[],
  onProgress: (done: number, total: number) => void,
  match: Match = (q) => api.match(q),
): Promise<Map<string, MatchResult[]>> {
  const results = new Map<string, MatchResult[]>();
  let done = 0;
  for (const batch of batches(queries, MAX_BATCH)) {
    const answer = await match(Object.fromEntries(batch.map((q) => [q.id, q.query])));
    for (const q of batch) results.set(q.id, answer.responses[q.id]?.results ?? []);
    done += batch.length;
    onProgress(done, queries.length);
  }
  return results;
}
