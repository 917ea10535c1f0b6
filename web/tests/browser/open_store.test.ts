// A store without users: the page opens without a sign-in, and offers no sign-out.

import { describe, expect, it, inject } from 'vitest';
import { useBrowser } from './browser';

const session = useBrowser();

describe('a store without users', () => {
  it('needs no sign-in', async () => {
    const page = await session.open();
    await page.goto(`${inject('openUrl')}/`);
    await page.waitForSelector('.search-input');
    expect(page.url()).toContain('#/search');
    expect(await page.locator('.whoami').count()).toBe(1);
    expect(await page.locator('button.signout').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('dossier.token'))).toBeNull();
    await page.locator('.search-input').fill('anything');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.results p.muted');
    expect(await page.locator('ol.hits li').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });
});
