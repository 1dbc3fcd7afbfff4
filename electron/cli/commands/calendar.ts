// `import-calendar FILE`: a spreadsheet of the year's 放假 and 调休上班 days read and saved in one
// command (calendar.readFile in a worker, then calendar.save as an audited import), as the settings
// page's 导入 does in two clicks. Every bad cell is printed on its own line and nothing is saved.
// Showing and editing a year are the contract commands `calendar get|overview|save|reset`.
import { resolve } from 'node:path';
import type { CalendarFileDto } from '../../../shared/api/calendar';
import { call, callJob, grant } from '../calls';
import type { CliCommand } from '../command';
import { exitCodeOf } from '../exit-codes';

export const calendarCommands: CliCommand[] = [
  {
    name: 'import-calendar',
    usage: 'import-calendar FILE',
    summary:
      '导入节假日表格（放假与调休上班日期，整年替换，记入审计）/ import a year’s holidays and make-up working days',
    example: 'import-calendar ./2027年节假日安排.xlsx --operator jingban',
    access: 'write',
    async run(args, env) {
      const file = args.positional[0];
      if (!file) {
        env.io.err('用法 / usage: import-calendar FILE --operator 用户名');
        return 2;
      }
      const path = resolve(file);
      await grant(env, path);
      const read = await callJob<CalendarFileDto>(env, 'calendar.readFile', { path });
      if (read.issues.length) {
        env.io.err(
          `${read.fileName}：发现 ${read.issues.length} 处错误，未导入 / ${read.issues.length} bad cells, nothing saved:`,
        );
        for (const i of read.issues)
          env.io.err(
            `  ${i.sheet} 第 ${i.row} 行${i.column ? ` ${i.column} 列` : ''}${i.header ? `（${i.header}）` : ''}：${i.problem}`,
          );
        return exitCodeOf('IMPORT_REJECTED');
      }
      const saved = await call(env, 'calendar.save', {
        years: read.years,
        source: 'import',
        fileName: read.fileName,
        fileSha256: read.sha256,
      });
      for (const y of saved) {
        const count = (k: 'holiday' | 'workday') => y.days.filter((d) => d.kind === k).length;
        env.io.out(
          `已导入 ${y.year} 年：放假 ${count('holiday')} 天，调休上班 ${count('workday')} 天${y.basis ? `（${y.basis}）` : ''} / saved ${y.year}`,
        );
      }
      return 0;
    },
  },
];
