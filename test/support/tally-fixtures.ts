// 民主测评 as an office records it: the year's settings enable the step (years.updateSettings), then
// the tally sheet is imported (a real xlsx through imports.preview / imports.apply, the worker jobs).
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TempCore } from './temp-core';
import { apply, callOk, preview } from './import-flow';
import { writeXlsx } from './xlsx-fixtures';

export const TALLY_HEADER = ['人员编号', '姓名', '年度', '参加测评人数', '优秀票', '称职票', '基本称职票', '不称职票'];

export interface TallyRow {
  personNo: string;
  name: string;
  voters: number;
  excellent: number;
  competent: number;
  basic?: number;
  incompetent?: number;
}

export async function enableAppraisal(t: TempCore, yearId: string): Promise<void> {
  const { settings } = await callOk<{ settings: Record<string, unknown> }>(t, 'years.getSettings', { yearId });
  await callOk(t, 'years.updateSettings', { yearId, settings: { ...settings, democraticAppraisal: true } });
}

/** Enables 民主测评 for the year and imports the rows; fails the test on any issue. */
export async function importTallies(t: TempCore, yearId: string, year: number, rows: TallyRow[]): Promise<void> {
  await enableAppraisal(t, yearId);
  const path = join(t.dir, `民主测评-${year}.xlsx`);
  await writeXlsx(path, [
    {
      name: '民主测评',
      rows: [
        [`${year}年度民主测评票数`],
        TALLY_HEADER,
        ...rows.map((r) => [
          r.personNo,
          r.name,
          year,
          r.voters,
          r.excellent,
          r.competent,
          r.basic ?? 0,
          r.incompetent ?? 0,
        ]),
      ],
    },
  ]);
  const pv = await preview(t, 'tally', path);
  expect(pv.issues).toEqual([]);
  expect((await apply(t, pv.previewId, 'all')).status).toBe('done');
}
