// The link chart against the real server: growing it, filtering, exposure, a path
// between two entities, and the PNG and SVG exports with their marking.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, screenshot, useBrowser } from './browser';

const session = useBrowser();

const listed = (page: Page) => page.locator('.node-list li').evaluateAll((li) => li.map((e) => e.getAttribute('data-id')));
const banner = (page: Page) => page.locator('.page-chart .banner-top').getAttribute('data-marking');
const statusText = (page: Page) => page.locator('.page-chart p.status').textContent();

async function waitForChart(page: Page): Promise<void> {
  await expect.poll(() => statusText(page), { timeout: 20_000 }).toMatch(/\d+ entities, \d+ ties shown/);
  await page.waitForSelector('.node-list li');
}

describe('link chart', () => {
  it('starts from an entity, expands a neighbour, filters, and highlights exposure', async () => {
    const page = await session.signedIn('analyst', 'chart/rpt-tillerson');
    await waitForChart(page);
    const { body: adjacent } = await apiGet<{ ties: Array<{ other: string; marking: string; grading: string }> }>(
      page, '/api/entities/rpt-tillerson/adjacent');
    const before = await listed(page);
    expect(new Set(before)).toEqual(new Set(['rpt-tillerson', ...adjacent.ties.map((t) => t.other)]));
    // The banner: the highest marking of the ties shown (a SECRET tie to Sechin is among them).
    expect(adjacent.ties.some((t) => t.marking.startsWith('SECRET'))).toBe(true);
    expect(await banner(page)).toMatch(/^SECRET/);

    // Expand Sechin from the list (the same as a double-click on the node).
    const sechin = adjacent.ties.find((t) => t.other === 'ofac-16692');
    expect(sechin).toBeDefined();
    await page.locator('.node-list li[data-id="ofac-16692"] button').click();
    await expect.poll(async () => (await listed(page)).includes('rpt-rosneft')).toBe(true);
    expect((await listed(page)).length).toBeGreaterThan(before.length);

    // Minimum grading A1 hides weaker ties, and the entities left without a shown tie.
    const shownBefore = Number(/(\d+) ties shown/.exec((await statusText(page)) ?? '')?.[1]);
    await page.selectOption('select[name=min-grading]', 'A1');
    await expect.poll(async () => Number(/(\d+) ties shown/.exec((await statusText(page)) ?? '')?.[1])).toBeLessThan(shownBefore);
    await page.selectOption('select[name=min-grading]', '');
    // Unticking a relation hides its ties.
    await page.locator('input[name=relation][value=Associate]').uncheck();
    await expect.poll(async () => Number(/(\d+) ties shown/.exec((await statusText(page)) ?? '')?.[1])).toBeLessThan(shownBefore);
    await page.locator('input[name=relation][value=Associate]').check();
    await expect.poll(async () => Number(/(\d+) ties shown/.exec((await statusText(page)) ?? '')?.[1])).toBe(shownBefore);

    await page.locator('input[name=exposure]').check();
    await expect.poll(() => statusText(page)).toMatch(/Exposure: [1-9]\d* sanctioned/);
    expect(await page.locator('.node-list li.exposed-sanction[data-id="ofac-16692"]').count()).toBe(1);
    expect(await page.locator('.node-list li.exposed-gov, .node-list li.exposed-sanction').count()).toBeGreaterThan(1);
    await screenshot(page, 'chart');

    // Exports: a PNG, and an SVG with every entity shown and the marking banner.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    const pngBytes = readFileSync((await png.path()) as string);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    const svgText = readFileSync((await svg.path()) as string, 'utf8');
    expect(svgText.startsWith('<svg')).toBe(true);
    expect((svgText.match(/<circle /g) ?? []).length).toBe((await listed(page)).length);
    const marking = (await banner(page)) as string;
    const escaped = marking.replace(/&/g, '&amp;');
    expect(svgText.split(`>${escaped}</text>`).length - 1).toBe(2);
    expect(page.errors).toEqual([]);
  });

  it('finds a path between two selected entities and highlights it', async () => {
    const page = await session.signedIn('analyst', 'chart?ids=rpt-flynn,rpt-rosneft');
    await waitForChart(page);
    await expect.poll(async () => (await listed(page)).includes('rpt-rosneft') && (await listed(page)).includes('rpt-flynn')).toBe(true);
    await page.locator('.node-list li[data-id="rpt-flynn"] input[type=checkbox]').check();
    await page.locator('.node-list li[data-id="rpt-rosneft"] input[type=checkbox]').check();
    await page.getByRole('button', { name: 'Find path' }).click();
    await page.waitForSelector('.path-result ol.hops li');
    const { body } = await apiGet<{ hops?: Array<{ to: string }>; paths?: Array<{ hops: Array<{ to: string }> }> }>(
      page, '/api/paths?from=rpt-flynn&to=rpt-rosneft');
    const hops = body.hops ?? body.paths?.[0]?.hops ?? [];
    expect(hops.length).toBeGreaterThan(1);
    expect(await page.locator('.path-result ol.hops li').count()).toBe(hops.length);
    // Every entity on the path is in the chart.
    const ids = await listed(page);
    for (const hop of hops) expect(ids).toContain(hop.to);
    expect(await page.locator('.path-result h2 .marking-chip').textContent()).toBeTruthy();
    await screenshot(page, 'path');
    expect(page.errors).toEqual([]);
  });
});
