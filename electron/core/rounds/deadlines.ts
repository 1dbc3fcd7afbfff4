// 报送期限: read and set the day each department's ratings of a period are due. A period's default
// (unit_id '') holds every department without its own date. Setting replaces the listed periods'
// dates in one transaction with one audit entry (before and after); a decided year is locked, as its
// settings are (and the table's triggers refuse a write that slips past this check).
import type { DeadlinesDto, DeadlinesInput } from '../../../shared/api/rounds';
import { deadlinesInput } from '../../../shared/api/rounds';
import { compareIso, addDays } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { assertSettingsEditable, settingsLocked } from '../years/locks';
import { listPeriods, requireYear } from '../years/year-repo';
import { zodIssuesToChinese } from '../api/zod-messages';
import { departmentsOfAgency } from './departments';
import { many } from '../db/query';

/** A due date later than this after the period's end is almost surely a typing slip. */
const MAX_DAYS_AFTER_END = 366;

interface DeadlineRow {
  period_id: string;
  unit_id: string;
  due_on: string;
}

/** period id → (unit id or '' for the default) → due date */
export function deadlineMap(db: Db, yearId: string): Map<string, Map<string, string>> {
  const rows = many<DeadlineRow>(
    db,
    'SELECT d.period_id, d.unit_id, d.due_on FROM period_deadline d JOIN period p ON p.id = d.period_id WHERE p.year_id = ?',
    yearId,
  );
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const m = out.get(r.period_id) ?? new Map<string, string>();
    m.set(r.unit_id, r.due_on);
    out.set(r.period_id, m);
  }
  return out;
}

/** The date a department is held to: its own, else the period's default, else none. */
export function dueOf(map: Map<string, Map<string, string>>, periodId: string, unitId: string): string | null {
  const m = map.get(periodId);
  return m?.get(unitId) ?? m?.get('') ?? null;
}

export function getDeadlines(db: Db, yearId: string): DeadlinesDto {
  const y = requireYear(db, yearId);
  const map = deadlineMap(db, yearId);
  const departments = departmentsOfAgency(db, y.dto.unitId);
  return {
    yearId,
    year: y.dto.year,
    locked: settingsLocked(y.dto),
    periods: listPeriods(db, yearId).map((p) => ({
      periodId: p.id,
      code: p.code,
      label: p.label,
      startDate: p.startDate,
      endDate: p.endDate,
      defaultDue: map.get(p.id)?.get('') ?? null,
      departments: departments.map((d) => ({ unitId: d.id, unitName: d.name, due: map.get(p.id)?.get(d.id) ?? null })),
    })),
  };
}

function refuse(message: string, field: string): never {
  throw new AppError('INVALID_INPUT', message, { issues: [{ field, message }] });
}

export function setDeadlines(ctx: Ctx, raw: DeadlinesInput): DeadlinesDto {
  const parsed = deadlinesInput.safeParse(raw);
  if (!parsed.success) {
    const issues = zodIssuesToChinese(parsed.error.issues);
    throw new AppError('INVALID_INPUT', `报送期限有误：${issues.map((i) => `${i.field}：${i.message}`).join('；')}`, {
      issues,
    });
  }
  const input = parsed.data;
  return writeTx(ctx, () => {
    const y = requireYear(ctx.db, input.yearId);
    assertSettingsEditable(y.dto);
    const periods = new Map(listPeriods(ctx.db, input.yearId).map((p) => [p.id, p]));
    const departments = new Map(departmentsOfAgency(ctx.db, y.dto.unitId).map((d) => [d.id, d.name]));
    const before = getDeadlines(ctx.db, input.yearId);
    const at = stamp(ctx);
    const seen = new Set<string>();
    input.periods.forEach((p, i) => {
      const period = periods.get(p.periodId);
      if (!period)
        refuse(`第 ${i + 1} 个期间不属于 ${y.dto.year} 年度，请刷新页面后重新设定。`, `periods.${i}.periodId`);
      if (seen.has(p.periodId)) refuse(`${period.label}重复列出，每个期间只能设定一次。`, `periods.${i}.periodId`);
      seen.add(p.periodId);
      const check = (due: string, who: string, field: string) => {
        if (compareIso(due, period.startDate) < 0)
          refuse(
            `${period.label}${who}的报送期限 ${due} 早于该期间开始（${period.startDate}），请改为期间开始之后的日期。`,
            field,
          );
        if (compareIso(due, addDays(period.endDate, MAX_DAYS_AFTER_END)) > 0)
          refuse(`${period.label}${who}的报送期限 ${due} 晚于期间结束一年以上，请检查年份。`, field);
      };
      if (p.defaultDue) check(p.defaultDue, '（各部门默认）', `periods.${i}.defaultDue`);
      const units = new Set<string>();
      p.departments.forEach((d, j) => {
        const name = departments.get(d.unitId);
        if (!name)
          refuse(
            `${period.label}第 ${j + 1} 个部门不是本单位的部门，请刷新页面后重新选择。`,
            `periods.${i}.departments.${j}.unitId`,
          );
        if (units.has(d.unitId)) refuse(`${period.label}中“${name}”重复列出。`, `periods.${i}.departments.${j}.unitId`);
        units.add(d.unitId);
        check(d.due, `“${name}”`, `periods.${i}.departments.${j}.due`);
      });
      stmt(ctx.db, 'DELETE FROM period_deadline WHERE period_id = ?').run(p.periodId);
      const insert = stmt(
        ctx.db,
        'INSERT INTO period_deadline (period_id, unit_id, due_on, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)',
      );
      if (p.defaultDue) insert.run(p.periodId, '', p.defaultDue, at, ctx.operator.displayName);
      for (const d of p.departments) insert.run(p.periodId, d.unitId, d.due, at, ctx.operator.displayName);
    });
    const after = getDeadlines(ctx.db, input.yearId);
    recordAudit(ctx, {
      action: 'rounds.deadlines.save',
      entity: 'assessment_year',
      entityId: input.yearId,
      before: summary(before, seen),
      after: summary(after, seen),
    });
    return after;
  });
}

/** What the audit keeps: per changed period its default and the departments with their own date, by name. */
function summary(d: DeadlinesDto, periods: Set<string>) {
  return d.periods
    .filter((p) => periods.has(p.periodId))
    .map((p) => ({
      period: p.code,
      defaultDue: p.defaultDue,
      departments: p.departments.filter((x) => x.due).map((x) => ({ unit: x.unitName, due: x.due })),
    }));
}
