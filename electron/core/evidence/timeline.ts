// The per-person timeline of a year: the year's period ratings (one per period, "未评定" when
// missing) and the evidence touching the year, voided items included, in date order.
import type { PersonTimeline, TimelineEntry } from '../../../shared/api/evidence';
import { isoToday } from '../../../shared/domain/dates';
import type { PeriodRatingValue, PersonCategory } from '../../../shared/domain/types';
import { orderTimeline, touchesYear } from '../../../shared/evidence/timeline';
import { AppError } from '../../../shared/result';
import type { Ctx } from '../context';
import type { Db } from '../db/open';
import type { AttachmentView } from '../../../shared/api/attachments';
import { toView, VIEW_SELECT, type EvidenceViewRow } from './evidence-row';
import { personLeaveDays } from './leave-sql';
import { YearIndex } from './year-index';
import { many, one } from '../db/query';

interface PersonRow {
  id: string;
  person_no: string;
  name: string;
  unit_id: string;
  unit_name: string;
  category: PersonCategory;
  status: 'active' | 'left';
}

interface PeriodRow {
  id: string;
  code: string;
  label: string;
  seq: number;
  end_date: string;
  rating: PeriodRatingValue | null;
  work_record: string | null;
  comment: string | null;
  rater: string | null;
}

export function personTimeline(ctx: Pick<Ctx, 'db' | 'now'>, personId: string, year: number): PersonTimeline {
  const db = ctx.db;
  const p = one<PersonRow>(
    db,
    'SELECT p.id, p.person_no, p.name, p.unit_id, u.name AS unit_name, p.category, p.status FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = ?',
    personId,
  );
  if (!p) throw new AppError('NOT_FOUND', '找不到该人员。请刷新后重试。');
  const years = new YearIndex(db);
  const ay = years.yearFor(p.unit_id, year);
  const asOf = isoToday(ctx.now());

  // Periods of the person's agency year, plus any period of that calendar year they were rated in
  // elsewhere (a transfer brings earlier quarters along).
  const periods = many<PeriodRow>(
    db,
    `SELECT pr.id, pr.code, pr.label, pr.seq, pr.end_date, r.rating, r.work_record, r.comment, r.rater
     FROM period pr JOIN assessment_year y ON y.id = pr.year_id
     LEFT JOIN period_rating r ON r.period_id = pr.id AND r.person_id = @personId
     WHERE y.year = @year AND (y.id = @yearId OR r.id IS NOT NULL)
     ORDER BY pr.end_date, pr.seq`,
    { personId, year, yearId: ay?.id ?? null },
  );

  // A quarter rated in the earlier agency replaces the same, unrated quarter of the current one.
  const ratedCodes = new Set(periods.filter((r) => r.rating !== null || r.work_record !== null).map((r) => r.code));
  const shown = periods.filter((r) => r.rating !== null || r.work_record !== null || !ratedCodes.has(r.code));
  const entries: (TimelineEntry & { key: string })[] = shown.map((r) => ({
    type: 'rating',
    key: String(r.seq).padStart(3, '0') + r.id,
    date: r.end_date,
    periodId: r.id,
    periodCode: r.code,
    periodLabel: r.label,
    rating: r.rating,
    workRecord: r.work_record ?? '',
    comment: r.comment ?? '',
    rater: r.rater ?? '',
  }));

  const leaveDays = personLeaveDays(db, personId, year);
  const rows = many<EvidenceViewRow>(db, `${VIEW_SELECT} WHERE e.person_id = ? ORDER BY e.date, e.id`, personId);
  const attached = attachmentsByItem(db, personId);
  for (const r of rows) {
    const item = toView(r, years, asOf, r.kind === 'leave' ? leaveDays : null);
    if (touchesYear(item, year))
      entries.push({ type: 'evidence', key: item.id, date: item.date, item, attachments: attached.get(item.id) ?? [] });
  }

  const settings = years.settingsFor(p.unit_id, year);
  return {
    person: {
      id: p.id,
      personNo: p.person_no,
      name: p.name,
      unitId: p.unit_id,
      unitName: p.unit_name,
      category: p.category,
      status: p.status,
    },
    year,
    assessmentYear: ay ? { id: ay.id, stage: ay.stage } : null,
    entries: orderTimeline(entries).map(({ key: _key, ...e }) => e),
    leaveDays,
    leaveThreshold: settings.leaveDaysThreshold,
  };
}

/** The person's active 证明材料, by evidence item. */
function attachmentsByItem(db: Db, personId: string): Map<string, AttachmentView[]> {
  const rows = many<AttachmentView>(
    db,
    `SELECT a.id, a.evidence_id AS evidenceId, a.doc_no AS docNo, a.file_name AS fileName, a.mime, a.size, a.sha256,
            a.status, a.created_at AS createdAt, a.created_by AS createdBy
     FROM evidence_attachment a JOIN evidence e ON e.id = a.evidence_id
     WHERE e.person_id = ? AND a.status = 'active' ORDER BY a.created_at, a.id`,
    personId,
  );
  const out = new Map<string, AttachmentView[]>();
  for (const r of rows) {
    const list = out.get(r.evidenceId);
    if (list) list.push(r);
    else out.set(r.evidenceId, [r]);
  }
  return out;
}
