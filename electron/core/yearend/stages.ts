// Stages of a year's year end: collecting → review (suggestions frozen) → notice (公示) → final
// (locked, backup first, settings kept as decided) → archived. Each step has guards named in Chinese.
import { AppError } from '../../../shared/result';
import { compareIso, isIsoDate, isoToday } from '../../../shared/domain/dates';
import { STAGE_LABEL } from '../../../shared/domain/labels';
import type { YearStage } from '../../../shared/domain/types';
import { noticeEndDate } from '../../../shared/rules';
import { CalendarGapError } from '../../../shared/calendar/official-calendar';
import { calendarOfYear, keptCopy, loadCalendar } from '../calendar/calendar-repo';
import { recordAudit } from '../audit/audit-log';
import { freezePackData } from '../pack/pack-data';
import { backupNow } from '../backup/backup';
import { stamp, writeTx, type Ctx } from '../context';
import { requireYear } from '../years/year-repo';
import { takeSnapshot } from './snapshot';
import { stmt } from '../db/statements';
import { loadYearView, type YearView } from './view';
import { readYearState, writeYearState } from './year-state';
import { the } from '../db/query';

export interface TransitionInput {
  yearId: string;
  to: YearStage;
  /** 公示开始日期 (to notice) */
  noticeStart?: string;
  /** where objections are raised (to notice) */
  noticePlace?: string;
  /** why a step goes back (review → collecting, notice → review) */
  reason?: string;
  /** the clerk confirms a 公示 start before today (a notice already posted on paper, entered late) */
  confirmPastStart?: boolean;
}

export interface TransitionCheck {
  to: YearStage;
  label: string;
  /** going back a stage (needs a reason) */
  back: boolean;
  blockers: string[];
  warnings: string[];
}

const FORWARD: Record<YearStage, YearStage | null> = {
  collecting: 'review',
  review: 'notice',
  notice: 'final',
  final: 'archived',
  archived: null,
};
const BACK: Partial<Record<YearStage, YearStage>> = { review: 'collecting', notice: 'review' };

const ACTION_LABEL: Record<YearStage, string> = {
  collecting: '退回平时采集',
  review: '进入审核（冻结建议）',
  notice: '开始公示',
  final: '定档（锁定）',
  archived: '归档',
};
/** Going back is named as going back: from 公示 the button must not read like 进入审核 (the forward step). */
const BACK_LABEL: Partial<Record<YearStage, string>> = {
  collecting: '退回平时采集',
  review: '撤销公示，退回审核',
};

function missingRatings(view: YearView): { people: number; cells: number } {
  let people = 0;
  let cells = 0;
  const periods = view.ev.periods;
  for (const p of view.people) {
    if (p.result.eligibility.outcome !== 'graded' || p.dto.superiorAssessed) continue;
    let n = 0;
    for (const period of periods) {
      // due only for the periods the person was here for (hired before its end, not gone before its start)
      if (p.dto.hireDate && compareIso(p.dto.hireDate, period.endDate) > 0) continue;
      if (p.dto.status === 'left' && p.dto.leftDate && compareIso(p.dto.leftDate, period.startDate) < 0) continue;
      const r = p.input.ratings.find((x) => x.periodCode === period.code);
      if (!r || !r.rating) n++;
    }
    if (n) {
      people++;
      cells += n;
    }
  }
  return { people, cells };
}

function openObjections(ctx: Pick<Ctx, 'db'>, yearId: string): number {
  return the<{
    n: number;
  }>(ctx.db, `SELECT COUNT(*) AS n FROM yearend_objection WHERE year_id = ? AND status = 'open'`, yearId).n;
}

/** What each possible step from the current stage needs; the UI shows blockers before the click. */
export function checkTransitions(ctx: Pick<Ctx, 'db' | 'now'>, yearId: string, view?: YearView): TransitionCheck[] {
  const year = requireYear(ctx.db, yearId).dto;
  const v = view ?? loadYearView(ctx, yearId);
  const today = isoToday(ctx.now());
  const out: TransitionCheck[] = [];
  const fwd = FORWARD[year.stage];
  if (fwd) {
    const blockers: string[] = [];
    const warnings: string[] = [];
    const undecided = v.people.filter((p) => !p.decision).length;
    const over = v.units.filter((u) => u.over);
    if (fwd === 'review') {
      const m = missingRatings(v);
      if (m.people) blockers.push(`还有 ${m.people} 人共 ${m.cells} 个期间的平时考核未评，请先在“平时考核”中补齐`);
      if (v.ev.settings.onlyReviewedPeriodsCount) {
        // left out, not blocking: the office decides whether to finish the quarter's review first
        const open = v.ev.periods.filter((p) => p.reviewStatus !== 'reviewed');
        if (open.length)
          warnings.push(
            `本年度设定“年终只计入已复核的期间”：${open.map((p) => p.label).join('、')}尚未复核，其结果不计入年终建议；如要计入，请先在“平时考核 · 复核”中完成复核`,
          );
      }
      if (!v.people.length) blockers.push('本年度没有考核人员，请先在“人员名册”中录入人员');
    }
    if (fwd === 'notice' || fwd === 'final') {
      if (undecided) blockers.push(`还有 ${undecided} 人未确定考核结果`);
      for (const u of over) blockers.push(`“${u.label}”优秀 ${u.used} 名，超过名额 ${u.allowed} 名且缺少批准文号`);
    }
    if (fwd === 'final') {
      const st = readYearState(ctx.db, yearId);
      if (!st?.noticeEnd) blockers.push('尚未公示');
      else if (compareIso(today, st.noticeEnd) <= 0) blockers.push(`公示期至 ${st.noticeEnd} 止，公示期满后方可定档`);
      const open = openObjections(ctx, yearId);
      if (open) blockers.push(`还有 ${open} 条异议未处理完毕`);
    }
    if (fwd === 'notice' || fwd === 'final') {
      const changed = v.people.filter((p) => p.change === 'grade').length;
      if (changed) warnings.push(`${changed} 人的建议在冻结后因记录变化而改变，请在“与快照的差异”中逐一核对`);
    }
    out.push({ to: fwd, label: ACTION_LABEL[fwd], back: false, blockers, warnings });
  }
  const back = BACK[year.stage];
  if (back)
    out.push({ to: back, label: BACK_LABEL[back] ?? ACTION_LABEL[back], back: true, blockers: [], warnings: [] });
  return out;
}

/** The notice's last day on the year's official calendar; a year missing from the calendar is named. */
function noticeEndOn(ctx: Pick<Ctx, 'db'>, yearId: string, start: string, days: number): string {
  try {
    return noticeEndDate(calendarOfYear(ctx.db, yearId), start, days);
  } catch (e) {
    if (e instanceof CalendarGapError)
      throw new AppError('INVALID_INPUT', `不能开始公示：${e.message}`, { field: 'noticeStart', years: e.years });
    throw e;
  }
}

/** Moves the year one stage (forward or back), after its guards; final takes a backup first. */
export async function transition(ctx: Ctx, input: TransitionInput): Promise<void> {
  const year = requireYear(ctx.db, input.yearId).dto;
  const check = checkTransitions(ctx, input.yearId).find((c) => c.to === input.to);
  if (!check) {
    throw new AppError(
      'LOCKED',
      `${year.year} 年度当前为“${STAGE_LABEL[year.stage]}”，不能直接转到“${STAGE_LABEL[input.to]}”。`,
      { from: year.stage, to: input.to },
    );
  }
  if (check.blockers.length)
    throw new AppError('LOCKED', `不能${check.label}：${check.blockers.join('；')}。`, { blockers: check.blockers });
  if (check.back && (input.reason ?? '').trim().length < 2)
    throw new AppError('INVALID_INPUT', `${check.label}须填写原因（将记入审计日志）。`, { field: 'reason' });
  let noticeStart: string | null = null;
  let backdated = false;
  if (input.to === 'notice') {
    noticeStart = input.noticeStart ?? null;
    if (!noticeStart || !isIsoDate(noticeStart))
      throw new AppError('INVALID_INPUT', '请填写公示开始日期（YYYY-MM-DD）。', { field: 'noticeStart' });
    const today = isoToday(ctx.now());
    // A start in the past shortens the notice people actually see: refused unless the clerk says the
    // notice was already posted on that day (entered late), which the audit entry keeps.
    backdated = compareIso(noticeStart, today) < 0;
    if (backdated && !input.confirmPastStart)
      throw new AppError(
        'INVALID_INPUT',
        `公示开始日期（${noticeStart}）早于今天（${today}）：公示期应从张贴之日算起。如公示确已于该日张贴、现补录，请勾选“公示已于该日张贴（补录）”后再提交；否则请改为今天或以后的日期。`,
        { field: 'noticeStart', today },
      );
  }
  let backupFile: string | null = null;
  if (input.to === 'final') {
    // the store as it stood just before locking, so a mistaken finalisation can be undone by restore
    backupFile = (await backupNow(ctx.db, ctx.dataDir, 'before-finalize', { now: ctx.now() })).file;
  }
  writeTx(ctx, () => {
    const now = stamp(ctx);
    const current = requireYear(ctx.db, input.yearId);
    if (current.dto.stage !== year.stage) throw new AppError('CONFLICT', '年度阶段已被他人更改，请刷新后重试。');
    const before = { stage: year.stage, noticeStart: year.noticeStart };
    let extra: Record<string, unknown> = {};
    if (input.to === 'review' && !check.back) {
      const view = loadYearView(ctx, input.yearId);
      const n = takeSnapshot(ctx, input.yearId, view.ev);
      writeYearState(ctx, input.yearId, { snapshotAt: now, snapshotBy: ctx.operator.id });
      extra = { snapshotPeople: n };
    }
    if (input.to === 'notice') {
      const days = current.settings.noticeWorkingDays;
      const end = noticeEndOn(ctx, input.yearId, noticeStart!, days);
      writeYearState(ctx, input.yearId, {
        noticeStart,
        noticeDays: days,
        noticeEnd: end,
        noticePlace: (input.noticePlace ?? '').trim(),
      });
      stmt(ctx.db, 'UPDATE assessment_year SET notice_start = ? WHERE id = ?').run(noticeStart, input.yearId);
      extra = { noticeStart, noticeDays: days, noticeEnd: end, ...(backdated ? { backdated: true } : {}) };
    }
    if (input.to === 'review' && check.back) {
      writeYearState(ctx, input.yearId, { noticeStart: null, noticeDays: null, noticeEnd: null });
      stmt(ctx.db, 'UPDATE assessment_year SET notice_start = NULL WHERE id = ?').run(input.yearId);
    }
    if (input.to === 'final') {
      writeYearState(ctx, input.yearId, {
        decidedSettingsJson: current.settingsJson,
        decidedCalendarJson: JSON.stringify(keptCopy(loadCalendar(ctx.db), current.dto.year)),
        finalBackup: backupFile,
      });
      stmt(ctx.db, 'UPDATE assessment_year SET finalized_at = ?, finalized_by = ? WHERE id = ?').run(
        now,
        ctx.operator.id,
        input.yearId,
      );
      extra = {
        finalBackup: backupFile,
        settingsKept: true,
        calendarKept: keptCopy(loadCalendar(ctx.db), current.dto.year).map((c) => c.year),
      };
    }
    if (input.to === 'archived') writeYearState(ctx, input.yearId, { archivedAt: now });
    stmt(ctx.db, 'UPDATE assessment_year SET stage = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
      input.to,
      now,
      ctx.operator.id,
      input.yearId,
    );
    recordAudit(ctx, {
      action: `yearend.stage.${input.to}`,
      entity: 'assessment_year',
      entityId: input.yearId,
      before,
      after: { stage: input.to, ...extra },
      reason: (input.reason ?? '').trim() || check.label,
    });
    if (input.to === 'final') {
      // everything the pack prints is kept with the year; its summary table prints the entry above
      const frozen = freezePackData(ctx, input.yearId);
      recordAudit(ctx, {
        action: 'yearend.pack.freeze',
        entity: 'assessment_year',
        entityId: input.yearId,
        after: frozen,
        reason: '定档：保存本年度考核材料（此后重印均以此为准）',
      });
    }
  });
}
