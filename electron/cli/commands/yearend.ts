// Command-line commands of year end: `results` prints per person eligibility, suggestion, trace,
// final result and stage (JSON for scripts); `finalize` locks a year with the same guards as the app.
import { STAGE_LABEL, OUTCOME_LABEL } from '../../../shared/domain/labels';
import type { AppCore } from '../../core/app-core';
import { loadYearResults } from '../../core/yearend';
import { call, readCtx } from '../calls';
import { EXIT_USAGE, exitCodeOf } from '../exit-codes';
import { flagString, type CliCommand, type CliIo } from '../command';
import { many, one } from '../../core/db/query';

interface YearPick {
  yearId: string;
  agencyName: string;
  /** a department named by --unit: only its people are printed */
  departmentId: string | null;
}

/** --year Y [--unit U]: U is an agency or a department, by id, code or name. */
function pickYears(
  core: AppCore,
  yearText: string | undefined,
  unit: string | undefined,
  io: CliIo,
): YearPick[] | number {
  const year = Number(yearText);
  if (!yearText || !Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err('请用 --year 指定年度，如 --year 2026 / --year YYYY is required');
    return EXIT_USAGE;
  }
  const db = core.db;
  const years = many<{ id: string; unit_id: string; name: string }>(
    db,
    'SELECT y.id, y.unit_id, u.name FROM assessment_year y JOIN unit u ON u.id = y.unit_id WHERE y.year = ? ORDER BY u.sort_order, u.name',
    year,
  );
  if (!years.length) {
    io.err(`没有 ${year} 年度的考核年度 / no assessment year ${year}`);
    return exitCodeOf('NOT_FOUND');
  }
  if (!unit) return years.map((y) => ({ yearId: y.id, agencyName: y.name, departmentId: null }));
  const units = many<{ id: string; kind: string; name: string }>(
    db,
    'SELECT id, kind, name FROM unit WHERE id = ? OR code = ? OR name = ?',
    unit,
    unit,
    unit,
  );
  if (units.length !== 1) {
    io.err(
      units.length
        ? `有 ${units.length} 个单位与“${unit}”匹配，请改用编号 / ambiguous --unit`
        : `找不到单位“${unit}” / no such unit`,
    );
    return exitCodeOf(units.length ? 'INVALID_INPUT' : 'NOT_FOUND');
  }
  const u = units[0]!;
  // walk up to the agency that owns a year of Y
  let cur: string | null = u.id;
  while (cur) {
    const y = years.find((x) => x.unit_id === cur);
    if (y) return [{ yearId: y.id, agencyName: y.name, departmentId: u.kind === 'department' ? u.id : null }];
    cur = one<{ parent_id: string | null }>(db, 'SELECT parent_id FROM unit WHERE id = ?', cur)?.parent_id ?? null;
  }
  io.err(`“${u.name}”所属单位没有 ${year} 年度 / no year ${year} for that unit`);
  return exitCodeOf('NOT_FOUND');
}

export const yearendCommands: CliCommand[] = [
  {
    name: 'results',
    usage: 'results --year Y [--unit 单位或部门] [--json]',
    summary: '年终考核结果：资格、建议等次及依据、最终结果、阶段 / year-end results per person',
    example: 'results --year 2025 --json',
    access: 'read',
    async run(args, env) {
      const { core, io } = env;
      await readCtx(env, ['yearend.read'], 'yearend.workbench');
      const picks = pickYears(core(), flagString(args, 'year'), flagString(args, 'unit'), io);
      if (typeof picks === 'number') return picks;
      const now = core().now();
      const out = picks.map((p) => {
        const r = loadYearResults(core().db, p.yearId, now);
        const people = r.people.filter((x) => !p.departmentId || x.person.unitId === p.departmentId);
        return {
          yearId: r.yearId,
          year: r.year,
          agency: r.agencyName,
          stage: r.stage,
          stageLabel: STAGE_LABEL[r.stage],
          settingsAsDecided: r.settingsAsDecided,
          quotaUnits: r.units.map((u) => ({
            key: u.key,
            label: u.label,
            base: u.base,
            allowed: u.allowed,
            used: u.used,
            approvedOverrides: u.approvedOverrides,
            explanation: u.explanation,
          })),
          people: people.map((x) => ({
            personNo: x.person.personNo,
            name: x.person.name,
            department: x.person.unitName,
            category: x.person.category,
            eligibility: {
              outcome: x.eligibility.outcome,
              label: OUTCOME_LABEL[x.eligibility.outcome],
              forcedIncompetent: x.eligibility.forcedIncompetent,
              maxGrade: x.eligibility.maxGrade,
              rules: x.eligibility.fired.map((f) => ({
                ruleId: f.ruleId,
                label: f.label,
                effect: f.effect,
                note: f.note,
              })),
            },
            suggestion: x.suggestion,
            trace: x.traceText,
            flags: x.flags,
            final: x.decision
              ? {
                  outcome: x.decision.outcome,
                  grade: x.decision.grade,
                  label: x.decision.label,
                  reason: x.decision.reason,
                  approvalDocNo: x.decision.approvalDocNo,
                }
              : null,
            consequences: x.consequences.map((c) => c.label),
            stage: r.stage,
          })),
        };
      });
      if (args.flags.json) {
        io.out(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
        return 0;
      }
      for (const y of out) {
        io.out(`${y.agency} ${y.year} 年度 — ${y.stageLabel} / stage ${y.stage}`);
        for (const u of y.quotaUnits)
          io.out(`  名额 quota ${u.label}: 优秀 ${u.used}/${u.allowed}（${u.explanation}）`);
        for (const p of y.people)
          io.out(
            `${p.personNo}\t${p.name}\t${p.department}\t建议 ${p.suggestion.label}\t最终 ${p.final?.label ?? '未决定'}\t${p.trace.split('\n')[0]}`,
          );
      }
      return 0;
    },
  },
  {
    name: 'finalize',
    usage: 'finalize --year Y --unit 单位',
    summary: '定档（锁定）：公示期满、无未处理异议、全部决定且不超名额 / finalise a year with the app’s guards',
    example: 'finalize --year 2025 --unit 示例局 --operator jingban',
    access: 'write',
    async run(args, env) {
      const { core, io } = env;
      if (!flagString(args, 'unit')) {
        io.err('请用 --unit 指定单位 / --unit is required');
        return 2;
      }
      const picks = pickYears(core(), flagString(args, 'year'), flagString(args, 'unit'), io);
      if (typeof picks === 'number') return picks;
      const pick = picks[0]!;
      const st = await call(env, 'yearend.transition', { yearId: pick.yearId, to: 'final' });
      io.out(
        `已定档 / finalised: ${st.unitName} ${st.year} 年度，${st.counts.people} 人；定档前备份 / backup: ${st.finalBackup ?? '无'}`,
      );
      return 0;
    },
  },
];
