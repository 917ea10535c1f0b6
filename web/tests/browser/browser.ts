// What the browser tests share: one chromium (Debian's, through playwright-core) per
// test file, a page of 1280x800 that records the errors it throws, signing in, and
// saving a screenshot for the README (docs/screenshots/, or DOSSIER_SCREENSHOTS).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

const SHOTS = process.env.DOSSIER_SCREENSHOTS ?? path.resolve(import.meta.dirname, '../../../docs/screenshots');

export type TestPage = Page & { errors: string[] };

export interface Session {
  browser: Browser;
  /** A fresh page (own session storage), its thrown errors in `errors`. */
  open(): Promise<TestPage>;
  /** A fresh page signed in as `user`, showing `route` if given. */
  signedIn(user: 'analyst' | 'baltic', route?: string): Promise<TestPage>;
}

/** Launches chromium before the file's tests and closes it after them. */
export function useBrowser(): Session {
  const session = { browser: undefined as unknown as Browser } as Session;
  beforeAll(async () => {
    session.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  session.open = async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = (await context.newPage()) as TestPage;
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    page.setDefaultTimeout(20_000);
    return page;
  };
  session.signedIn = async (user, route) => {
    const page = await session.open();
    await signIn(page, user);
    if (route) await visit(page, route);
    return page;
  };
  return session;
}

/** Records the requests whose URL contains `part`, with their JSON bodies. */
export function recordRequests(page: Page, part: string): Array<{ url: string; body: unknown }> {
  const seen: Array<{ url: string; body: unknown }> = [];
  page.on('request', (r) => {
    if (r.url().includes(part)) seen.push({ url: r.url(), body: r.postData() ? r.postDataJSON() : null });
  });
  return seen;
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/** Opens a route of the page, e.g. visit(page, 'entity/ofac-16692'). */
export async function visit(page: Page, route: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/${route}`);
}

/** Signs in through the sign-in form and waits for the header to name the user. */
export async function signIn(page: Page, user: 'analyst' | 'baltic'): Promise<void> {
  await visit(page, 'signin');
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', inject('passwords')[user]);
  await page.click('form.signin button[type=submit]');
  await expect.poll(() => page.locator('.whoami').getAttribute('data-user').catch(() => null)).toBe(user);
}

/** Calls the API from inside the page, with the page's session token. */
export function apiGet<T>(page: Page, url: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (u) => {
    const token = sessionStorage.getItem('dossier.token');
    const r = await fetch(u, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return { status: r.status, body: await r.json() };
  }, url);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
