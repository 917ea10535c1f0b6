// The session token from POST /api/login, kept in sessionStorage so that it lives
// as long as the browser tab and is sent by nothing but the API client.

const KEY = 'dossier.token';

export function getToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}
