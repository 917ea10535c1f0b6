// Screening against the real server: one name with its explanations, and a CSV
// screened in batches of at most 100 queries with the results offered as CSV.

import { describe, expect, it } from 'vitest';
import { recordRequests, screenshot, useBrowser } from './browser';

const session = useBrowser();

describe('screening', () => {
  it('screens one name and shows score bars and explanations', async () => {
    const page = await session.signedIn('analyst', 'screening');
    const requests = recordRequests(page, '/match/default');
    await page.fill('form.screen-form input[name=name]', 'Igor Sechin');
    await page.selectOption('form.screen-form select[name=schema]', 'Person');
    await page.fill('form.screen-form input[name=birthDate]', '1960-09-07');
    await page.click('form.screen-form button[type=submit]');
    await page.waitForSelector('.match-result');
    expect(requests.map((r) => r.body)).toEqual([{ queries: { q1: { schema: 'Person', properties: { name: ['Igor Sechin'], birthDate: ['1960-09-07'] } } } }]);
    const best = page.locator('.match-result').first();
    expect(await best.locator('.caption').textContent()).toBe('Igor Sechin');
    expect(await best.locator('.match-badge').count()).toBe(1);
    const width = await best.locator('.score-bar .fill').evaluate((e) => parseFloat((e as HTMLElement).style.width));
    expect(width).toBeGreaterThan(70);
    await best.locator('details summary').click();
    const features = await best.locator('table.explanations tbody tr td:first-child').allTextContents();
    expect(features).toContain('name_match');
    expect(features).toContain('birth_date_exact');
    await screenshot(page, 'screening');
    expect(page.errors).toEqual([]);
  });

  it('screens a CSV in batches of at most 100 with progress, and builds a results CSV', async () => {
    const page = await session.signedIn('analyst', 'screening');
    const requests = recordRequests(page, '/match/default');
    const rows = ['id,schema,name,country', 's1,Person,Igor Sechin,ru', 's2,Company,Rosneft,', 's3,Person,"Tillerson, Rex",us'];
    for (let i = 0; i < 117; i++) rows.push(`f${i},Person,Nobody Fictional ${i},`);
    await page.setInputFiles('form.screen-csv input[type=file]', {
      name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')),
    });
    await page.click('form.screen-csv button[type=submit]');
    await page.waitForSelector('a.download', { timeout: 60_000 });
    expect(requests.map((r) => Object.keys((r.body as { queries: object }).queries).length)).toEqual([100, 20]);
    const progress = page.locator('form.screen-csv progress');
    expect(await progress.evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([120, 120]);
    expect(await page.locator('table.batch-results tbody tr').count()).toBe(120);
    const first = page.locator('table.batch-results tbody tr').first();
    expect(await first.locator('td').nth(2).textContent()).toBe('Igor Sechin');

    const csv = await page.locator('a.download').evaluate(async (a) => (await fetch((a as HTMLAnchorElement).href)).text());
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('query_id,query_schema,query_name,rank,match_id,match_caption,match_schema,score,match,datasets,topics');
    expect(lines.find((l) => l.startsWith('s1,Person,Igor Sechin,1,'))).toContain('Igor Sechin');
    expect(lines.some((l) => l.startsWith('s3,Person,"Tillerson, Rex",'))).toBe(true);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(120);
    expect(await page.locator('a.download').getAttribute('download')).toBe('names-results.csv');
    expect(page.errors).toEqual([]);
  });
});
