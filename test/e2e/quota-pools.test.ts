// Pools by supervising leader in Chromium: on the settings page, list three 分管领导 with their
// departments, share places by largest remainder, save (the change list says so); the year-end
// quota meters then show each leader's pool with its fraction and the shared places (8 + 7 + 5
// people at 20% → 2 + 1 + 1). Screenshots: test-results/quota-pools-settings.png, -meters.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd, type SeedPerson, type SeededYear } from '../support/yearend-fixtures';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let y: SeededYear;

const people: SeedPerson[] = [0, 1, 2].flatMap((dept) =>
  Array.from({ length: [8, 7, 5][dept]! }, (_, i) => ({
    no: `P${dept}${i}`,
    name: `${['办', '财', '执'][dept]}员${i + 1}`,
    dept,
    ratings: i === 0 ? '好 好 好 好' : '较好 较好 较好 较好',
  })),
);

beforeAll(async () => {
  t = tempCore({ now: () => new Date('2026-11-25T02:00:00Z') });
  y = seedYearEnd(t.ctx, { departments: ['办公室', '财务科', '执法大队'], people });
  core = await startThreadedCore(t);
  server = await startHarness(core.host);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
});

async function pickIn(page: Page, combobox: ReturnType<Page['getByRole']>, option: string) {
  await combobox.click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

describe('quota pools by supervising leader (e2e)', () => {
  it('lists leaders with departments on the settings page; the meters show the shared places', async () => {
    mkdirSync('test-results', { recursive: true });
    const page = await openApp(browser, server.url, 'settings');
    const pooling = page.getByRole('combobox', { name: '优秀名额计算单元' });
    await pooling.waitFor({ timeout: 20_000 });
    await pickIn(page, pooling, '按分管领导');
    const card = page.getByTestId('pools-card');
    await card.getByText('全单位名额按最大余数法分配').click();
    const names = ['王副局长', '李副局长', '赵副局长'];
    const depts = ['办公室', '财务科', '执法大队'];
    for (let i = 0; i < 3; i++) {
      await card.getByRole('button', { name: '添加分管领导' }).click();
      await card.getByRole('textbox', { name: '分管领导' }).nth(i).fill(names[i]!);
      await pickIn(page, card.getByRole('combobox', { name: '分管部门' }).nth(i), depts[i]!);
      await page.keyboard.press('Escape');
    }
    await pickIn(page, card.getByRole('combobox', { name: '执法大队的类别' }), '基层');
    await page.getByRole('textbox', { name: '修改依据' }).fill('按分管领导分配优秀名额');
    await card.screenshot({ path: 'test-results/quota-pools-settings.png' });
    await page.getByRole('button', { name: '保存设置' }).click();
    const list = page.getByTestId('settings-changes');
    await list.waitFor({ timeout: 10_000 });
    const text = await list.textContent();
    expect(text).toContain('优秀名额计算单元 按单位 → 按分管领导');
    expect(text).toContain('名额分配方式 各单元分别取整 → 全单位名额按最大余数法分配');
    expect(text).toContain('新增分管领导“赵副局长”（分管 1 个部门）');
    expect(text).toContain('部门类别（机关/基层/事业）已修改（现列 1 个部门）');
    const stored = JSON.parse(
      (core.db.prepare('SELECT settings_json AS s FROM assessment_year WHERE id = ?').get(y.yearId) as { s: string }).s,
    ) as { quota: { leaders: { name: string; departmentIds: string[] }[]; departmentClasses: unknown[] } };
    expect(stored.quota.leaders.map((l) => [l.name, l.departmentIds])).toEqual(
      names.map((n, i) => [n, [y.deptIds[i]]]),
    );
    expect(stored.quota.departmentClasses).toEqual([{ departmentId: y.deptIds[2], class: 'grassroots' }]);

    const r = await core.result('yearend.transition', { yearId: y.yearId, to: 'review' });
    expect(r.ok).toBe(true);
    await page.goto(`${server.url}/#/yearend`);
    const meters = page.getByTestId('quota-meter');
    await meters.first().waitFor({ timeout: 20_000 });
    await expect.poll(() => meters.count(), { timeout: 10_000 }).toBe(3);
    const texts = await meters.allTextContents();
    expect(texts[0]).toContain('王副局长分管·公务员（含参公）');
    expect(texts[0]).toContain('优秀 0 / 2');
    expect(texts[0]).toContain('基数 8 人 × 20% = 份额 1.6');
    expect(texts[1]).toContain('优秀 0 / 1');
    expect(texts[2]).toContain('赵副局长分管');
    expect(await page.getByTestId('quota-shared').count()).toBe(3);
    await page
      .getByTestId('quota-meter')
      .first()
      .locator('..')
      .screenshot({ path: 'test-results/quota-pools-meters.png' });
  }, 180_000);
});
