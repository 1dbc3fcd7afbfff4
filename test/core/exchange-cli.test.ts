// The command line reads a 数据交换包 as the window does: conflicts listed one per line, nothing
// imported until each is settled (--take / --choose), the same bundle again changes nothing, and the
// contract's own commands (exchange senders) show who delivered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, seedStore, type SeededStore } from '../support/xlsx-fixtures';
import { runCli } from '../../electron/cli/index';
import { CLI_PASSWORD, insertCliOperator } from '../support/cli-fixtures';
import { EXIT_CODE } from '../../electron/cli/exit-codes';
import { runInline } from '../support/inline-task';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { ensureWorkstation } from '../../electron/core/exchange/workstation';

let office: TempCore;
let dept: TempCore;
let so: SeededStore;
let path: string;
beforeAll(async () => {
  office = tempCore();
  dept = tempCore();
  so = seedStore(office.ctx, 2);
  const sd = seedStore(dept.ctx, 2);
  await insertCliOperator(office.core, 'jingban', 'clerk');
  saveRatingsBatch(dept.ctx, [{ periodId: sd.periods.Q1!, personId: sd.people[0]!.id, rating: 'fair' }]);
  saveRatingsBatch(office.ctx, [{ periodId: so.periods.Q1!, personId: so.people[0]!.id, rating: 'poor' }]);
  path = join(dept.dir, 'bundle.dax');
  await runInline(dept, 'exchange.export', {
    direction: 'up',
    unitId: sd.departments['办公室'],
    yearId: sd.yearId,
    periodIds: [sd.periods.Q1],
    path,
    workstation: ensureWorkstation(dept.ctx),
    appVersion: '0.1.0',
  });
});
afterAll(() => {
  office.cleanup();
  dept.cleanup();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [...argv, '--data-dir', office.dir],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { vars: { NODE_ENV: 'test', DA_OPERATOR: 'jingban', DA_PASSWORD: CLI_PASSWORD }, prompt: null },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('import-bundle', () => {
  it('lists the conflict and imports nothing until it is settled; then once, and never again', async () => {
    const data = ['audit_log', 'operator'];
    const before = dumpStore(office.core.db, data);
    const refused = await cli('import-bundle', path);
    expect(refused.code).toBe(EXIT_CODE.INVALID_INPUT);
    expect(refused.err).toContain('冲突 rating:2026Q1:P0001');
    expect(refused.err).toContain('未导入任何数据');
    expect(dumpStore(office.core.db, data)).toBe(before);

    const ok = await cli('import-bundle', path, '--choose', 'rating:2026Q1:P0001=mine');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('交换包导入完成');
    expect(
      office.core.db
        .prepare('SELECT rating FROM period_rating WHERE period_id = ? AND person_id = ?')
        .pluck()
        .get(so.periods.Q1, so.people[0]!.id),
    ).toBe('poor');

    const again = await cli('import-bundle', path);
    expect(again.code).toBe(0);
    expect(again.out).toContain('没有新的变化');

    const senders = await cli('exchange', 'senders', '--json');
    expect(senders.code, senders.err).toBe(0);
    expect(JSON.parse(senders.out)).toEqual([
      expect.objectContaining({ unitLabel: '某区发改委 / 办公室', bundles: 1 }),
    ]);
  });
});
