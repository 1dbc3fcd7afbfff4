// Contract of the official calendar (法定节假日与调休): what counts as a working day for the 公示 and
// every working-day count. The office reads it, edits a year, reads a small spreadsheet of a year's
// days (a worker job; the days come back to be saved with calendar.save), or resets a year.
import { z } from 'zod';
import { method } from './contract';
import { jobState } from './jobs';
import { importIssue } from '../import/types';

const year = z.number().int().min(1990).max(2200);
export const calendarDayDto = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().max(40),
});
export type CalendarDayDto = z.infer<typeof calendarDayDto>;

const yearInput = z.strictObject({ year, basis: z.string().max(200), days: z.array(calendarDayDto).max(120) });

export const calendarYearDto = z.object({
  year: z.number().int(),
  source: z.enum(['shipped', 'office']),
  basis: z.string(),
  days: z.array(calendarDayDto),
  meta: z
    .object({
      source: z.enum(['manual', 'import']),
      fileName: z.string().nullable(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    })
    .nullable(),
  shipped: z.boolean(),
  keptBy: z.array(z.object({ yearId: z.string(), year: z.number().int(), unitName: z.string() })),
});
export type CalendarYearDto = z.infer<typeof calendarYearDto>;

export const calendarOverviewDto = z.object({
  shippedSource: z.string(),
  shippedFirst: z.number().int(),
  shippedLast: z.number().int(),
  years: z.array(
    z.object({
      year: z.number().int(),
      source: z.enum(['shipped', 'office']),
      basis: z.string(),
      holidays: z.number().int(),
      workdays: z.number().int(),
    }),
  ),
});
export type CalendarOverviewDto = z.infer<typeof calendarOverviewDto>;

/** What a calendar spreadsheet holds, read in a worker: the days by year, or the cells that are wrong. */
export const calendarFileDto = z.object({
  fileName: z.string(),
  sha256: z.string(),
  years: z.array(yearInput),
  issues: z.array(importIssue),
});
export type CalendarFileDto = z.infer<typeof calendarFileDto>;

export const calendarMethods = {
  'calendar.overview': method({
    summary: '节假日日历：各年份的来源（内置/本单位录入）与天数',
    permission: 'year.read',
    input: z.strictObject({}),
    output: calendarOverviewDto,
  }),
  'calendar.get': method({
    summary: '某一年的放假与调休上班日期（未录入的年份返回 null）',
    permission: 'year.read',
    input: z.strictObject({ year }),
    output: calendarYearDto.nullable(),
  }),
  'calendar.save': method({
    summary: '保存一个或多个年份的节假日安排（整年替换，一个事务，记入审计）',
    permission: 'year.write',
    input: z.strictObject({
      years: z.array(yearInput).min(1).max(10),
      source: z.enum(['manual', 'import']),
      fileName: z.string().max(260).nullable().optional(),
      fileSha256: z.string().max(64).nullable().optional(),
    }),
    output: z.array(calendarYearDto),
  }),
  'calendar.reset': method({
    summary: '删除本单位录入的某年安排，恢复内置数据（记入审计）',
    permission: 'year.write',
    input: z.strictObject({ year, reason: z.string().max(500) }),
    output: calendarYearDto.nullable(),
  }),
  'calendar.readFile': method({
    summary: '读取节假日表格（后台任务：检查文件、逐格校验；不写入，确认后用“保存”）',
    permission: 'year.write',
    input: z.strictObject({ path: z.string().min(1).max(1000) }),
    output: jobState,
  }),
};
