// A fresh store: the roster page greets the clerk with what to do, and the first agency and its
// department can be set up from the tree panel.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import { mkdirSync } from 'node:fs';
import { openApp } from './harness/browser';
import { unitTree } from '../../electron/core/roster';

const app = useE2eApp();

describe('roster page on an empty store', () => {
  it('shows the friendly empty state and sets up the agency and a department', async () => {
    const page = await openApp(app.browser, app.server.url, 'roster');
    await page.getByText('还没有人员：导入名册或新增人员').waitFor();
    await page.getByText(/请先在左侧“新增”本单位/).waitFor();
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/roster-empty.png' });

    await page.getByRole('button', { name: /^新\s*增$/ }).click();
    await page.locator('.ant-modal').getByText('新增单位（机关）').waitFor();
    await page.locator('.ant-modal').getByLabel('名称').fill('某市某区统计局');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByText('某市某区统计局（0）').waitFor();

    await page.getByText('某市某区统计局（0）').click(); // select the agency: the next unit is its department
    await page.getByRole('button', { name: /^新\s*增$/ }).click();
    await page.locator('.ant-modal').getByText('在“某市某区统计局”下新增部门').waitFor();
    await page.locator('.ant-modal').getByLabel('名称').fill('综合科');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByText('综合科（0）').waitFor();
    const tree = unitTree(app.core.db);
    expect(tree.map((a) => [a.name, a.children.map((d) => d.name)])).toEqual([['某市某区统计局', ['综合科']]]);
    // with a department in place, 新增人员 is offered in the empty state too
    expect(await page.getByRole('button', { name: '新增人员' }).count()).toBeGreaterThan(0);
  });
});
