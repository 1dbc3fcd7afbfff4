// A year's settings: read, validate with a Chinese message per field, update until the year is final.
// An update is one transaction with an audit entry holding before, after and the plain change list.
import { type z } from 'zod';
import { AppError } from '../../../shared/result';
import { yearSettings, type YearSettings } from '../../../shared/settings/year-settings';
import { PERIOD_KIND_LABEL } from '../../../shared/periods/calendar';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import { zodIssuesToChinese } from '../api/zod-messages';
import { assertSettingsEditable, settingsLocked } from './locks';
import { requireYear } from './year-repo';
import { describeSettingsChanges } from './settings-changes';
import { settingsFieldLabel } from './settings-labels';
import { poolIssues, unknownPoolDepartments } from './pool-check';
import { insertPeriods } from './year-service';
import { nextStamp } from '../stamps';
import { the } from '../db/query';

export interface SettingsIssue {
  /** the field's path, e.g. goodCap.share or eligibilityRules.3.effect */
  path: string;
  /** the field as the settings page names it */
  field: string;
  message: string;
}

/** The schema plus the rules that tie fields together. */
const checkedSettings = yearSettings.superRefine((s, ctx) => {
  if (s.quota.raisedShare < s.quota.share) {
    ctx.addIssue({
      code: 'custom',
      path: ['quota', 'raisedShare'],
      message: `不能低于优秀比例（${Math.round(s.quota.share * 1000) / 10}%）`,
    });
  }
  const seen = new Set<string>();
  s.eligibilityRules.forEach((r, i) => {
    if (seen.has(r.id))
      ctx.addIssue({
        code: 'custom',
        path: ['eligibilityRules', i, 'id'],
        message: `编号“${r.id}”重复，每条规则的编号应不同`,
      });
    seen.add(r.id);
  });
  poolIssues(s).forEach((i) => ctx.addIssue({ code: 'custom', ...i }));
  const ruleIds = new Set<string>();
  s.suggestion.rules.forEach((r, i) => {
    if (ruleIds.has(r.id))
      ctx.addIssue({ code: 'custom', path: ['suggestion', 'rules', i, 'id'], message: `编号“${r.id}”重复` });
    ruleIds.add(r.id);
  });
});

const SHARE_FIELDS = new Set(['share', 'raisedShare']);

function issueMessage(issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  if (typeof last === 'string' && SHARE_FIELDS.has(last) && (issue.code === 'too_big' || issue.code === 'too_small')) {
    return '应为 0% 至 100% 之间的比例';
  }
  return zodIssuesToChinese([issue])[0]!.message;
}

export function validateSettings(
  input: unknown,
): { ok: true; settings: YearSettings } | { ok: false; issues: SettingsIssue[] } {
  const r = checkedSettings.safeParse(input);
  if (r.success) return { ok: true, settings: r.data };
  return {
    ok: false,
    issues: r.error.issues.slice(0, 50).map((i) => ({
      path: i.path.map(String).join('.'),
      field: settingsFieldLabel(i.path),
      message: issueMessage(i),
    })),
  };
}

export function getSettings(ctx: Ctx, yearId: string): { settings: YearSettings; locked: boolean; updatedAt: string } {
  const y = requireYear(ctx.db, yearId);
  return { settings: y.settings, locked: settingsLocked(y.dto), updatedAt: y.dto.updatedAt };
}

export interface SettingsUpdateResult {
  settings: YearSettings;
  changes: string[];
  updatedAt: string;
}

export function updateSettings(
  ctx: Ctx,
  input: { yearId: string; settings: unknown; reason?: string; expectedUpdatedAt?: string },
): SettingsUpdateResult {
  return writeTx(ctx, () => {
    const y = requireYear(ctx.db, input.yearId);
    assertSettingsEditable(y.dto);
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== y.dto.updatedAt) {
      throw new AppError('CONFLICT', '年度设置已被他人修改，请刷新页面后再改。', { updatedAt: y.dto.updatedAt });
    }
    const v = validateSettings(input.settings);
    if (!v.ok) {
      throw new AppError(
        'INVALID_INPUT',
        `年度设置有误：${v.issues.map((i) => `${i.field}：${i.message}`).join('；')}`,
        { issues: v.issues.map((i) => ({ field: i.field, message: i.message, path: i.path })) },
      );
    }
    const unknown = unknownPoolDepartments(ctx.db, y.dto.unitId, v.settings);
    if (unknown) throw unknown;
    const before = y.settings;
    const after = v.settings;
    const changes = describeSettingsChanges(before, after);
    if (changes.length === 0) return { settings: before, changes, updatedAt: y.dto.updatedAt };
    if (before.periodKind !== after.periodKind) rebuildPeriods(ctx, y.dto.id, y.dto.year, before, after);
    const updatedAt = nextStamp(ctx, y.dto.updatedAt);
    ctx.db
      .prepare('UPDATE assessment_year SET settings_json = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(JSON.stringify(after), updatedAt, ctx.operator.id, y.dto.id);
    recordAudit(ctx, {
      action: 'year.settings.update',
      entity: 'assessment_year',
      entityId: y.dto.id,
      before: { settings: before },
      after: { settings: after, changes },
      reason: input.reason ?? '',
    });
    return { settings: after, changes, updatedAt };
  });
}

/** A new period kind replaces the calendar, allowed only while no period holds a record yet. */
function rebuildPeriods(ctx: Ctx, yearId: string, year: number, before: YearSettings, after: YearSettings): void {
  const used = the<{ n: number }>(
    ctx.db,
    `SELECT (SELECT count(*) FROM period_rating r JOIN period p ON p.id = r.period_id WHERE p.year_id = ?)
            + (SELECT count(*) FROM department_review d JOIN period p ON p.id = d.period_id WHERE p.year_id = ?) AS n`,
    yearId,
    yearId,
  );
  if (used.n > 0) {
    throw new AppError(
      'CONFLICT',
      `本年度已有平时考核记录，考核期间不能再从“${PERIOD_KIND_LABEL[before.periodKind]}”改为“${PERIOD_KIND_LABEL[after.periodKind]}”。`,
      { issues: [{ field: '考核期间', message: '已有平时考核记录，不能更改', path: 'periodKind' }] },
    );
  }
  try {
    ctx.db.prepare('DELETE FROM period WHERE year_id = ?').run(yearId);
  } catch {
    throw new AppError('CONFLICT', '其他记录引用了本年度的考核期间，不能更改考核期间。', { yearId });
  }
  insertPeriods(ctx, yearId, year, after.periodKind);
}
