// The review queue against the real server: pairs side by side, moved through and
// judged with the keyboard, the judgement recorded by the server.

import { describe, expect, it } from 'vitest';
import { apiGet, recordRequests, screenshot, useBrowser } from './browser';

const session = useBrowser();

describe('review queue', () => {
  it('shows a pair aligned by property and accepts it with the a key', async () => {
    const page = await session.signedIn('analyst', 'review');
    const judgements = recordRequests(page, '/api/judgements');
    await page.waitForSelector('table.aligned', { timeout: 60_000 });
    const head = () => page.locator('.pair-head span').first().textContent();
    expect(await head()).toMatch(/^Pair 1 of \d+/);
    const total = Number(/of (\d+)/.exec((await head()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(1);
    // Properties of a and b on one row each; the name first.
    expect(await page.locator('table.aligned tbody th').first().textContent()).toBe('name');
    expect(await page.locator('table.aligned tbody tr.same').count()).toBeGreaterThan(0);
    await screenshot(page, 'review');

    await page.keyboard.press('j');
    expect(await head()).toMatch(/^Pair 2 of/);
    await page.keyboard.press('ArrowLeft');
    expect(await head()).toMatch(/^Pair 1 of/);

    const a = (await page.locator('table.aligned').getAttribute('data-a')) as string;
    const b = (await page.locator('table.aligned').getAttribute('data-b')) as string;
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('p.status').textContent()).toMatch(/^Recorded/);
    expect(judgements.map((j) => j.body)).toEqual([{ a, b, judgement: 'positive' }]);
    // It moves on to the next pair, and the first shows its verdict.
    expect(await head()).toMatch(/^Pair 2 of/);
    await page.keyboard.press('k');
    expect(await page.locator('.verdict').textContent()).toContain('same');
    // The server merged the two: each is now a member of the other.
    const { status, body } = await apiGet<{ members: string[] }>(page, `/api/entities/${encodeURIComponent(a)}`);
    expect(status).toBe(200);
    expect(body.members).toEqual(expect.arrayContaining([a, b]));
    expect(page.errors).toEqual([]);
  });
});
