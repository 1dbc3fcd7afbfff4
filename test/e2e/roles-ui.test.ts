// Each role at 1366×768 on the demo store: the menu holds exactly the areas the role may open, every
// one of them opens without a red error or a "无权" refusal, and what a role may not do is not offered
// (the rater opens on their own department with no import and no 复核; the administrator's grid and
// year-end page offer no rating, stage move or decision). Screenshots: test-results/role-<role>-<page>.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp, SMALL_SCREEN } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { startThreadedCore, type ThreadedCore } from './harness/core-thread';
import { tempCore, type TempCore } from '../support/temp-core';
import { ROLES } from '../support/trust-fixtures';
import type { Operator } from '../../electron/core/context';
import { generateDemo } from '../../electron/core/demo/generate';
import type { Role } from '../../shared/domain/types';

/** The menu each role should see (renderer/src/routes.ts × shared/auth/permissions.ts), written out. */
const MENU: Record<Role, string[]> = {
  admin: ['年度进度', '人员名册', '平时考核', '事件记录', '年终考核', '材料打印', '年度设置', '系统管理'],
  security: ['系统管理'],
  clerk: ['年度进度', '人员名册', '平时考核', '事件记录', '年终考核', '材料打印', '数据交换', '年度设置', '系统管理'],
  rater: ['年度进度', '人员名册', '平时考核', '事件记录', '系统管理'],
  auditor: ['年度进度', '人员名册', '平时考核', '事件记录', '年终考核', '审计日志', '系统管理'],
};

let t: TempCore;
let core: ThreadedCore;
let server: HarnessServer;
let browser: Browser;
let departmentId = '';
const operators = new Map<Role, Operator>();

beforeAll(async () => {
  t = tempCore();
  generateDemo(t.ctx, {});
  departmentId = (
    t.core.db.prepare("SELECT id FROM unit WHERE kind = 'department' AND name = '人事科'").get() as { id: string }
  ).id;
  core = await startThreadedCore(t);
  for (const role of ROLES)
    operators.set(role, await core.createOperator(role, role === 'rater' ? [departmentId] : []));
  server = await startHarness(core.host);
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  t?.cleanup();
});

async function signInAs(role: Role): Promise<Page> {
  await core.signInPage(operators.get(role)!);
  const page = await openApp(browser, server.url, 'dashboard', SMALL_SCREEN);
  await page.getByRole('menu').first().waitFor({ timeout: 20_000 });
  return page;
}

async function menuOf(page: Page): Promise<string[]> {
  return (await page.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
}

/** Opens every area in the menu; none shows a red error or says the operator lacks a permission. */
async function walk(page: Page, role: Role) {
  for (const label of await menuOf(page)) {
    await page.getByRole('menuitem', { name: label }).click();
    await page
      .locator('h1, h2, h3, h4')
      .filter({ hasText: label.slice(0, 2) })
      .first()
      .waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `test-results/role-${role}-${label}.png` });
    // (the audit log itself lists refusals: its rows may say 缺少权限)
    const body = await page.locator('.ant-layout-content').first().innerText();
    if (label !== '审计日志') expect(body, `${role} · ${label}`).not.toMatch(/无权|缺少权限|不在您的授权范围/);
    expect(await page.locator('.ant-alert-error').count(), `${role} · ${label}: red error`).toBe(0);
  }
}

describe('menus, buttons and defaults follow the role (e2e)', () => {
  it.each<Role>(['admin', 'security', 'clerk', 'rater', 'auditor'])(
    '%s sees exactly the areas they may open, each without a refusal',
    async (role) => {
      const page = await signInAs(role);
      expect(await menuOf(page)).toEqual(MENU[role]);
      await walk(page, role);
      await page.context().close();
    },
  );

  it('the security administrator lands on the operators, not on a year they cannot read', async () => {
    const page = await signInAs('security');
    expect(await menuOf(page)).toEqual(['系统管理']);
    await page.getByRole('tab', { name: '操作员', selected: true }).waitFor();
    expect(await page.getByTestId('year-picker').count()).toBe(0);
    await page.context().close();
  });

  it('a rater opens on their own department, with no 复核 and no roster import', async () => {
    const page = await signInAs('rater');
    await page.getByRole('menuitem', { name: '平时考核' }).click();
    await page.locator('tr[data-person]').first().waitFor({ timeout: 20_000 });
    const dept = page
      .getByRole('combobox', { name: '部门' })
      .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
    expect(await dept.innerText()).toContain('人事科');
    await page.getByRole('combobox', { name: '部门' }).click();
    expect(await page.locator('.ant-select-item-option').allInnerTexts()).toEqual(['人事科']);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('tab', { name: '复核' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '人员名册' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: /从表格导入|新增人员|模板/ }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: '操作' }).count()).toBe(0);
    await page.context().close();
  });

  it('the administrator is offered no stage move, decision or rating', async () => {
    const page = await signInAs('admin');
    await page.getByRole('menuitem', { name: '年终考核' }).click();
    await page.getByTestId('stage-bar').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid^="stage-"] button, button[data-testid^="stage-"]').count()).toBe(0);
    expect(await page.getByTestId('bulk-accept').isVisible()).toBe(false);
    await page.getByRole('menuitem', { name: '平时考核' }).click();
    await page.locator('tr[data-person]').first().waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: /从表格导入/ }).count()).toBe(0);
    // a grid the operator may not change promises no autosave
    expect(await page.getByTestId('save-state').textContent()).toBe('只读');
    expect(await page.locator('main, body').first().innerText()).not.toContain('自动保存');
    await page.screenshot({ path: 'test-results/role-admin-ratings-readonly.png' });
    await page.context().close();
  });
});
