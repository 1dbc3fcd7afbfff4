// The office's own registration-form labels and extra rows, kept per year (app_meta key
// pack.form.<yearId>), so a re-printed year keeps them; each save is audited.
import {
  FORM_LABELS,
  registrationFormOptions,
  type RegistrationFormOptions,
} from '../../../shared/sheets/registration-form';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import type { Db } from '../db/open';
import { requireYear } from '../years/year-repo';
import { one } from '../db/query';

const key = (yearId: string) => `pack.form.${yearId}`;

export function readFormOptions(db: Db, yearId: string): RegistrationFormOptions {
  const row = one<{ value: string }>(db, 'SELECT value FROM app_meta WHERE key = ?', key(yearId));
  if (!row) return { labels: {}, extraFields: [] };
  const parsed = registrationFormOptions.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : { labels: {}, extraFields: [] };
}

export function saveFormOptions(ctx: Ctx, yearId: string, options: RegistrationFormOptions): RegistrationFormOptions {
  const year = requireYear(ctx.db, yearId).dto;
  if (year.stage === 'final' || year.stage === 'archived') {
    throw new AppError('LOCKED', '该年度已定档，登记表的标签和栏目不能再修改（重印须与定档时一致）。');
  }
  // labels equal to the defaults are not stored, so a later release's wording still applies to them
  const labels = Object.fromEntries(
    Object.entries(options.labels ?? {}).filter(([k, v]) => FORM_LABELS[k as keyof typeof FORM_LABELS] !== v),
  );
  const next = { labels, extraFields: [...new Set(options.extraFields ?? [])] };
  return writeTx(ctx, () => {
    const before = readFormOptions(ctx.db, yearId);
    ctx.db
      .prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key(yearId), JSON.stringify(next));
    recordAudit(ctx, { action: 'pack.form.save', entity: 'assessment_year', entityId: yearId, before, after: next });
    return next;
  });
}
