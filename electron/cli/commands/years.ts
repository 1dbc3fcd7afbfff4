// Command-line commands of assessment years: create a year for an agency (with its periods), list years.
import { AppError } from '../../../shared/result';
import { periodKind } from '../../../shared/domain/types';
import { STAGE_LABEL } from '../../../shared/domain/labels';
import { PERIOD_KIND_LABEL } from '../../../shared/periods/calendar';
import { call } from '../calls';
import { listAgencies } from '../../core/years/year-repo';
import { flagString, type CliCommand } from '../command';

export const yearsCommands: CliCommand[] = [
  {
    name: 'year-create',
    usage: 'year-create --unit 单位 --year 年度 [--period-kind quarter|month|half]',
    summary: '建立考核年度及其期间 / create an assessment year with its periods',
    example: 'year-create --unit 示例局 --year 2025 --operator jingban',
    access: 'write',
    async run(args, env) {
      const { core, io } = env;
      const unit = flagString(args, 'unit');
      const yearText = flagString(args, 'year');
      const kindText = flagString(args, 'period-kind') ?? 'quarter';
      const year = Number(yearText);
      const kind = periodKind.safeParse(kindText);
      if (!unit || !yearText || !Number.isInteger(year) || year < 2000 || year > 2100 || !kind.success) {
        io.err('用法 / usage: year-create --unit 单位名称或编号 --year 2026 [--period-kind quarter|month|half]');
        if (yearText && (!Number.isInteger(year) || year < 2000 || year > 2100))
          io.err(`年度应为 2000–2100 的整数 / year must be an integer 2000–2100: ${yearText}`);
        if (!kind.success)
          io.err(`期间类型应为 quarter、month 或 half / period kind must be quarter, month or half: ${kindText}`);
        return 2;
      }
      const c = core();
      const agencies = listAgencies(c.db);
      const agency = agencies.find((a) => a.id === unit || a.name === unit || a.code === unit);
      if (!agency) {
        throw new AppError(
          'NOT_FOUND',
          `找不到单位“${unit}”。现有单位：${agencies.map((a) => a.name).join('、') || '（无，请先导入人员名册）'} / unit not found`,
        );
      }
      const r = await call(env, 'years.create', { unitId: agency.id, year, periodKind: kind.data });
      io.out(
        `已建立 ${agency.name} ${year} 年度（${PERIOD_KIND_LABEL[kind.data]}，${r.periods.length} 个期间）/ year created: ${r.year.id}`,
      );
      for (const p of r.periods) io.out(`  ${p.code}  ${p.label}  ${p.startDate} — ${p.endDate}`);
      return 0;
    },
  },
  {
    name: 'years',
    usage: 'years',
    summary: '列出考核年度 / list assessment years',
    example: 'years',
    access: 'read',
    async run(_args, env) {
      const { io } = env;
      const years = await call(env, 'years.list', {});
      if (years.length === 0) {
        io.out('尚未建立考核年度 / no assessment years yet（year-create --unit 单位 --year 年度）');
        return 0;
      }
      io.out('年度 year  单位 unit  阶段 stage  编号 id');
      for (const y of years) io.out(`${y.year}  ${y.unitName}  ${STAGE_LABEL[y.stage]}  ${y.id}`);
      return 0;
    },
  },
];
