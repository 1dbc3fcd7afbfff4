// The ratings page on the demo store (120 people with the domain's edge cases): the grid shows the
// movers' notes and the cap panel, and the 复核 tab compares every department. Screenshots for review.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import { mkdirSync } from 'node:fs';
import { openApp } from './harness/browser';
import { generateDemo } from '../../electron/core/demo/generate';

const app = useE2eApp({
  seed: (t) => {
    generateDemo(t.ctx, {});
  },
});

describe('ratings page on the demo store (e2e)', () => {
  it('renders the grid and the review of a reviewed quarter', async () => {
    const page = await openApp(app.browser, app.server.url, 'ratings');
    await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: '考核期间' }).click();
    await page.locator('.ant-select-item-option', { hasText: '第二季度' }).click();
    await page.locator('tr[data-person]').first().waitFor();
    // The agency's own people (its leaders) come first, as "…（直属）".
    expect(
      await page
        .getByRole('combobox', { name: '部门' })
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
        .textContent(),
    ).toContain('（直属）');
    await page.getByRole('combobox', { name: '部门' }).click();
    await page.locator('.ant-select-item-option', { hasText: '办公室' }).click();
    await expect.poll(() => page.locator('tr[data-person]').count()).toBeGreaterThan(10);
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/ratings-demo.png' });
    await page.getByRole('tab', { name: '复核' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(3);
    await page.screenshot({ path: 'test-results/ratings-demo-review.png' });
  });
});
