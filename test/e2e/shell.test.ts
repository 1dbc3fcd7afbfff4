// The built renderer in Debian's Chromium against the real core: the shell shows Chinese navigation
// and makes no request outside the machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchBrowser, openApp } from './harness/browser';
import { startHarness, type HarnessServer } from './harness/server';
import { tempCore, type TempCore } from '../support/temp-core';

let t: TempCore;
let server: HarnessServer;
let browser: Browser;

beforeAll(async () => {
  t = tempCore();
  server = await startHarness(t.core, undefined, t.session);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  t?.cleanup();
});

describe('app shell', () => {
  it('renders the Chinese navigation', async () => {
    const page = await openApp(browser, server.url);
    await page.getByRole('menuitem', { name: '人员名册' }).waitFor();
    for (const label of ['年度进度', '平时考核', '事件记录', '年终考核', '材料打印']) {
      expect(await page.getByRole('menuitem', { name: label }).count()).toBe(1);
    }
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/shell.png' });
  });
});
