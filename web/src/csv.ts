// CSV for batch screening: reading an upload (RFC 4180: quoted fields, doubled
// quotes, CR/LF line ends, a byte order mark), turning its rows into yente-shaped
// queries (a header of FtM property names, optional `id` and `schema` columns),
// and writing the results back out as CSV.

import type { MatchQuery, MatchResult } from './types';

/** Parses CSV text into rows of fields. Blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes rows as CSV with CRLF line ends, quoting where needed. */
export function toCsv(rows: Array<Array<string | number | boolean>>): string {
  return rows.map((r) => r.map((f) => quote(String(f))).join(',')).join('\r\n') + '\r\n';
}

export interface CsvQuery {
  id: string;
  query: MatchQuery;
}

export interface CsvQueries {
  queries: CsvQuery[];
  /** 1-based line numbers of data rows that named no property and were left out. */
  skipped: number[];
}

/**
 * Turns a parsed CSV (first row the header) into queries. `id` and `schema` columns
 * are optional (ids default to "row-N", the schema to `defaultSchema`); every other
 * non-empty cell is one value of the property its column names.
 */
export function queriesFromCsv(rows: string[][], defaultSchema: string): CsvQueries {
  const [header = [], ...data] = rows;
  const names = header.map((h) => h.trim());
  const out: CsvQueries = { queries: [], skipped: [] };
  const seen = new Set<string>();
  data.forEach((cells, n) => {
    const properties: Record<string, string[]> = {};
    let id = '';
    let schema = defaultSchema;
    names.forEach((name, col) => {
      const value = (cells[col] ?? '').trim();
      if (!value || !name) return;
      if (name === 'id') id = value;
      else if (name === 'schema') schema = value;
      else (properties[name] ??= []).push(value);
    });
    if (!Object.keys(properties).length) {
      out.skipped.push(n + 2);
      return;
    }
    if (!id || seen.has(id)) id = `row-${n + 1}`;
    seen.add(id);
    out.queries.push({ id, query: { schema, properties } });
  });
  return out;
}

/** Splits `items` into consecutive batches of at most `size`. */
export function batches<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new RangeError('batch size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const RESULT_COLUMNS = [
  'query_id', 'query_schema', 'query_name', 'rank', 'match_id', 'match_caption', 'match_schema',
  'score', 'match', 'datasets', 'topics',
];

/**
 * The results of a batch as CSV: one row per (query, result), best first, and one
 * row with empty match columns for a query that found nothing.
 */
export function resultsCsv(queries: CsvQuery[], results: ReadonlyMap<string, MatchResult[]>): string {
  const rows: Array<Array<string | number | boolean>> = [RESULT_COLUMNS];
  for (const { id, query } of queries) {
    const name = (query.properties.name ?? []).join('; ');
    const found = results.get(id) ?? [];
    if (!found.length) rows.push([id, query.schema, name, '', '', '', '', '', '', '', '']);
    found.forEach((r, i) =>
      rows.push([id, query.schema, name, i + 1, r.id, r.caption, r.schema, r.score.toFixed(4), r.match,
        (r.datasets ?? []).join('; '), (r.topics ?? []).join('; ')]),
    );
  }
  return toCsv(rows);
}
