// The roster page in Debian's Chromium against the real core: a store with a few people, create a
// person through the drawer (with a server-side error shown next to its field first), then search
// and see the row; a screenshot goes to test-results/roster.png.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import { mkdirSync } from 'node:fs';
import { openApp } from './harness/browser';
import { seedPeople, seedUnits } from '../support/roster-fixtures';
import { listPeople, unitTree } from '../../electron/core/roster';

const app = useE2eApp({
  seed: (t) => {
    seedPeople(t.ctx, seedUnits(t.ctx));
  },
});

describe('roster page', () => {
  it('lists people, creates one through the drawer, finds them by search', async () => {
    const page = await openApp(app.browser, app.server.url, 'roster');
    mkdirSync('test-results', { recursive: true });
    try {
      await scenario(page);
    } catch (e) {
      await page.screenshot({ path: 'test-results/roster-failed.png' });
      throw e;
    }
    await page.screenshot({ path: 'test-results/roster.png' });
  });
});

async function scenario(page: import('playwright-core').Page): Promise<void> {
  await page.getByText('王芳').first().waitFor();
  expect(await page.getByText('办公室（2）').count()).toBe(1);

  // create: a 人员编号 already taken comes back from main and is shown on that field
  await page.getByRole('button', { name: '新增人员' }).first().click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('人员编号').fill('A001');
  await drawer.getByLabel('姓名').fill('欧阳明轩');
  await drawer.getByLabel('部门').click();
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '规划科' }).click();
  await drawer.getByLabel('职务职级').fill('二级主任科员');
  await drawer.getByLabel('身份证号').fill('11010519491231002X');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await drawer
    .getByText(/人员编号“A001”已被 王芳 使用/)
    .first()
    .waitFor();
  await drawer.getByLabel('人员编号').fill('B777');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });

  const created = listPeople(app.core.db, { search: '欧阳' }).rows;
  expect(created.map((p) => [p.personNo, p.unitName, p.idCardMasked])).toEqual([
    ['B777', '规划科', '110105********002X'],
  ]);

  await page.getByLabel('搜索人员').fill('欧阳');
  await page.locator('.ant-table-row', { hasText: '欧阳明轩' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1);
  expect(await page.locator('.ant-table-row').first().textContent()).toContain('B777');

  // move them to 财务科 through the dialog; the edit drawer then shows the dated move
  await page
    .locator('.ant-table-row', { hasText: '欧阳明轩' })
    .getByRole('button', { name: /更\s*多/ })
    .click();
  await page.getByRole('menuitem', { name: '调动部门' }).click();
  const modal = page.locator('.ant-modal');
  await modal.getByLabel('调入部门').click();
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '财务科' }).last().click();
  await modal.getByLabel('调动说明（可选）').fill('工作需要');
  await modal.getByRole('button', { name: /确\s*定/ }).click();
  await modal.waitFor({ state: 'detached' });
  await page.locator('.ant-table-row', { hasText: '欧阳明轩' }).getByText('财务科').waitFor();
  const moves = app.core.db.prepare('SELECT reason FROM person_move').all();
  expect(moves).toEqual([{ reason: '工作需要' }]);
  await page.locator('.ant-table-row', { hasText: '欧阳明轩' }).getByText('欧阳明轩').click();
  await page.getByText(/由 规划科 调至 财务科（工作需要）/).waitFor();
  await page.screenshot({ path: 'test-results/roster-edit.png' });
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  await page.getByLabel('搜索人员').fill('');
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 5);

  // mark 李强 as left: he leaves the active list and shows under 已离开 with the date
  await page
    .locator('.ant-table-row', { hasText: '李强' })
    .getByRole('button', { name: /更\s*多/ })
    .click();
  await page.getByRole('menuitem', { name: '标记离开' }).click();
  const leave = page.locator('.ant-modal');
  await leave.getByLabel('离开原因').fill('退休');
  await leave.getByRole('button', { name: /确\s*定/ }).click();
  await leave.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 4);
  await page.getByText('已离开', { exact: true }).click();
  await page
    .locator('.ant-table-row', { hasText: '李强' })
    .getByText(/离开 \d{4}-\d{2}-\d{2}/)
    .waitFor();
  expect(app.core.db.prepare("SELECT status, left_reason FROM person WHERE name = '李强'").get()).toEqual({
    status: 'left',
    left_reason: '退休',
  });
  await page.getByText('在职', { exact: true }).first().click();
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 4);

  // drag 财务科 onto the lower half of 办公室 in the tree: it moves right after it, and the order is saved
  const a = (await page.locator('.ant-tree-treenode', { hasText: '财务科' }).boundingBox())!;
  const b = (await page.locator('.ant-tree-treenode', { hasText: '办公室' }).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 - 5, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 4, { steps: 10 });
  await page.mouse.up();
  await page.waitForFunction(() =>
    /办公室.*财务科.*规划科/.test(
      [...document.querySelectorAll('.ant-tree-treenode')].map((n) => n.textContent ?? '').join('|'),
    ),
  );
  expect(unitTree(app.core.db)[0]!.children.map((d) => d.name)).toEqual(['办公室', '财务科', '规划科']);
}
