// The migrated pages in English at 1366×768 on the demo store: the year-end workbench and the events
// page read in English (headings, filters, column titles, the order choice), keep every column inside
// the window, the pack page labels its controls in English (the sheets stay Chinese); the year's
// progress, year settings, system, audit log and data exchange pages carry no Chinese label (column
// titles, card titles, tabs, buttons, form labels) and no clipped column. Screenshots are kept for a
// look: test-results/english-*.png.
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './harness/e2e-app';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { openApp, SMALL_SCREEN } from './harness/browser';
import { clippedColumns } from './harness/layout';
import { generateDemo } from '../../electron/core/demo/generate';

const app = useE2eApp({
  seed: (t) => {
    generateDemo(t.ctx, {});
  },
});

/** Column headings whose right edge passes the window's (a clipped column). */
async function clippedHeadings(page: Page, table: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll(`${sel} thead th`)]
      .filter((th) => th.getBoundingClientRect().right > width + 1)
      .map((th) => th.textContent ?? '');
  }, table);
}

/**
 * Labels still in Chinese: the texts of column titles, card titles, tabs, buttons, form and field
 * labels and page headings that hold a Chinese character. Data (names, units, the core's sentences)
 * sits in cells and alerts, not in these; the language switch names Chinese in Chinese.
 */
async function chineseLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = [
      'th',
      '.ant-card-head-title',
      '.ant-tabs-tab',
      'button:not([data-testid="language-switch"] *)',
      '.ant-form-item-label',
      '.ant-descriptions-item-label',
      'h1, h2, h3, h4',
      '.ant-select-selection-placeholder',
      '.ant-radio-wrapper',
      '.ant-segmented-item-label',
    ].join(',');
    return (
      [...document.querySelectorAll(sel)]
        .filter((el) => !el.closest('[data-testid="language-switch"]'))
        // a sanction preset's choice shows its rows, the rules' own words (shared/settings)
        .filter((el) => !el.querySelector('[data-testid^="preset-rows-"]'))
        .map((el) => (el.textContent ?? '').trim())
        .filter((text) => /\p{Script=Han}/u.test(text))
    );
  });
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** One page in English: no Chinese label, no clipped column, a screenshot to look at. */
async function lookAt(page: Page, name: string, allowed: (label: string) => boolean = () => false) {
  await settle(page);
  await page.screenshot({ path: `test-results/english-${name}.png` });
  expect(
    (await chineseLabels(page)).filter((l) => !allowed(l)),
    name,
  ).toEqual([]);
  expect(await clippedColumns(page), name).toEqual([]);
  // the page scrolls inside the shell: its lower part in a second picture
  const scrolled = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('*')].filter(
      (el) => el.scrollHeight > el.clientHeight + 20 && /auto|scroll/.test(getComputedStyle(el).overflowY),
    );
    for (const el of boxes) el.scrollTop = el.scrollHeight;
    return boxes.length > 0;
  });
  if (scrolled) {
    await settle(page);
    await page.screenshot({ path: `test-results/english-${name}-lower.png` });
    expect(await clippedColumns(page), `${name} (lower)`).toEqual([]);
  }
}

describe('pages in English at 1366×768', () => {
  it('shows the workbench and the events page in English, nothing cut at the right edge', async () => {
    const page = await openApp(app.browser, app.server.url, 'yearend', SMALL_SCREEN);
    mkdirSync('test-results', { recursive: true });
    try {
      await page.getByTestId('workbench-table').waitFor({ timeout: 30_000 });
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByText('Compare candidates').waitFor();
      const heads = await page.locator('[data-testid="workbench-table"] thead th').allTextContents();
      for (const h of ['No.', 'Name', 'Department', 'Flags', 'Suggestion', 'Final result']) expect(heads).toContain(h);
      expect(await page.getByTestId('person-order').textContent()).toContain('By staff number');
      expect(await page.getByTestId('export-table').textContent()).toBe('Export to Excel');
      // the demo year has no 民主测评: no tally import is offered
      expect(await page.getByRole('button', { name: 'Import from file' }).count()).toBe(0);
      expect(await clippedHeadings(page, '[data-testid="workbench-table"]')).toEqual([]);
      await page.screenshot({ path: 'test-results/english-workbench.png' });
      await page.locator('[data-testid="workbench-table"] .ant-table-row-expand-icon').first().click();
      await page.getByTestId('trace').first().waitFor();
      await page.screenshot({ path: 'test-results/english-workbench-trace.png', fullPage: false });

      await page.goto(`${app.server.url}/#/evidence`);
      await page.getByRole('table', { name: 'Event list' }).waitFor({ timeout: 20_000 });
      const evHeads = await page
        .locator('table[aria-label="Event list"] thead th, .ant-table-thead th')
        .allTextContents();
      for (const h of ['Date', 'Name', 'Staff no.', 'Description', 'Status / actions']) expect(evHeads).toContain(h);
      expect(await clippedHeadings(page, '.ant-table')).toEqual([]);
      await page.screenshot({ path: 'test-results/english-events.png' });
      await page.getByRole('button', { name: 'Record event' }).click();
      await page.getByTestId('evidence-drawer').getByText('Every saved event goes into the audit log').waitFor();
      await page.screenshot({ path: 'test-results/english-event-form.png' });

      await page.keyboard.press('Escape');
      await page.goto(`${app.server.url}/#/pack`);
      await page.locator('.sheet-preview').first().waitFor({ timeout: 30_000 });
      const text = await page.locator('main, body').first().innerText();
      for (const label of ['Make the pack', 'Preview', 'Form settings', 'Print this form', 'Choose folder'])
        expect(text).toContain(label);
      await page.screenshot({ path: 'test-results/english-pack.png' });
    } catch (e) {
      await page.screenshot({ path: 'test-results/english-failed.png' });
      throw e;
    }
  }, 120_000);

  it('shows the roster, its person drawer and row actions in English, every column readable', async () => {
    const page = await openApp(app.browser, app.server.url, 'roster', SMALL_SCREEN);
    try {
      await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByRole('heading', { name: 'Staff roster' }).waitFor();
      const heads = await page.locator('.ant-table-thead th').allTextContents();
      for (const h of ['Staff no.', 'Name', 'Sex', 'Dept.', 'Position', 'Type', 'Hired', 'Status', 'Actions'])
        expect(heads).toContain(h);
      expect(await page.locator('.ant-table-tbody').textContent()).toContain('In post');
      expect(await page.getByText('Units', { exact: true }).count()).toBe(1);
      for (const b of ['Add person', 'Export roster', 'Import from file'])
        expect(await page.getByRole('button', { name: b }).count(), b).toBe(1);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await clippedColumns(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/english-roster.png' });

      await page.locator('.ant-table-row').first().getByRole('button', { name: 'More' }).click();
      await page.getByRole('menuitem', { name: 'Move to department' }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.ant-table-row').first().getByRole('button', { name: 'Edit' }).click();
      await page.getByText('Edit person:').waitFor();
      const drawer = await page.locator('.ant-drawer').last().innerText();
      for (const l of ['Staff no.', 'Political status', 'Position and rank', 'Hire date', 'Assessed by superior'])
        expect(drawer).toContain(l);
      await page.screenshot({ path: 'test-results/english-roster-person.png' });
    } catch (e) {
      await page.screenshot({ path: 'test-results/english-failed.png' });
      throw e;
    }
  }, 120_000);

  it('shows the candidates drawer and its comparison in English', async () => {
    const page = await openApp(app.browser, app.server.url, 'yearend', SMALL_SCREEN);
    try {
      await page.getByTestId('workbench-table').waitFor({ timeout: 30_000 });
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByRole('button', { name: 'Compare candidates' }).click();
      const drawer = page.getByTestId('candidates');
      await drawer.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
      const heads = await drawer.locator('.ant-table-thead th').allTextContents();
      for (const h of ['Name', 'Ratings', 'Points', 'Rewards, work', 'Sanctions', 'Past grades', 'Suggested'])
        expect(heads).toContain(h);
      expect(await drawer.getByTestId('candidates-no-votes').textContent()).toContain('Staff voting is off');
      expect(await drawer.getByTestId('candidates-places').textContent()).toContain('Places left');
      expect(await clippedColumns(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/english-candidates.png' });
      const rows = drawer.locator('.ant-table-tbody tr.ant-table-row .ant-checkbox-input');
      await rows.nth(0).check();
      await rows.nth(1).check();
      await drawer.getByTestId('candidates-compare-open').click();
      await page.getByTestId('candidates-compare').getByText('Compare 2 candidates').waitFor();
      // the engine's grade words are named in English too
      expect(await page.getByTestId('candidates-compare').innerText()).toMatch(/\d{4}: (Excellent|Competent)/);
      await page.screenshot({ path: 'test-results/english-candidates-compare.png' });
    } catch (e) {
      await page.screenshot({ path: 'test-results/english-failed.png' });
      throw e;
    }
  }, 120_000);

  it('shows the rating grid, its cap panel and the review tab in English, every column readable', async () => {
    const page = await openApp(app.browser, app.server.url, 'ratings', SMALL_SCREEN);
    try {
      await page.locator('tr[data-person]').first().waitFor({ timeout: 30_000 });
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByRole('grid', { name: 'Quarterly rating grid' }).waitFor();
      expect(await page.getByTestId('cap-unit').textContent()).toContain('Whole unit: ');
      expect(await page.getByTestId('cap-unit-text').textContent()).toMatch(/^"Good": \d+ \/ cap /);
      expect(await page.getByTestId('cap-dept-missing').textContent()).toMatch(/^\d+ not rated$/);
      expect(await page.getByTestId('save-state').textContent()).toBe('Autosave');
      await page.getByRole('button', { name: 'Download quarterly ratings template' }).waitFor();
      expect(await clippedColumns(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/english-ratings.png' });

      await page.getByRole('tab', { name: 'Review' }).click();
      await page.locator('.ant-table-row').first().waitFor();
      const heads = await page.locator('.ant-table-thead th').allTextContents();
      for (const h of ['Department', 'To rate', 'Rated', 'Missing', 'Good', 'Fairly good', 'Review', 'Actions'])
        expect(heads).toContain(h);
      expect(await page.getByRole('button', { name: 'Mark period reviewed' }).count()).toBe(1);
      expect(await clippedColumns(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/english-ratings-review.png' });
    } catch (e) {
      await page.screenshot({ path: 'test-results/english-failed.png' });
      throw e;
    }
  }, 120_000);

  it('shows the year progress, settings, system, audit log and exchange pages in English', async () => {
    const page = await openApp(app.browser, app.server.url, 'dashboard', SMALL_SCREEN);
    try {
      await page.locator('canvas').first().waitFor({ timeout: 30_000 });
      if (!(await page.getByText('Year progress').count()))
        await page.getByTestId('language-switch').getByText('English').click();
      await page.getByRole('heading', { name: 'Year progress' }).waitFor();
      for (const title of ['Staff to assess this year', 'People to watch', 'Missing ratings'])
        await page.getByText(title).first().waitFor();
      await lookAt(page, 'dashboard');

      await page.goto(`${app.server.url}/#/settings`);
      await page.getByText('Create an assessment year').waitFor({ timeout: 20_000 });
      await page.getByText('Eligibility rules').waitFor({ timeout: 20_000 });
      for (const label of ['Cap on "Good" share', 'Excellent places', 'Notice period', 'Holiday calendar'])
        expect(await page.locator('main, body').first().innerText()).toContain(label);
      // the rule texts are the national rules' own words (shared/settings), Chinese in either language
      const ruleTexts = new Set(
        await page.locator('[data-testid^="preset-rows-"] li, .ant-table-cell').allTextContents(),
      );
      await lookAt(page, 'settings', (l) => ruleTexts.has(l));
      await page.getByTestId('calendar-card').scrollIntoViewIfNeeded();
      await lookAt(page, 'settings-calendar', (l) => ruleTexts.has(l));

      await page.goto(`${app.server.url}/#/system`);
      await page.getByRole('tab', { name: 'Backups' }).waitFor({ timeout: 20_000 });
      // a backup made here: its toast and its row in English, and an entry for the audit log below
      await page.getByRole('button', { name: 'Back up now' }).click();
      await page.getByText(/^Backed up: /).waitFor({ timeout: 30_000 });
      await page.getByRole('cell', { name: 'By hand' }).waitFor();
      await lookAt(page, 'system-backups');
      await page.getByRole('tab', { name: 'Operators' }).click();
      await page.getByRole('button', { name: 'Add operator' }).waitFor();
      await lookAt(page, 'system-operators');
      await page.getByRole('tab', { name: 'Program and data' }).click();
      await page.getByText('Audit chain head hash').waitFor();
      await lookAt(page, 'system-info');
      await page.getByRole('tab', { name: 'Slow operations' }).click();
      await page.getByRole('table', { name: 'Slow operations' }).waitFor();
      await lookAt(page, 'system-slow');

      await page.goto(`${app.server.url}/#/audit`);
      await page.getByRole('heading', { name: 'Audit log' }).waitFor({ timeout: 20_000 });
      await page.locator('.ant-table-row').first().waitFor({ timeout: 20_000 });
      const heads = await page.locator('.ant-table-thead th').allTextContents();
      for (const h of ['Time', 'Operator', 'Action', 'Object', 'Result']) expect(heads).toContain(h);
      // every action shown by its English name, the backup made above among them
      await page.getByRole('cell', { name: 'Back up data' }).waitFor();
      const actions = await page.locator('.ant-table-row td:nth-child(5)').allTextContents();
      expect(actions.filter((a) => /\p{Script=Han}/u.test(a))).toEqual([]);
      await page.getByRole('button', { name: 'Verify audit chain' }).click();
      await page.getByText('The audit chain is intact').waitFor({ timeout: 30_000 });
      await page.locator('.ant-table-row-expand-icon').first().click();
      await page.getByText('Hash:').first().waitFor();
      await lookAt(page, 'audit');

      await page.goto(`${app.server.url}/#/exchange`);
      await page.getByRole('tab', { name: 'Export bundle' }).waitFor({ timeout: 20_000 });
      await page.getByText('Department to assessment office').waitFor();
      await lookAt(page, 'exchange');
      await page.getByRole('tab', { name: 'Deliveries' }).click();
      await page.getByText('No bundle received yet').waitFor();
      await lookAt(page, 'exchange-senders');
    } catch (e) {
      await page.screenshot({ path: 'test-results/english-failed.png' });
      throw e;
    }
  }, 120_000);
});
