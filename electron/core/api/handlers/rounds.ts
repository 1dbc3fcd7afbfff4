// Handlers of 报送期限: deadlines read and set (year.write, locked with a decided year), the delivery
// status narrowed to the operator's departments, and the reminder list written to a chosen path.
import type { HandlerMap } from '../handler';
import type { roundsMethods } from '../../../../shared/api/rounds';
import { AppError } from '../../../../shared/result';
import { unitsInScope } from '../../auth/scope';
import { resolveYear } from '../../progress/year-scope';
import { getDeadlines, setDeadlines } from '../../rounds/deadlines';
import { deliveryStatus } from '../../rounds/delivery';
import { writeReminderXlsx } from '../../rounds/reminder-export';
import { assertGranted } from './desktop';

export const roundsHandlers: Pick<HandlerMap, keyof typeof roundsMethods> = {
  'rounds.deadlines': (ctx, { yearId }) => getDeadlines(ctx.db, yearId),
  'rounds.setDeadlines': (ctx, input) => setDeadlines(ctx, input),
  'rounds.status': (ctx, { yearId }) => deliveryStatus(ctx.db, yearId, ctx.now(), unitsInScope(ctx)),
  'rounds.exportReminders': async (ctx, { yearId, path }, session) => {
    assertGranted(session, path);
    if (!/\.xlsx$/i.test(path))
      throw new AppError('INVALID_INPUT', '请保存为 .xlsx 格式的 Excel 文件。', {
        issues: [{ field: 'path', message: '文件名应以 .xlsx 结尾' }],
      });
    const visible = unitsInScope(ctx);
    const scope = resolveYear(ctx.db, yearId, ctx.now(), visible);
    if (!scope) throw new AppError('NOT_FOUND', '找不到该考核年度。');
    return writeReminderXlsx(ctx.db, scope, deliveryStatus(ctx.db, yearId, ctx.now(), visible), path);
  },
};
