// Command-line commands of evidence of the year, the per-person timeline and the progress dashboard:
// `evidence-list` prints a person's year in date order; `missing` prints or exports who is not rated.
import { resolve } from 'node:path';
import { AppError } from '../../../shared/result';
import { EVIDENCE_KIND_LABEL, RATING_LABEL } from '../../../shared/domain/labels';
import { isoToday, yearOf } from '../../../shared/domain/dates';
import type { TimelineEntry } from '../../../shared/api/evidence';
import { personTimeline } from '../../core/evidence/timeline';
import { resolveYear, type YearScope } from '../../core/progress/year-scope';
import { missingRows } from '../../core/progress/missing';
import { writeMissingXlsx } from '../../core/progress/missing-export';
import { readCtx } from '../calls';
import { exitCodeOf } from '../exit-codes';
import type { Db } from '../../core/db/open';
import { flagString, type CliCommand } from '../command';
import { many, one } from '../../core/db/query';

function parseYear(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined) return fallback;
  return /^\d{4}$/.test(raw) ? Number(raw) : null;
}

function entryLine(e: TimelineEntry): string {
  if (e.type === 'rating') {
    return `${e.date}  平时考核 ${e.periodCode} ${e.periodLabel}：${e.rating ? RATING_LABEL[e.rating] : '未评定'}${e.workRecord ? `  工作纪实：${e.workRecord.slice(0, 40)}` : ''}`;
  }
  const i = e.item;
  const parts = [`${e.date}  ${EVIDENCE_KIND_LABEL[i.kind]}·${i.subKind}`];
  if (i.endDate) parts.push(`至 ${i.endDate}`);
  if (i.kind === 'leave' && i.days !== null) parts.push(`${i.days} 天`);
  if (i.effectPeriod) parts.push(`处分期 ${i.effectPeriod.start} 至 ${i.effectPeriod.end}`);
  if (i.investigationState === 'open') parts.push('（未结案）');
  if (i.docNo) parts.push(`文号 ${i.docNo}`);
  if (i.description) parts.push(i.description.slice(0, 60));
  if (i.status === 'voided') parts.push(`【已作废：${i.voidReason ?? ''}】`);
  return parts.join('  ');
}

/** The year of `--year Y` for the agency of `--unit NAME`, or the only agency that has it. */
function yearScopeFor(db: Db, year: number, unitName: string | undefined, now: Date): YearScope {
  const rows = many<{ id: string; name: string }>(
    db,
    'SELECT y.id, u.name FROM assessment_year y JOIN unit u ON u.id = y.unit_id WHERE y.year = ? AND (? IS NULL OR u.name = ?)',
    year,
    unitName ?? null,
    unitName ?? null,
  );
  if (rows.length === 0)
    throw new AppError(
      'NOT_FOUND',
      `没有 ${year} 年度的考核年度${unitName ? `（单位：${unitName}）` : ''}。请先在“年度设置”中新建。 / no assessment year ${year}`,
    );
  if (rows.length > 1)
    throw new AppError(
      'INVALID_INPUT',
      `${year} 年度有多个单位：${rows.map((r) => r.name).join('、')}。请用 --unit 指定单位名称。 / several agencies, pass --unit`,
    );
  return resolveYear(db, rows[0]!.id, now)!;
}

export const evidenceCommands: CliCommand[] = [
  {
    name: 'evidence-list',
    usage: 'evidence-list --person 人员编号 [--year 年度]',
    summary: "打印某人年度时间线（平时考核与事件） / print a person's timeline of the year",
    example: 'evidence-list --person C001 --year 2025',
    access: 'read',
    async run(args, env) {
      const { core, io } = env;
      const no = flagString(args, 'person');
      if (!no) {
        io.err('用法 / usage: evidence-list --person 人员编号 [--year 年度]');
        return 2;
      }
      const c = core();
      const now = c.now();
      const year = parseYear(flagString(args, 'year'), yearOf(isoToday(now)));
      if (year === null) {
        io.err('--year 应为四位年份，例如 2026 / --year must be a four-digit year');
        return 2;
      }
      const person = one<{ id: string }>(c.db, 'SELECT id FROM person WHERE person_no = ?', no.trim());
      if (!person) {
        io.err(`找不到人员编号 ${no} / no person numbered ${no}`);
        return exitCodeOf('NOT_FOUND');
      }
      const tl = personTimeline(await readCtx(env, ['evidence.read'], 'evidence.timeline'), person.id, year);
      io.out(`${tl.person.name}（${tl.person.personNo}，${tl.person.unitName}）${year} 年度时间线 / timeline`);
      if (tl.entries.length === 0) io.out('（本年度没有平时考核记录或事件 / nothing recorded this year）');
      for (const e of tl.entries) io.out(entryLine(e));
      io.out(`病事假合计 / leave days: ${tl.leaveDays} 天（阈值 ${tl.leaveThreshold} 天）`);
      return 0;
    },
  },
  {
    name: 'missing',
    usage: 'missing --year 年度 [--unit 单位] [--out 文件.xlsx]',
    summary: "未评定名单：打印或导出 Excel / who is missing which period's rating",
    example: 'missing --year 2025 --out ./未评定名单.xlsx',
    access: 'read',
    async run(args, env) {
      const { core, io } = env;
      const year = parseYear(flagString(args, 'year'), NaN);
      if (year === null || Number.isNaN(year)) {
        io.err('用法 / usage: missing --year 年度 [--unit 单位] [--out 文件.xlsx]');
        return 2;
      }
      const out = flagString(args, 'out');
      if (out !== undefined && !/\.xlsx$/i.test(out)) {
        io.err('--out 应为 .xlsx 文件 / --out must be an .xlsx file');
        return 2;
      }
      await readCtx(env, ['year.read'], 'progress.missing');
      const c = core();
      const scope = yearScopeFor(c.db, year, flagString(args, 'unit'), c.now());
      if (out) {
        const r = await writeMissingXlsx(c.db, scope, resolve(out));
        io.out(`已导出 ${r.rows} 行未评定记录到 ${r.path} / exported ${r.rows} rows`);
        return 0;
      }
      const rows = missingRows(c.db, scope);
      io.out(
        `${scope.agencyName} ${scope.year} 年度未评定 ${rows.length} 人次（截至 ${scope.today}） / ${rows.length} missing`,
      );
      for (const r of rows) io.out(`${r.unitName}\t${r.periodCode}\t${r.personNo}\t${r.name}`);
      return 0;
    },
  },
];
