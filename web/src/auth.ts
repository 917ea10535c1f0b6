// Who is signed in: the answer of GET /api/me, kept for the header and the pages.
// A store without users answers /api/me without a token, so nobody need sign in.

import { api, ApiError } from './api';
import { clearToken, getToken, setToken } from './session';
import type { Me } from './types';

let me: Me | null = null;
const listeners: Array<(me: Me | null) => void> = [];

export function currentUser(): Me | null {
  return me;
}

export function onUserChange(listener: (me: Me | null) => void): void {
  listeners.push(listener);
}

function set(next: Me | null): void {
  me = next;
  for (const l of listeners) l(me);
}

/** Asks the server who we are; null when a sign-in is needed. */
export async function refreshUser(): Promise<Me | null> {
  try {
    set(await api.me());
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    clearToken();
    set(null);
  }
  return me;
}

export async function signIn(user: string, password: string): Promise<Me | null> {
  const answer = await api.login(user, password);
  setToken(answer.token);
  return refreshUser();
}

export async function signOut(): Promise<void> {
  if (getToken()) {
    try {
      await api.logout();
    } catch {
      // The session ends here whatever the server says.
    }
  }
  clearToken();
  set(null);
}

/** Whether a sign-out makes sense: only a session started with a password has one. */
export function hasSession(): boolean {
  return getToken() !== null;
}
