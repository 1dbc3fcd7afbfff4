// After 定档 the evidence page offers no record, edit, void or import for the year: it says why
// instead of letting the clerk fill a form that main would refuse (electron/core/evidence/year-lock.ts).
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import { openApp, SMALL_SCREEN } from './harness/browser';
import { generateDemo } from '../../electron/core/demo/generate';

const app = useE2eApp({
  seed: (t) => {
    generateDemo(t.ctx, {});
    // The stage alone, as the year-end walk would leave it (that walk is test/e2e/yearend.test.ts).
    t.core.db.prepare("UPDATE assessment_year SET stage = 'final'").run();
  },
});

describe('evidence of a decided year (e2e)', () => {
  it('is shown read-only with the reason, no write action offered', async () => {
    const page = await openApp(app.browser, app.server.url, 'evidence', SMALL_SCREEN);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('evidence-locked').innerText()).toContain('已定档');
    for (const name of ['记录事件', '从表格导入', '修改', '作废'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    await page.screenshot({ path: 'test-results/evidence-locked-1366.png' });
  });
});
