// The client of dossier's HTTP API (docs/api.md): relative URLs, the session token
// as `Authorization: Bearer`, JSON in and out, and errors as ApiError with the
// server's status and message. One function per endpoint the page uses.

import { getToken } from './session';
import type {
  Adjacent, Entity, Judgement, LoginAnswer, MatchAnswer, MatchQuery, Me, PathAnswer,
  SearchAnswer, XrefSuggestion,
} from './types';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

type Params = Record<string, string | number | string[] | null | undefined>;

let onUnauthorized: (() => void) | null = null;

/** Called on every 401, e.g. to send the reader to the sign-in page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** `path?k=v&...`, leaving out empty values and repeating array values. */
export function url(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, String(v));
  }
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const message = (data as { error?: string } | null)?.error ?? `${response.status} ${response.statusText}`;
    if (response.status === 401 && onUnauthorized) onUnauthorized();
    throw new ApiError(response.status, message);
  }
  return data as T;
}

export const api = {
  login: (user: string, password: string) => request<LoginAnswer>('POST', '/api/login', { user, password }),
  logout: () => request<unknown>('POST', '/api/logout'),
  me: () => request<Me>('GET', '/api/me'),
  search: (q: string, limit: number, schema?: string) =>
    request<SearchAnswer>('GET', url('/api/search', { q, limit, schema })),
  entity: (id: string) => request<Entity>('GET', `/api/entities/${encodeURIComponent(id)}`),
  adjacent: (id: string) => request<Adjacent>('GET', `/api/entities/${encodeURIComponent(id)}/adjacent`),
  paths: (from: string, to: string, filter: { relation?: string[]; min_grading?: string; as_of?: string } = {}) =>
    request<PathAnswer>('GET', url('/api/paths', { from, to, ...filter })),
  match: (queries: Record<string, MatchQuery>, dataset = 'default', limit = 5) =>
    request<MatchAnswer>('POST', url(`/match/${encodeURIComponent(dataset)}`, { limit }), { queries }),
  xref: (limit = 50) => request<{ suggestions: XrefSuggestion[] }>('GET', url('/api/xref', { limit })),
  judge: (a: string, b: string, judgement: Judgement) =>
    request<unknown>('POST', '/api/judgements', { a, b, judgement }),
};
