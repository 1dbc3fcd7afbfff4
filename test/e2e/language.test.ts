// The English UI beside Chinese in Chromium: Chinese by default, 中文 / English in the side bar,
// the choice kept for the workstation across a reload, antd's own texts (date pickers) switching
// with it, and the rating grid labelled in English.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import { mkdirSync } from 'node:fs';
import { openApp, SMALL_SCREEN } from './harness/browser';
import { makeAgency, makeYear } from '../support/year-fixtures';

const app = useE2eApp({
  seed: (t) => {
    const fx = makeAgency(t.ctx, { departments: ['办公室'], perDepartment: 3 });
    makeYear(t.ctx, fx.agencyId);
  },
});

describe('language switch (e2e)', () => {
  it('opens in Chinese, switches to English, keeps the choice after a reload', async () => {
    const page = await openApp(app.browser, app.server.url, 'ratings', SMALL_SCREEN);
    await page.getByRole('grid', { name: '平时考核录入表' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.ant-menu').textContent()).toContain('平时考核');

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('grid', { name: 'Quarterly rating grid' }).waitFor();
    const menu = await page.locator('.ant-menu').textContent();
    expect(menu).toContain('Quarterly ratings');
    expect(menu).toContain('Year end');
    expect(menu).not.toContain('平时考核');
    const headers = await page.locator('.ratings-grid thead th').allTextContents();
    expect(headers).toEqual([
      'No.',
      'Staff no.',
      'Name',
      'Notes',
      'Work record',
      'Self-assessment',
      'Rating',
      'Comment',
      'Rater',
    ]);
    expect(await page.getByTestId('save-state').textContent()).toBe('Autosave');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/language-en-ratings.png' });

    // Kept for this workstation: a reload opens in English.
    await page.reload();
    await page.getByRole('grid', { name: 'Quarterly rating grid' }).waitFor({ timeout: 20_000 });

    // antd's built-in texts follow: the audit log's date range picker speaks English.
    await page.goto(`${app.server.url}/#/audit`);
    await page.locator('.ant-picker-range input').first().click();
    await page.locator('.ant-picker-dropdown:visible').waitFor();
    const picker = await page.locator('.ant-picker-dropdown:visible').textContent();
    expect(picker).toMatch(/Mo|Tu|We/);
    expect(picker).not.toContain('一');
    await page.keyboard.press('Escape');

    // Back to Chinese.
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.locator('.ant-menu').textContent()).toContain('审计日志');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
});
