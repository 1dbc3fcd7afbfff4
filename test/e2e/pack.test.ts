// The pack page in Chromium on the demo store: the form preview draws two A4 pages with traced
// summary sentences, the summary editor saves, the export writes the workbook into the picked
// folder and lists it, and "打印此人登记表" prints exactly the person's two pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';
import { generateDemo } from '../../electron/core/demo/generate';
import { ScriptedDesktop } from '../../electron/core/desktop';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
const out = tempDir('da-pack-e2e-');

beforeAll(async () => {
  t = tempCore();
  generateDemo(t.ctx, { people: 40 });
  t.core.desktop = new ScriptedDesktop([], [], [out]);
  core = await startThreadedCore(t);
  server = await startHarness(core.host);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('pack page (e2e)', () => {
  it('previews, edits the summary, exports and prints one form', async () => {
    const page = await openApp(browser, server.url, 'pack');
    const preview = page.locator('.sheet-preview').first();
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.locator('.sheet-page').count()).toBe(2);
    expect(await preview.getAttribute('data-pages')).toBe('2');
    // summary sentences carry their sources
    const run = preview.locator('.sheet-run').first();
    await run.waitFor();
    expect(await run.getAttribute('title')).toMatch(/^来源：/);
    // at 100% the A4 page keeps its size on screen (210 mm at 96 dpi ≈ 794 px)
    await page.getByText('100%').click();
    const box = await preview.locator('.sheet-page').first().boundingBox();
    expect(Math.round(box!.width)).toBeGreaterThan(780);
    expect(Math.round(box!.width)).toBeLessThan(800);
    await page.getByText('60%').click();
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/pack-preview.png' });

    // the office renames a label and adds a row: the preview redraws with them
    await page.getByRole('button', { name: '登记表设置' }).click();
    await page.getByRole('textbox', { name: '从事或分管工作' }).fill('分管工作');
    await page.getByRole('checkbox', { name: '奖惩情况' }).check();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /^保\s?存$/ })
      .click();
    await preview.locator('td', { hasText: /^奖惩情况$/ }).waitFor();
    await preview.locator('td', { hasText: /^分管工作$/ }).waitFor();
    expect(await preview.locator('.sheet-page').count()).toBe(2);

    // edit the first sentence and save: the preview shows the edited text
    const summaryCard = page.getByTestId('draft-summary');
    const first = summaryCard.getByRole('textbox', { name: '第1句' });
    await first.fill('本人全年认真履职，按时完成各项任务。');
    await summaryCard.getByRole('button', { name: /^保\s?存$/ }).click();
    await preview.getByText('本人全年认真履职，按时完成各项任务。').waitFor();

    // the 主管领导评语 box beside it: drafted from the quarterly comments, edited the same way
    const commentCard = page.getByTestId('draft-comment');
    await commentCard.getByRole('button', { name: '添加一句' }).click();
    await commentCard.getByRole('textbox').last().fill('该同志工作扎实，建议确定为称职以上等次。');
    await commentCard.getByRole('button', { name: /^保\s?存$/ }).click();
    await preview.getByText(/该同志工作扎实，建议确定为称职以上等次。/).waitFor();

    // export into the picked folder
    await page.getByRole('button', { name: '选择保存文件夹' }).click();
    await page.getByText(out).waitFor();
    await page.getByRole('button', { name: '生成考核材料' }).click();
    await page.getByText('已生成的文件').waitFor({ timeout: 60_000 });
    const written = readdirSync(out).filter((n) => n.endsWith('.xlsx'));
    expect(written).toHaveLength(1);
    await page.getByText('打开所在文件夹').click();
    await expect.poll(() => core.desktop.opened).toEqual([join(out, written[0]!)]);
    await page.screenshot({ path: 'test-results/pack-exported.png' });

    // the summary table: landscape pages at the model's breaks, title rows repeated on each
    await page.getByRole('combobox', { name: '表格' }).click();
    await page.locator('.ant-select-item-option', { hasText: '考核结果汇总表' }).click();
    const table = page.locator('.sheet-preview[aria-label$="考核结果汇总表"]');
    await table.waitFor();
    const promised = Number(await table.getAttribute('data-pages'));
    expect(promised).toBeGreaterThan(1);
    expect(await table.locator('.sheet-page-landscape').count()).toBe(promised);
    expect(await table.locator('.sheet-page').nth(1).getByText('平时考核等次').count()).toBe(1);
    await page.screenshot({ path: 'test-results/pack-summary-table.png' });
    await page.getByRole('combobox', { name: '表格' }).click();
    await page.locator('.ant-select-item-option', { hasText: '年度考核登记表' }).click();
    await page.locator('.sheet-preview[aria-label$="年度考核登记表"]').waitFor();

    // print one person's form: only the form, on exactly two A4 pages
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: '打印此人登记表' }).click();
    await page.getByTestId('sheet-print-portal').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(2);
  });
});
