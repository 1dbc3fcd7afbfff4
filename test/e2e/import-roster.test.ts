// Importing a roster with a bad row in Debian's Chromium against the real core: the file is "picked"
// through ScriptedDesktop, the preview names the bad cell (sheet, row, column, problem), 全部导入 is
// disabled, 仅导入无误的行 (confirmed) applies the clean rows. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from './harness/browser';
import { ROSTER_HEADER, seedStore, writeXlsx } from '../support/xlsx-fixtures';

const app = useE2eApp({
  seed: (t) => {
    seedStore(t.ctx, 3);
  },
});

describe('roster import in the browser', () => {
  it('shows the bad cell, refuses 全部导入, applies only the clean rows when chosen', async () => {
    const path = join(app.t.dir, '名册-规划科.xlsx');
    await writeXlsx(path, [
      {
        name: '名册',
        rows: [
          ['2026年人员名册'],
          [],
          ROSTER_HEADER,
          ['E001', '钱一', '男', '1990-01', '', '', '规划科', '科员', '', '公务员'],
          ['E002', '孙二', '女', '1991-02', '', '', '宣传科', '科员', '', '公务员'],
          ['E003', '李三', '男', '1992.03', '', '', '财务科', '', '', '事业单位'],
        ],
        merges: ['A1:N1'],
      },
    ]);
    app.core.desktop.nextOpen.push(path);
    const page = await openApp(app.browser, app.server.url, 'roster');
    mkdirSync('test-results', { recursive: true });
    try {
      await scenario(page);
    } catch (e) {
      await page.screenshot({ path: 'test-results/import-roster-failed.png' });
      throw e;
    }
  });
});

async function scenario(page: Page): Promise<void> {
  await page.getByRole('button', { name: '从表格导入' }).first().click();
  const dialog = page.getByRole('dialog');
  const issues = dialog.getByTestId('import-issues');
  await issues.waitFor({ timeout: 30_000 });
  const row = issues.locator('tbody tr').filter({ hasText: '宣传科' });
  await row.waitFor();
  const text = await row.innerText();
  expect(text).toContain('名册');
  expect(text).toContain('5');
  expect(text).toContain('G（部门）');
  expect(text).toContain('找不到部门“宣传科”');
  expect(await dialog.getByRole('button', { name: '全部导入' }).isDisabled()).toBe(true);
  await page.screenshot({ path: 'test-results/import-roster-preview.png' });

  await dialog.getByRole('button', { name: '仅导入无误的行' }).click();
  await page.getByRole('button', { name: '确认仅导入无误的行' }).click();
  await dialog.getByText(/人员名册导入完成：新增 2 条/).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/import-roster-done.png' });
  const stored = app.core.db.prepare("SELECT person_no FROM person WHERE person_no LIKE 'E%' ORDER BY person_no").all();
  expect(stored).toEqual([{ person_no: 'E001' }, { person_no: 'E003' }]);
  // Progress was pushed, not polled: at most the one read per job (preview, apply) when following starts.
  expect(app.server.calls.get('jobs.get') ?? 0).toBeLessThanOrEqual(2);
}
