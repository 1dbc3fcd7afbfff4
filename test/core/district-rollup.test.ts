// 全区汇总 on real stores: the office's store holds two agencies — 某区发改委, whose 办公室 reports
// from its own workstation in an exchange bundle (applied here), and 区教育局, kept here and decided
// to final. The roll-up's row of each agency equals the 合计 row of that agency's own 统计备案表 (the
// engine's count), the total adds them, the sender is named; bad input is refused naming the field;
// the A4 sheet reads back cell for cell, prints on A4 landscape, and its export is audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import { ensureWorkstation } from '../../electron/core/exchange/workstation';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import type { DistrictRollup } from '../../shared/api/rollup';
import type { ExchangePreview } from '../../shared/exchange/preview';
import type { Result } from '../../shared/result';
import type { JobState } from '../../electron/core/jobs/runner';
import { buildDistrictRollup } from '../../shared/sheets/district-rollup';
import { buildPackModels, scopeFor } from '../../shared/sheets/pack-sheets';
import { runInline } from '../support/inline-task';
import { readBackDifferences } from '../support/pack-readback';
import { fitsA4, hasLibreOffice, pdfPages, xlsxToPdf } from '../support/print-pdf';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedStore, type SeededStore } from '../support/xlsx-fixtures';
import { seedYearEnd, type SeedPerson } from '../support/yearend-fixtures';
import { generateDemo } from '../../electron/core/demo/generate';

let office: TempCore;
let dept: TempCore;
let so: SeededStore;
let sd: SeededStore;
const now = () => new Date('2026-11-25T02:00:00Z');
beforeEach(() => {
  office = tempCore({ now });
  dept = tempCore({ now });
  so = seedStore(office.ctx, 3);
  sd = seedStore(dept.ctx, 3);
});
afterEach(() => {
  office.cleanup();
  dept.cleanup();
});

const call = async <T>(method: string, input: unknown): Promise<Result<T>> =>
  (await dispatch(office.core, office.session, method, input)) as Result<T>;
const ok = async <T>(method: string, input: unknown): Promise<T> => {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
/** A job method: started, waited for on the pushed states, its value once done. */
const jobValue = async <T>(method: string, input: unknown): Promise<T> => {
  const started = await ok<JobState>(method, input);
  expect(started).toMatchObject({ task: method, status: 'running' });
  const end = await office.core.jobs.wait(started.id);
  expect(end.status, JSON.stringify(end.error)).toBe('done');
  return end.value as T;
};

// 区教育局: 10 people — three excellent candidates for two places, one 记过 (comments only), one
// leader assessed by the superior
const education: SeedPerson[] = [
  ...[1, 2, 3].map((i) => ({ no: `E0${i}`, name: `教优${i}`, ratings: '好 好 好 好' })),
  ...[4, 5, 6, 7, 8].map((i) => ({ no: `E0${i}`, name: `教员${i}`, dept: 1, ratings: '较好 较好 较好 较好' })),
  {
    no: 'E09',
    name: '教过九',
    ratings: '较好 较好 较好 较好',
    evidence: [{ kind: 'sanction' as const, subKind: '记过', date: '2026-03-01', docNo: '纪〔2026〕8号' }],
  },
  { no: 'E10', name: '教领十', ratings: '好 好 好 好', superior: true },
];

/** The 合计 row of an agency's own 统计备案表, as printed. */
function statisticsTotal(yearId: string, name: string): unknown[] {
  const data = loadPackData(office.ctx, yearId);
  const [model] = buildPackModels(data, scopeFor(data, null, name), ['statistics']);
  const row = model!.rows.find((r) => r.cells[0]?.v === '合计')!;
  return row.cells.slice(1).map((c) => c.v);
}

describe('district roll-up (全区汇总)', () => {
  it('counts each agency as its own statistics table does, names the bundle’s sender, and prints on A4', async () => {
    // 办公室 rates Q1 on its own workstation and sends it up; the office applies the bundle
    const d = sd.departments['办公室']!;
    const people = dept.core.db.prepare('SELECT id FROM person WHERE unit_id = ?').pluck().all(d) as string[];
    saveRatingsBatch(
      dept.ctx,
      people.map((personId) => ({ periodId: sd.periods.Q1!, personId, rating: 'good', workRecord: '按时完成' })),
    );
    const bundle = join(dept.dir, '办公室-2026Q1.dax');
    const ws = ensureWorkstation(dept.ctx, '发改委办公室工作站');
    await runInline(dept, 'exchange.export', {
      direction: 'up',
      unitId: d,
      yearId: sd.yearId,
      periodIds: [sd.periods.Q1],
      path: bundle,
      workstation: ws,
      appVersion: dept.core.appVersion,
    });
    ensureWorkstation(office.ctx);
    const p = await runInline<ExchangePreview>(office, 'exchange.preview', { path: bundle, previewId: 'x' });
    await runInline(office, 'exchange.apply', { path: bundle, expectedSha256: p.bundle.sha256, choices: [] });

    // 区教育局 is kept in the office's store and decided to final
    const edu = seedYearEnd(office.ctx, { agency: '区教育局', departments: ['教研室', '办公室'], people: education });
    await ok('yearend.transition', { yearId: edu.yearId, to: 'review' });
    await ok('yearend.bulkAccept', { yearId: edu.yearId, departmentId: null });
    for (const [no, grade] of [
      ['E01', 'excellent'],
      ['E02', 'excellent'],
      ['E03', 'competent'],
      ['E10', 'excellent'],
    ] as const)
      await ok('yearend.decide', {
        yearId: edu.yearId,
        personId: edu.ids.get(no),
        outcome: 'graded',
        grade,
        reason: grade === 'competent' ? '名额有限，考核委员会投票决定' : '',
        // E02 beyond the one place, with the approval; E10 from the superior's notice
        approvalDocNo: no === 'E10' ? '区委组〔2026〕3号' : no === 'E02' ? '区考核委〔2026〕9号' : '',
      });
    await ok('yearend.transition', {
      yearId: edu.yearId,
      to: 'notice',
      noticeStart: '2026-11-16',
      confirmPastStart: true,
    });
    await ok('yearend.transition', { yearId: edu.yearId, to: 'final' });

    const r = await jobValue<DistrictRollup>('rollup.district', { year: 2026 });
    expect(r.rows.map((x) => [x.agencyName, x.stageLabel])).toEqual([
      ['区教育局', '已定档'],
      ['某区发改委', '平时采集'],
    ]);
    const eduRow = r.rows[0]!;
    const ndrc = r.rows[1]!;
    expect(ndrc.deliveries).toEqual([
      expect.objectContaining({ unitLabel: '某区发改委 / 办公室', bundles: 1, workstation: '发改委办公室工作站' }),
    ]);
    expect(eduRow.deliveries).toEqual([]);
    // each row is its agency's own 统计备案表 合计 row
    for (const [row, yearId] of [
      [ndrc, so.yearId],
      [eduRow, edu.yearId],
    ] as const) {
      expect(
        [
          row.due,
          row.assessed,
          row.excellent,
          row.competent,
          row.basic,
          row.incompetent,
          row.commentsOnly,
          row.deferred,
          row.notAssessed,
          row.excellentShare,
        ],
        row.agencyName,
      ).toEqual(statisticsTotal(yearId, row.agencyName));
    }
    expect(eduRow).toMatchObject({
      due: 10,
      assessed: 10,
      excellent: 3,
      competent: 6,
      commentsOnly: 1,
      allowed: 1,
      used: 2,
      approvedOverrides: 1,
      superiorAssessed: 1,
      decided: 10,
    });
    expect(r.total).toMatchObject({
      due: ndrc.due + 10,
      excellent: ndrc.excellent + 3,
      allowed: ndrc.allowed + eduRow.allowed,
      decided: 10,
    });

    // bad input: refused naming the field, in Chinese
    const early = await call('rollup.district', { year: 1999 });
    expect(!early.ok && early.error.message).toContain('考核年度应在 2000 至 2100 之间');
    const text = await call('rollup.district', { year: '2026' });
    expect(!text.ok && text.error.message).toContain('考核年度应为数字');
    const none = await jobValue<DistrictRollup>('rollup.district', { year: 2030 });
    expect(none).toMatchObject({ rows: [], withoutYear: ['区教育局', '某区发改委'] });

    // the A4 sheet: written, read back cell for cell, audited
    const out = mkdtempSync(join(tmpdir(), 'da-rollup-'));
    try {
      const file = join(out, '全区汇总2026.xlsx');
      const notGranted = await call('rollup.exportDistrict', { year: 2026, path: file });
      expect(!notGranted.ok && notGranted.error.code).toBe('FORBIDDEN');
      grantPath(office.session, file);
      const written = await jobValue<{ path: string; agencies: number; pages: number }>('rollup.exportDistrict', {
        year: 2026,
        path: file,
      });
      expect(written).toMatchObject({ agencies: 2, pages: 1 });
      // kept for a look at the printed page (xlsx-print-preview test-results/district-rollup.xlsx)
      mkdirSync('test-results', { recursive: true });
      copyFileSync(file, 'test-results/district-rollup.xlsx');
      const model = buildDistrictRollup(r, '全区');
      expect(await readBackDifferences(file, [model])).toEqual([]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getCell('A1').value).toBe('全区2026年度考核结果汇总统计表');
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
      const audit = office.core.db
        .prepare("SELECT after_json FROM audit_log WHERE action = 'rollup.export'")
        .pluck()
        .all() as string[];
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!)).toMatchObject({ year: 2026, agencies: ['区教育局', '某区发改委'] });
      if (hasLibreOffice()) {
        const pages = pdfPages(xlsxToPdf(file, out));
        expect(pages.count).toBe(written.pages);
        for (const s of pages.sizes) expect(fitsA4(s) && s.w > s.h).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);

  it('is a job: one progress step per agency, pushed, and a cancel stops it before the next agency', async () => {
    const district = tempCore({ now });
    try {
      const names = generateDemo(district.ctx, { people: 1000 }).agencies.map((a) => a.name);
      expect(names.length).toBeGreaterThan(2);
      const start = async (input: unknown) => {
        const r = await dispatch(district.core, district.session, 'rollup.district', input);
        if (!r.ok) throw new Error(r.error.message);
        return r.value as JobState;
      };
      const seen: JobState[] = [];
      const stop = district.core.jobs.subscribe((st) => seen.push(st));
      const job = await start({ year: 2026 });
      const end = await district.core.jobs.wait(job.id);
      stop();
      expect(end.status, JSON.stringify(end.error)).toBe('done');
      expect((end.value as DistrictRollup).rows.map((r) => r.agencyName).sort()).toEqual([...names].sort());
      const steps = seen.filter((st) => st.id === job.id && st.status === 'running' && st.total > 0);
      // every agency named while it is counted, out of the store's agencies, up to the whole
      for (const name of names)
        expect(
          steps.some((st) => st.message === `正在汇总 ${name}`),
          name,
        ).toBe(true);
      expect(steps.every((st) => st.total === names.length)).toBe(true);
      expect(steps.at(-1)).toMatchObject({ done: names.length, message: '汇总完成' });

      // cancelled as soon as it starts: the worker stops at the first agency's check
      const cancelled = await start({ year: 2026 });
      const c = await dispatch(district.core, district.session, 'jobs.cancel', { jobId: cancelled.id });
      expect(c.ok).toBe(true);
      expect(await district.core.jobs.wait(cancelled.id)).toMatchObject({ status: 'cancelled' });
    } finally {
      district.cleanup();
    }
  }, 120_000);
});
