// Signing in and out, search with suggestions, and the entity page, against the
// real server.

import { describe, expect, it } from 'vitest';
import { highestMarking } from '../../src/markings';
import { apiGet, recordRequests, screenshot, useBrowser, visit } from './browser';

const session = useBrowser();

describe('sign-in', () => {
  it('sends a reader without a session to the sign-in page, and refuses a wrong password', async () => {
    const page = await session.open();
    await visit(page, 'search');
    await page.waitForSelector('form.signin');
    expect(page.url()).toContain('#/signin');
    await page.fill('input[name=user]', 'analyst');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('form.signin button[type=submit]');
    await expect.poll(() => page.locator('form.signin .error').textContent()).toBeTruthy();
    expect(await page.evaluate(() => sessionStorage.getItem('dossier.token'))).toBeNull();
    expect(page.errors).toEqual([]);
  });

  it('signs in, shows who is signed in, and signs out', async () => {
    const page = await session.signedIn('analyst');
    const who = await page.locator('.whoami').textContent();
    expect(who).toContain('WESTINT');
    expect(who).toContain('TOP SECRET');
    const token = await page.evaluate(() => sessionStorage.getItem('dossier.token'));
    expect(token).toBeTruthy();
    await page.click('button.signout');
    await page.waitForSelector('form.signin');
    expect(await page.evaluate(() => sessionStorage.getItem('dossier.token'))).toBeNull();
    // The session is over on the server too.
    const after = await page.evaluate(async (t) => (await fetch('/api/me', { headers: { Authorization: `Bearer ${t}` } })).status, token);
    expect(after).toBe(401);
    expect(page.errors).toEqual([]);
  });
});

describe('search and entity', () => {
  it('suggests as you type, lists results, and opens an entity with sources, gradings and markings', async () => {
    const page = await session.signedIn('analyst', 'search');
    const searches = recordRequests(page, '/api/search');
    await page.locator('.search-input').pressSequentially('Sechin');
    await page.waitForSelector('.suggestions li[data-id]');
    const suggested = await page.locator('.suggestions li .caption').allTextContents();
    expect(suggested).toContain('Igor Sechin');
    // Debounced: typing six letters quickly asks far fewer than six times, each for 8 suggestions.
    expect(searches.length).toBeLessThanOrEqual(2);
    expect(searches.every((r) => new URL(r.url).searchParams.get('limit') === '8')).toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForSelector('ol.hits li');
    expect(page.url()).toContain('#/search?q=Sechin');
    const hits = await page.locator('ol.hits li .caption').allTextContents();
    expect(hits).toContain('Igor Sechin');
    await page.locator('ol.hits li', { hasText: 'Igor Sechin' }).locator('a.caption').click();
    await page.waitForSelector('table.properties');
    const id = decodeURIComponent(page.url().split('#/entity/')[1]);
    const { body: entity } = await apiGet<{ marking: string; caption: string; properties: Record<string, unknown[]>; ties: Array<{ marking: string }>; conflicts: string[] }>(
      page, `/api/entities/${encodeURIComponent(id)}`);
    const marking = highestMarking([entity.marking, ...entity.ties.map((t) => t.marking)]);

    expect(await page.locator('h1').textContent()).toBe(entity.caption);
    // The banner at the top and the bottom carry the highest marking of the entity and its ties.
    const banners = page.locator('.page-entity .banner');
    expect(await banners.count()).toBe(2);
    for (const b of await banners.all()) {
      expect(await b.getAttribute('data-marking')).toBe(marking);
      expect(await b.textContent()).toBe(marking);
    }
    expect(marking.startsWith('SECRET')).toBe(true);
    expect(await banners.first().evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(200, 16, 46)');

    // Every property, every value with its source, grading and marking.
    const props = await page.locator('table.properties tr[data-prop]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-prop')));
    expect(props.sort()).toEqual(Object.keys(entity.properties).sort());
    const names = page.locator('tr[data-prop=name] li.value');
    expect(await names.count()).toBe(entity.properties.name.length);
    const first = names.first();
    expect(await first.locator('.source').textContent()).toBeTruthy();
    expect(await first.locator('.grading').textContent()).toMatch(/^[A-F][1-6]$/);
    expect(await first.locator('.marking-chip').textContent()).toBeTruthy();
    expect(await page.locator('tr[data-prop].conflict').count()).toBe(entity.conflicts.length);
    expect(await page.locator('table.ties tbody tr').count()).toBe(entity.ties.length);
    expect(await page.locator('.sanctions li').count()).toBeGreaterThan(0);
    await screenshot(page, 'entity');

    // For the README: a longer list of results, and suggestions over it.
    await visit(page, 'search?q=Igor');
    await page.waitForSelector('ol.hits li');
    await page.locator('.search-input').fill('');
    await page.locator('.search-input').pressSequentially('Sechin');
    await page.waitForSelector('.suggestions li[data-id]');
    await screenshot(page, 'search');
    expect(page.errors).toEqual([]);
  });

  it('shows the timeline of an entity dated ties in date order', async () => {
    const page = await session.signedIn('analyst', 'entity/rpt-flynn');
    await page.waitForSelector('.timeline');
    const { body } = await apiGet<{ ties: Array<{ tie: string; start: string | null; end: string | null }> }>(page, '/api/entities/rpt-flynn');
    const dated = body.ties.filter((t) => t.start || t.end);
    const rows = await page.locator('.timeline .tl-row').evaluateAll((r) => r.map((e) => e.getAttribute('data-tie')));
    expect(rows.length).toBe(dated.length);
    expect(rows.length).toBeGreaterThan(0);
    const startOf = (tie: string | null) => dated.find((t) => t.tie === tie)?.start ?? '';
    const starts = rows.map(startOf);
    expect([...starts].sort()).toEqual(starts);
    expect(page.errors).toEqual([]);
  });
});
