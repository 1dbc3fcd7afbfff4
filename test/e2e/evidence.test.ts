// Evidence and the dashboard in Debian's Chromium against the real core: record a 警告 through the
// drawer (a missing 文号 is named at its field first), see it in the list with its computed period,
// void another item with a reason, open the person's timeline; then the dashboard with its charts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { framesRendered, launchBrowser, openApp, SMALL_SCREEN } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { smallAgency, type SmallAgency } from '../support/evidence-fixtures';
import { createEvidence } from '../../electron/core/evidence/evidence-service';

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let a: SmallAgency;

beforeAll(async () => {
  t = tempCore();
  a = smallAgency(t.core.db);
  createEvidence(t.ctx, {
    personId: a.people.wang,
    kind: 'leave',
    subKind: '病假',
    date: '2026-01-05',
    endDate: '2026-06-20',
  });
  createEvidence(t.ctx, {
    personId: a.people.zhao,
    kind: 'investigation',
    subKind: '立案审查调查',
    date: '2026-09-01',
  });
  createEvidence(t.ctx, {
    personId: a.people.zhang,
    kind: 'commendation',
    subKind: '嘉奖',
    date: '2026-02-01',
    docNo: '局奖〔2026〕1号',
    description: '防汛工作表现突出',
  });
  createEvidence(t.ctx, {
    personId: a.people.zhao,
    kind: 'sanction',
    subKind: '记过',
    date: '2026-06-01',
    docNo: '某纪发〔2026〕1号',
  });
  createEvidence(t.ctx, {
    personId: a.people.li,
    kind: 'work',
    subKind: '重点任务',
    date: '2026-05-20',
    description: '牵头完成营商环境评估',
  });
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

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function withShot<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    await page.screenshot({ path: `test-results/${name}-failed.png`, fullPage: true });
    throw e;
  }
}

describe('evidence page (e2e)', () => {
  it('records a 警告 through the drawer, lists it with its period, voids another, opens the timeline', async () => {
    mkdirSync('test-results', { recursive: true });
    const page = await openApp(browser, server.url, 'evidence');
    await withShot(page, 'evidence', async () => {
      await page.locator('tr[data-status]').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('tr[data-status]').count()).toBe(5);

      await page.getByRole('button', { name: '记录事件' }).click();
      const drawer = page.getByTestId('evidence-drawer');
      await drawer.getByRole('combobox', { name: '人员' }).click();
      await page.keyboard.type('李四');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'A002' }).click();
      await pick(page, '类别', '处分');
      await pick(page, '细类', '警告');
      await drawer.getByRole('textbox', { name: '日期' }).click();
      await page.keyboard.type('2026-03-15');
      await page.keyboard.press('Enter');
      await drawer.getByTestId('computed-preview').getByText('处分期：2026-03-15 至 2026-09-14（6 个月）').waitFor();
      // no 文号: named at the field, nothing saved
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      await drawer.getByText('请填写处分决定文号').waitFor();
      await page.screenshot({ path: 'test-results/evidence-drawer.png' });
      expect(
        (core.db.prepare("SELECT COUNT(*) AS n FROM evidence WHERE sub_kind = '警告'").get() as { n: number }).n,
      ).toBe(0);
      await drawer.getByRole('textbox', { name: '文号' }).fill('某纪发〔2026〕3号');
      await drawer.getByRole('textbox', { name: '说明' }).fill('违反工作纪律');
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });

      const row = page.locator('tr[data-status="active"]', { hasText: '警告' });
      await row.waitFor();
      expect(await row.textContent()).toContain('处分期 2026-03-15 至 2026-09-14（6 个月）');
      expect(await row.textContent()).toContain('李四');
      const stored = core.db
        .prepare("SELECT sub_kind, date, doc_no, recorded_by FROM evidence WHERE sub_kind = '警告'")
        .get();
      expect(stored).toEqual({
        sub_kind: '警告',
        date: '2026-03-15',
        doc_no: '某纪发〔2026〕3号',
        recorded_by: '命令行工具',
      });

      // edit it: the drawer starts from the stored values; the change is audited
      await row.getByRole('button', { name: /修\s*改/ }).click();
      const edit = page.getByTestId('evidence-drawer');
      await edit.getByText('修改事件：李四 · 警告').waitFor();
      expect(await edit.getByRole('textbox', { name: '文号' }).inputValue()).toBe('某纪发〔2026〕3号');
      await edit.getByRole('textbox', { name: '文号' }).fill('某纪发〔2026〕4号');
      await edit.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('tr[data-status="active"]', { hasText: '某纪发〔2026〕4号' }).waitFor();
      expect(
        (
          core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'evidence.update'").get() as {
            n: number;
          }
        ).n,
      ).toBe(1);

      // void the 嘉奖 with a reason: it stays, struck through
      const award = page.locator('tr[data-status="active"]', { hasText: '嘉奖' });
      await award.getByRole('button', { name: /作\s*废/ }).click();
      const modal = page.locator('.ant-modal');
      await modal.getByRole('button', { name: '确认作废' }).click();
      await modal.getByText('请填写作废原因').waitFor();
      await modal.getByRole('textbox', { name: '作废原因' }).fill('重复录入');
      await modal.getByRole('button', { name: '确认作废' }).click();
      await page.locator('tr[data-status="voided"]', { hasText: '嘉奖' }).waitFor();
      expect(await page.locator('tr[data-status="voided"] del').count()).toBeGreaterThan(0);

      // leave totals and the open investigation are shown
      expect(await page.locator('tr', { hasText: '病假' }).textContent()).toContain('本年病事假合计 167 天');
      expect(await page.locator('tr', { hasText: '立案审查调查' }).textContent()).toContain('未结案');

      // filters: kind, then search by 人员编号
      await pick(page, '按类别筛选', '处分');
      await expect.poll(() => page.locator('tr[data-status]').count()).toBe(2);
      await page
        .getByRole('combobox', { name: '按类别筛选' })
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
        .hover();
      await page.locator('.ant-select-clear').first().click();
      await page.getByRole('searchbox', { name: '搜索姓名或人员编号' }).fill('A001');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('tr[data-status]').count()).toBe(1);
      await page.getByRole('searchbox', { name: '搜索姓名或人员编号' }).fill('');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('tr[data-status]').count()).toBe(6);
      await page
        .locator('.ant-message-notice')
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
      await page.screenshot({ path: 'test-results/evidence.png', fullPage: true });

      // the person's timeline: ratings and evidence in date order
      await page.locator('tr', { hasText: '警告' }).getByTestId('open-timeline').click();
      const tl = page.getByTestId('person-timeline');
      await tl.getByText('李四 · 2026 年度时间线').waitFor();
      const items = tl.locator('[data-testid="timeline-rating"], [data-testid="timeline-evidence"]');
      await expect.poll(() => items.count()).toBe(6);
      const texts = await items.allTextContents();
      expect(texts[0]).toContain('警告');
      expect(texts[0]).toContain('处分期 2026-03-15 至 2026-09-14');
      expect(texts[1]).toContain('第一季度');
      expect(texts[1]).toContain('好');
      expect(texts[2]).toContain('重点任务');
      expect(texts[3]).toContain('第二季度');
      expect(texts[3]).toContain('未评定');
      await page.screenshot({ path: 'test-results/evidence-timeline.png' });
    });
  });
});

describe('dashboard (e2e)', () => {
  it('shows the summary, the charts, the flagged people and the missing list', async () => {
    const page = await openApp(browser, server.url, 'dashboard');
    await withShot(page, 'dashboard', async () => {
      await page.getByText('各部门评定进度（已评 / 未评）').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.locator('[data-testid="echart"] canvas').count()).toBe(3);
      // the charts drew something (a blank canvas is all one colour)
      const drawn = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="echart"] canvas')].map((c) => {
          const canvas = c as HTMLCanvasElement;
          const ctx = canvas.getContext('2d')!;
          const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let coloured = 0;
          for (let i = 0; i < data.length; i += 4)
            if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) coloured++;
          return coloured;
        }),
      );
      expect(drawn.every((n) => n > 500)).toBe(true);
      const flags = page.getByRole('table', { name: '需关注人员' });
      await flags.getByText('立案未结').waitFor();
      expect(await flags.textContent()).toContain('赵六');
      expect(await flags.textContent()).toContain('处分期内');
      expect(await flags.textContent()).toContain('陈七');
      const missing = page.getByRole('table', { name: '未评定名单' });
      await missing.getByText('A002').first().waitFor();
      expect(await page.getByText('共 13 人次').count()).toBe(1);
      // The shell scrolls inside its content pane, so a tall window shows the whole dashboard.
      await page.setViewportSize({ width: 1440, height: 1750 });
      await framesRendered(page); // laid out again at the new size
      await page.screenshot({ path: 'test-results/dashboard.png' });
    });
  });
});

describe('dashboard of a store without a year (e2e)', () => {
  it('points to the real first step, then to the year once units and people exist', async () => {
    const empty = tempCore();
    const emptyCore = await startThreadedCore(empty);
    const srv = await startHarness(emptyCore.host);
    try {
      const page = await openApp(browser, srv.url, 'dashboard', SMALL_SCREEN);
      const steps = page.getByTestId('first-steps');
      await steps.getByText('建立单位（下一步）').waitFor({ timeout: 20_000 });
      expect(await steps.getByRole('link', { name: '前往人员名册' }).getAttribute('href')).toBe('#/roster');
      expect(await steps.innerText()).toContain('考核办经办人');
      await page.screenshot({ path: 'test-results/dashboard-empty.png' });
      // an agency with departments and people: the year is next, on the settings page
      const agency = await emptyCore.call<{ id: string }>('units.create', { parentId: null, name: '某区发改委' });
      for (const [d, name] of ['办公室', '规划科'].entries()) {
        const dept = await emptyCore.call<{ id: string }>('units.create', { parentId: agency.id, name });
        for (const no of [1, 2])
          await emptyCore.call('roster.create', {
            personNo: `A${d}${no}`,
            name: `${name.slice(0, 1)}员${no}`,
            unitId: dept.id,
            category: 'civil_servant',
            hireDate: '2020-01-01',
          });
      }
      await page.reload();
      await steps.getByText('建立考核年度（下一步）').waitFor({ timeout: 20_000 });
      expect(await steps.getByRole('link', { name: '前往年度设置' }).getAttribute('href')).toBe('#/settings');
      await page.screenshot({ path: 'test-results/dashboard-empty-next-year.png' });
      await page.context().close();
    } finally {
      await srv.close();
      await emptyCore.close();
      empty.cleanup();
    }
  });
});
