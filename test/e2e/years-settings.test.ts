// The settings page in Chromium: create a year, change the excellent share and the cap enforcement,
// save, and read the plain Chinese change list; the stored settings and the audit row agree.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import { mkdirSync } from 'node:fs';
import { openApp } from './harness/browser';
import { makeAgency } from '../support/year-fixtures';

const app = useE2eApp({
  seed: (t) => {
    makeAgency(t.ctx, { departments: ['办公室'], perDepartment: 2 });
  },
});

describe('year settings page (e2e)', () => {
  it('creates a year and saves a settings change with the change list', async () => {
    const page = await openApp(app.browser, app.server.url, 'settings');
    await page.getByRole('button', { name: '建立年度' }).waitFor({ timeout: 20_000 });
    await page.getByRole('spinbutton', { name: '年度' }).fill('2026');
    await page.getByRole('button', { name: '建立年度' }).click();
    const share = page.getByRole('spinbutton', { name: '优秀比例', exact: true });
    await share.waitFor({ timeout: 10_000 });
    expect(await share.inputValue()).toBe('20');
    mkdirSync('test-results', { recursive: true });
    await page
      .locator('.ant-message-notice')
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await page.screenshot({ path: 'test-results/years-settings-form.png' });
    // A raised share below the ordinary one is flagged as soon as it is typed, and saving waits.
    await share.fill('30');
    await share.press('Tab');
    const issues = page.getByTestId('settings-issues');
    await issues.waitFor({ timeout: 10_000 });
    expect(await issues.textContent()).toContain('提高后的优秀比例：不能低于优秀比例（30%）');
    expect(await page.getByRole('button', { name: '保存设置' }).isDisabled()).toBe(true);
    await share.fill('25');
    await share.press('Tab');
    await issues.waitFor({ state: 'detached' });
    await page.getByLabel('禁止保存（填写理由可突破）').check();
    await page.getByRole('switch', { name: '启用：负面清单事项（按清单设定的影响）' }).click();
    // the 事业 sanction preset: both shown with the text of their rows; choosing 2012 swaps the table's rows
    const presets = page.getByRole('radiogroup', { name: '事业单位处分规定' });
    expect(await page.getByTestId('preset-rows-2023').textContent()).toContain(
      '事业单位受记过处分的当年，只写评语不定等次（2023年处分规定）',
    );
    expect(await page.getByTestId('preset-rows-2012').textContent()).toContain(
      '事业单位受记过处分期间，不得确定为合格及以上',
    );
    await presets.getByText('《事业单位工作人员处分暂行规定》（2012年）').click();
    await page.getByRole('switch', { name: '启用：事业单位受记过处分期间，不得确定为合格及以上' }).waitFor();
    // Before saving: what the draft would change in the year-end suggestions (the year-end service).
    await page.getByRole('button', { name: '预览对建议等次的影响' }).click();
    const impact = page.locator('.ant-modal', { hasText: '按修改后的设置，建议等次的变化' });
    await impact.waitFor({ timeout: 10_000 });
    expect(await impact.textContent()).toContain('参与计算人数');
    await impact.locator('.ant-modal-footer').getByRole('button').click();
    await impact.waitFor({ state: 'hidden' });
    await page.getByRole('textbox', { name: '修改依据' }).fill('按区考核办通知');
    await page.getByRole('button', { name: '保存设置' }).click();
    const list = page.getByTestId('settings-changes');
    await list.waitFor({ timeout: 10_000 });
    const text = await list.textContent();
    expect(text).toContain('优秀比例 20% → 25%');
    expect(text).toContain('超出“好”上限时 提醒后允许保存 → 禁止保存（须填写理由方可突破）');
    expect(text).toContain('资格规则“负面清单事项（按清单设定的影响）” 停用 → 启用');
    expect(text).toContain(
      '事业单位处分规定 《事业单位工作人员处分规定》（2023年） → 《事业单位工作人员处分暂行规定》（2012年）',
    );
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/years-settings.png', fullPage: false });
    const row = app.core.db.prepare('SELECT settings_json FROM assessment_year').get() as { settings_json: string };
    expect(JSON.parse(row.settings_json).quota.share).toBe(0.25);
    expect(JSON.parse(row.settings_json).institutionSanctionPreset).toBe('2012');
    const audit = app.core.db.prepare(`SELECT reason FROM audit_log WHERE action = 'year.settings.update'`).all();
    expect(audit).toEqual([{ reason: '按区考核办通知' }]);
    // The year picker in the header shows the new year.
    expect(await page.getByTestId('year-picker').textContent()).toContain('2026 年度 · 某区发改委');
  });
});
