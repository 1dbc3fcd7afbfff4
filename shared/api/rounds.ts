// Contract of 报送期限 (rounds with deadlines): the day each department's ratings of a period are due
// (a default per period, a department's own date over it), who is overdue, the reminder list to
// print, and who delivered when and how (template import, exchange bundle, typed in), read from the
// ratings' audit entries.
import { z } from 'zod';
import { method } from './contract';
import { id, isoDate } from '../domain/types';

const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0);

export const deliveryVia = z.enum(['template', 'bundle', 'typed', 'other']);
export type DeliveryVia = z.infer<typeof deliveryVia>;

export const periodDeadlines = z.object({
  periodId: id,
  code: text(10),
  label: text(20),
  startDate: isoDate,
  endDate: isoDate,
  /** the date every department is held to unless it has its own */
  defaultDue: isoDate.nullable(),
  departments: z.array(z.object({ unitId: id, unitName: text(100), due: isoDate.nullable() })),
});
export type PeriodDeadlines = z.infer<typeof periodDeadlines>;

export const deadlinesDto = z.object({
  yearId: id,
  year: z.number().int(),
  /** a decided year keeps its deadlines */
  locked: z.boolean(),
  periods: z.array(periodDeadlines),
});
export type DeadlinesDto = z.infer<typeof deadlinesDto>;

export const deadlinesInput = z.strictObject({
  yearId: id,
  /** each period listed has its deadlines replaced by these; periods left out keep theirs */
  periods: z
    .array(
      z.strictObject({
        periodId: id,
        defaultDue: isoDate.nullable(),
        departments: z
          .array(z.strictObject({ unitId: id, due: isoDate }))
          .max(2000)
          .default([]),
      }),
    )
    .min(1, '请至少设定一个期间的报送期限')
    .max(60),
});
export type DeadlinesInput = z.input<typeof deadlinesInput>;

export const deliveryRow = z.object({
  periodId: id,
  periodCode: text(10),
  periodLabel: text(20),
  unitId: id,
  unitName: text(100),
  /** the department's date (its own or the period's default); null when none is set */
  due: isoDate.nullable(),
  expected: count,
  rated: count,
  missing: count,
  /** every person due a rating here has one (the dashboard's completeness) */
  delivered: z.boolean(),
  /** the last change that completed it, from the audit log */
  deliveredAt: z.string().nullable(),
  deliveredOn: isoDate.nullable(),
  deliveredBy: text(40).nullable(),
  via: deliveryVia.nullable(),
  /** the file imported or the workstation that sent the bundle */
  viaDetail: text(300).nullable(),
  /** how the department's current ratings came in, by way */
  byVia: z.object({ template: count, bundle: count, typed: count, other: count }),
  /** due date passed and not delivered */
  overdue: z.boolean(),
  daysOverdue: count,
  /** delivered after the due date */
  late: z.boolean(),
});
export type DeliveryRow = z.infer<typeof deliveryRow>;

export const deliveryStatus = z.object({
  yearId: id,
  year: z.number().int(),
  agencyName: text(100),
  asOf: isoDate,
  rows: z.array(deliveryRow),
  overdue: count,
  delivered: count,
});
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

export const roundsMethods = {
  'rounds.deadlines': method({
    summary: '报送期限：每期默认期限与各部门期限',
    permission: 'year.read',
    input: z.strictObject({ yearId: id }),
    output: deadlinesDto,
  }),
  'rounds.setDeadlines': method({
    summary: '设定报送期限（按期间，默认与部门单独期限）',
    permission: 'year.write',
    input: deadlinesInput,
    output: deadlinesDto,
  }),
  'rounds.status': method({
    summary: '报送情况：各部门各期是否报齐、何时由谁以何种方式报送、是否逾期',
    permission: 'year.read',
    input: z.strictObject({ yearId: id }),
    output: deliveryStatus,
  }),
  'rounds.exportReminders': method({
    summary: '导出催报清单（Excel，A4 可打印）',
    permission: 'year.read',
    input: z.strictObject({ yearId: id, path: z.string().min(1).max(1000) }),
    output: z.object({ rows: count, path: z.string() }),
  }),
};
