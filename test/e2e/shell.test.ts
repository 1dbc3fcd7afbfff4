// The built renderer in Debian's Chromium against the real core: the shell shows Chinese navigation
// and makes no request outside the machine.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import { mkdirSync } from 'node:fs';
import { openApp } from './harness/browser';

const app = useE2eApp();

describe('app shell', () => {
  it('renders the Chinese navigation', async () => {
    const page = await openApp(app.browser, app.server.url);
    await page.getByRole('menuitem', { name: '人员名册' }).waitFor();
    for (const label of ['年度进度', '平时考核', '事件记录', '年终考核', '材料打印']) {
      expect(await page.getByRole('menuitem', { name: label }).count()).toBe(1);
    }
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/shell.png' });
  });
});
