// What each reader may see, through the page: baltic cannot open an entity hidden
// from it even by typing its URL, and the two users see different data.

import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiGet, useBrowser } from './browser';

const session = useBrowser();

describe('visibility', () => {
  it('answers baltic for a hidden entity exactly as for one that does not exist', async () => {
    const hidden = inject('hiddenFromBaltic');
    const analyst = await session.signedIn('analyst', `entity/${encodeURIComponent(hidden)}`);
    await analyst.waitForSelector('table.properties');

    const baltic = await session.signedIn('baltic', `entity/${encodeURIComponent(hidden)}`);
    await baltic.waitForSelector('.page-entity .error');
    expect(await baltic.locator('table.properties').count()).toBe(0);
    expect(await baltic.locator('.page-entity .banner').count()).toBe(0);
    const seen = await apiGet<{ error: string }>(baltic, `/api/entities/${encodeURIComponent(hidden)}`);
    const never = await apiGet<{ error: string }>(baltic, '/api/entities/no-such-entity-ever');
    expect(seen.status).toBe(404);
    expect(never.status).toBe(404);
    expect(seen.body.error.replace(hidden, 'ID')).toBe(never.body.error.replace('no-such-entity-ever', 'ID'));
    // Nor does the chart reach it.
    const adjacent = await apiGet<unknown>(baltic, `/api/entities/${encodeURIComponent(hidden)}/adjacent`);
    expect(adjacent.status).toBe(404);
    expect(baltic.errors).toEqual([]);
  });

  it('shows the two users different data for the same entity', async () => {
    const { subject } = inject('differing');
    const read = async (user: 'analyst' | 'baltic') => {
      const page = await session.signedIn(user, `entity/${encodeURIComponent(subject)}`);
      await page.waitForSelector('table.ties');
      return {
        marking: await page.locator('.page-entity .banner-top').getAttribute('data-marking'),
        ties: await page.locator('table.ties tbody tr').evaluateAll((r) => r.map((e) => e.getAttribute('data-tie'))),
        who: await page.locator('.whoami').getAttribute('data-user'),
      };
    };
    const analyst = await read('analyst');
    const baltic = await read('baltic');
    expect(analyst.who).toBe('analyst');
    expect(baltic.who).toBe('baltic');
    expect(analyst.marking).not.toBe(baltic.marking);
    // baltic sees a subset of analyst's ties, and fewer of them.
    expect(baltic.ties.length).toBeLessThan(analyst.ties.length);
    for (const t of baltic.ties) expect(analyst.ties).toContain(t);
  });
});
