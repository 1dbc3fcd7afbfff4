// Command-line commands of units and people: the roster (人员名册), read-only views for checking a
// store without the window (writes: `roster create`, `units create`… or import-roster, with their audit).
import { CATEGORY_LABEL } from '../../../shared/domain/labels';
import type { PersonCategory } from '../../../shared/domain/types';
import { listPeople, listUnitNodes } from '../../core/roster';
import { flagString, type CliCommand } from '../command';
import { call, readCtx } from '../calls';
import { exitCodeOf } from '../exit-codes';

const CATEGORY_BY_LABEL: Record<string, PersonCategory> = {
  公务员: 'civil_servant',
  参公: 'civil_servant_managed',
  事业: 'institution',
};

export const rosterCommands: CliCommand[] = [
  {
    name: 'units',
    usage: 'units',
    summary: '列出单位和部门（含在职人数）/ list the unit tree with head counts',
    example: 'units',
    access: 'read',
    async run(_args, env) {
      const { io } = env;
      const { units } = await call(env, 'units.tree', {});
      if (units.length === 0) {
        io.out('还没有单位 / no units yet');
        return 0;
      }
      for (const u of units)
        io.out(`${'  '.repeat(u.depth)}${u.name}\t在职 active ${u.activeCount}\t离开 left ${u.leftCount}`);
      return 0;
    },
  },
  {
    name: 'people',
    usage: 'people [--unit 名称] [--search 文本] [--category 公务员|参公|事业] [--status active|left|all] [--limit N]',
    summary: '列出人员（制表符分隔）/ list people, tab-separated',
    example: 'people --unit 办公室',
    access: 'read',
    async run(args, env) {
      const { io } = env;
      const db = (await readCtx(env, ['roster.read'], 'roster.list')).db;
      const unitName = flagString(args, 'unit');
      const categoryLabel = flagString(args, 'category');
      const status = flagString(args, 'status') ?? 'active';
      const limit = flagString(args, 'limit');
      if (categoryLabel !== undefined && !CATEGORY_BY_LABEL[categoryLabel]) {
        io.err('人员类别应为 公务员、参公 或 事业 / --category must be 公务员, 参公 or 事业');
        return 2;
      }
      if (!['active', 'left', 'all'].includes(status)) {
        io.err('--status 应为 active、left 或 all / --status must be active, left or all');
        return 2;
      }
      if (limit !== undefined && !(Number.isInteger(Number(limit)) && Number(limit) > 0)) {
        io.err('--limit 应为正整数 / --limit must be a positive integer');
        return 2;
      }
      let unitId: string | undefined;
      if (unitName) {
        const matches = listUnitNodes(db).filter((u) => u.name === unitName);
        if (matches.length !== 1) {
          io.err(
            matches.length
              ? `有 ${matches.length} 个名为“${unitName}”的单位，请用 units 查看 / ambiguous unit name`
              : `找不到单位“${unitName}” / no such unit`,
          );
          return exitCodeOf(matches.length ? 'INVALID_INPUT' : 'NOT_FOUND');
        }
        unitId = matches[0]!.id;
      }
      const { rows, total } = listPeople(db, {
        ...(unitId ? { unitId } : {}),
        ...(categoryLabel ? { category: CATEGORY_BY_LABEL[categoryLabel] } : {}),
        status: status as 'active' | 'left' | 'all',
        ...(flagString(args, 'search') ? { search: flagString(args, 'search') } : {}),
        ...(limit ? { limit: Number(limit) } : {}),
      });
      io.out(['人员编号', '姓名', '性别', '部门', '职务职级', '类别', '状态'].join('\t'));
      for (const p of rows) {
        io.out(
          [
            p.personNo,
            p.name,
            p.gender ?? '',
            p.unitName,
            p.position ?? '',
            CATEGORY_LABEL[p.category],
            p.status === 'left' ? `离开 ${p.leftDate ?? ''}` : '在职',
          ].join('\t'),
        );
      }
      io.out(`共 ${total} 人 / ${total} people`);
      return 0;
    },
  },
];
