// The year-end state row of a year (snapshot time, notice dates, settings as decided, final backup).
import type { Ctx } from '../context';
import { stamp } from '../context';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import type { YearendStateRow } from '../db/rows';
import { one } from '../db/query';

export interface YearEndState {
  yearId: string;
  snapshotAt: string | null;
  snapshotBy: string | null;
  noticeStart: string | null;
  noticeDays: number | null;
  noticeEnd: string | null;
  noticePlace: string;
  decidedSettingsJson: string | null;
  /** the official calendar's years the year was counted on, kept at finalisation */
  decidedCalendarJson: string | null;
  finalBackup: string | null;
  archivedAt: string | null;
  updatedAt: string;
}

type Row = Omit<YearendStateRow, 'updated_by'>;

export function readYearState(db: Db, yearId: string): YearEndState | null {
  const r = one<Row>(db, 'SELECT * FROM yearend_state WHERE year_id = ?', yearId);
  if (!r) return null;
  return {
    yearId: r.year_id,
    snapshotAt: r.snapshot_at,
    snapshotBy: r.snapshot_by,
    noticeStart: r.notice_start,
    noticeDays: r.notice_days,
    noticeEnd: r.notice_end,
    noticePlace: r.notice_place,
    decidedSettingsJson: r.decided_settings_json,
    decidedCalendarJson: r.decided_calendar_json,
    finalBackup: r.final_backup,
    archivedAt: r.archived_at,
    updatedAt: r.updated_at,
  };
}

/** Upserts the given fields (call inside the writeTx of the stage change that sets them). */
export function writeYearState(
  ctx: Ctx,
  yearId: string,
  fields: Partial<Omit<YearEndState, 'yearId' | 'updatedAt'>>,
): void {
  const now = stamp(ctx);
  stmt(ctx.db, 'INSERT OR IGNORE INTO yearend_state (year_id, updated_at, updated_by) VALUES (?, ?, ?)').run(
    yearId,
    now,
    ctx.operator.id,
  );
  const cols: Record<keyof typeof fields, string> = {
    snapshotAt: 'snapshot_at',
    snapshotBy: 'snapshot_by',
    noticeStart: 'notice_start',
    noticeDays: 'notice_days',
    noticeEnd: 'notice_end',
    noticePlace: 'notice_place',
    decidedSettingsJson: 'decided_settings_json',
    decidedCalendarJson: 'decided_calendar_json',
    finalBackup: 'final_backup',
    archivedAt: 'archived_at',
  };
  const entries = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== undefined);
  if (!entries.length) return;
  const sql = `UPDATE yearend_state SET ${entries.map((k) => `${cols[k]} = @${k}`).join(', ')}, updated_at = @now, updated_by = @by WHERE year_id = @yearId`;
  stmt(ctx.db, sql).run({
    ...Object.fromEntries(entries.map((k) => [k, fields[k]])),
    now,
    by: ctx.operator.id,
    yearId,
  });
}
