// `demo`: (re)create the demo store — by default in ./.demo, so it never touches a real store.
import { runDemo } from '../../core/demo';
import { flagString, type CliCommand } from '../command';
import { writeDemoPack } from './pack';

export const demoCommands: CliCommand[] = [
  {
    name: 'demo',
    usage: 'demo [--people N] [--year YYYY] [--seed S] [--data-dir DIR] [--force]',
    summary: '生成演示数据（默认写入 ./.demo，以系统身份）/ create the demo store (default ./.demo, as the system)',
    example: 'demo --people 120 --year 2026',
    // the demo generator builds a store of its own (never the real one), as the system identity
    access: 'system',
    async run(args, { io }) {
      const peopleFlag = flagString(args, 'people');
      const seedFlag = flagString(args, 'seed');
      const people = peopleFlag === undefined ? 120 : Number(peopleFlag);
      const seed = seedFlag === undefined ? undefined : Number(seedFlag);
      const yearFlag = flagString(args, 'year');
      const year = yearFlag === undefined ? 2026 : Number(yearFlag);
      if (!Number.isInteger(year) || year < 2010 || year > 2100) {
        io.err('年度应为 2010 到 2100 之间的整数 / --year must be an integer from 2010 to 2100');
        return 2;
      }
      if (!Number.isInteger(people) || people < 1 || people > 50_000) {
        io.err('人数应为 1 到 50000 之间的整数 / --people must be an integer from 1 to 50000');
        return 2;
      }
      if (seed !== undefined && !Number.isInteger(seed)) {
        io.err('--seed 应为整数 / --seed must be an integer');
        return 2;
      }
      // The CLI's global default is the real data folder; the demo's default is ./.demo on purpose.
      const dataDir = flagString(args, 'data-dir') ?? '.demo';
      const run = await runDemo({
        dataDir,
        people,
        year,
        ...(seed !== undefined ? { seed } : {}),
        force: args.flags.force === true,
      });
      try {
        for (const line of run.lines) io.out(line);
        await writeDemoPack(run, io);
        io.out(
          `打开方式 / open it: 设置环境变量 DA_DATA_DIR=${run.dataDir} 后运行 npm start（set DA_DATA_DIR, then npm start）`,
        );
        return 0;
      } finally {
        run.core.close();
      }
    },
  },
];
