// 数据交换包 for a 500-person department, through the same worker jobs the window uses: the
// department's export (roster, four quarters of ratings, a year's evidence), the office's preview
// and apply into a store that has the department but none of its people, and the re-import (which
// changes nothing). The floor is the same records as plain JSON through the zip writer alone.
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { tempCore, type TempCore } from '../support/temp-core';
import { createPerson, createUnit } from '../../electron/core/roster';
import { createYear } from '../../electron/core/years/year-service';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { createEvidenceBatch } from '../../electron/core/evidence/evidence-service';
import { ensureWorkstation } from '../../electron/core/exchange/workstation';
import { collectParts } from '../../electron/core/exchange/records';
import { exportScope } from '../../electron/core/exchange/scope';
import { writeZip } from '../../electron/core/exchange/zip-write';
import { EXCHANGE_HEAP_MB } from '../../electron/core/api/handlers/exchange';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { newId } from '../../electron/core/ids';
import type { ExchangePreview, ExchangeResult } from '../../shared/exchange/preview';
import type { BenchRow } from './run';

const PEOPLE = Number(process.env.BENCH_EXCHANGE_PEOPLE ?? 500);
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';

function store(withPeople: boolean): { t: TempCore; deptId: string; yearId: string; periodIds: string[] } {
  const t = tempCore({ now: () => new Date('2026-12-20T02:00:00Z') });
  const agency = createUnit(t.ctx, { parentId: null, name: '某区发改委' });
  const dept = createUnit(t.ctx, { parentId: agency.id, name: '综合业务科' });
  const year = createYear(t.ctx, { unitId: agency.id, year: 2026, periodKind: 'quarter' });
  const periodIds = year.periods.map((p) => p.id);
  if (withPeople) {
    const ids: string[] = [];
    for (let i = 0; i < PEOPLE; i++)
      ids.push(
        createPerson(t.ctx, {
          personNo: `X${String(i + 1).padStart(5, '0')}`,
          name: SURNAMES[i % 20]! + GIVEN[Math.floor(i / 20) % 20]! + GIVEN[i % 7],
          unitId: dept.id,
          category: 'civil_servant',
          hireDate: '2018-03-01',
        }).id,
      );
    const levels = ['fair', 'fair', 'fair', 'average', 'good'] as const;
    for (const periodId of periodIds)
      saveRatingsBatch(
        t.ctx,
        ids.map((personId, i) => ({
          periodId,
          personId,
          rating: levels[i % 5] === 'good' && i % 10 !== 0 ? 'fair' : levels[i % 5],
          workRecord: `完成本季度各项工作任务，参与重点项目第 ${(i % 9) + 1} 项。`,
          rater: '科长',
        })),
      );
    createEvidenceBatch(
      t.ctx,
      ids.map((personId, i) => ({
        personId,
        kind: 'leave',
        subKind: '事假',
        date: `2026-0${(i % 9) + 1}-10`,
        endDate: `2026-0${(i % 9) + 1}-14`,
        days: 5,
        description: '',
        docNo: '',
      })),
      { audit: 'batch' },
    );
  }
  return { t, deptId: dept.id, yearId: year.year.id, periodIds };
}

export async function bench(): Promise<BenchRow[]> {
  const dept = store(true);
  const office = store(false);
  try {
    const path = join(dept.t.dir, 'bundle.dax');
    const workstation = ensureWorkstation(dept.t.ctx, '综合业务科');
    ensureWorkstation(office.t.ctx, '考核办');
    const request = { direction: 'up' as const, unitId: dept.deptId, yearId: dept.yearId, path };
    const e0 = performance.now();
    await dept.t.core.jobs.run('echo', { value: 1 }, SYSTEM_OPERATOR);
    const bootMs = performance.now() - e0;
    const t0 = performance.now();
    await dept.t.core.jobs.run(
      'exchange.export',
      { ...request, workstation, appVersion: dept.t.core.appVersion },
      SYSTEM_OPERATOR,
      { maxHeapMb: EXCHANGE_HEAP_MB },
    );
    const exportMs = performance.now() - t0;
    const bytes = statSync(path).size;

    // floor: the same records collected and zipped, no worker, no audit
    const f0 = performance.now();
    const { collect } = exportScope(dept.t.core.db, request);
    const parts = collectParts(dept.t.core.db, collect);
    writeZip(Object.entries(parts).map(([name, r]) => ({ name, data: Buffer.from(JSON.stringify(r)) })));
    const floorMs = performance.now() - f0;

    const run = <T>(task: string, input: unknown) =>
      office.t.core.jobs.run<T>(task, input, SYSTEM_OPERATOR, { maxHeapMb: EXCHANGE_HEAP_MB });
    const p0 = performance.now();
    const preview = await run<ExchangePreview>('exchange.preview', { path, previewId: newId() });
    const previewMs = performance.now() - p0;
    if (preview.counts.new !== PEOPLE * 6)
      throw new Error(`unexpected preview counts ${JSON.stringify(preview.counts)}`);
    const a0 = performance.now();
    const result = await run<ExchangeResult>('exchange.apply', {
      path,
      expectedSha256: preview.bundle.sha256,
      choices: [],
    });
    const applyMs = performance.now() - a0;
    if (!result.applied) throw new Error('bundle not applied');
    const r0 = performance.now();
    const again = await run<ExchangePreview>('exchange.preview', { path, previewId: newId() });
    const repreviewMs = performance.now() - r0;
    if (again.counts.new || again.counts.changed || again.counts.conflict) throw new Error('re-import not unchanged');
    const records = `${PEOPLE} 人、${PEOPLE * 4} 条平时考核、${PEOPLE} 条事件`;
    return [
      { name: `交换包大小（${PEOPLE} 人部门）`, ours: bytes / 1024, unit: 'KB', note: records },
      { name: '空任务（工作线程启动）', ours: bootMs, unit: 'ms', note: '每个后台任务都含这部分' },
      {
        name: '导出交换包（后台任务）',
        ours: exportMs,
        floor: floorMs,
        unit: 'ms',
        note: 'floor：同样记录收集并压缩，不经任务与审计',
      },
      { name: '预览交换包（检查、校验、比对）', ours: previewMs, unit: 'ms', note: `新增 ${preview.counts.new} 条` },
      { name: '导入交换包（一个事务）', ours: applyMs, unit: 'ms', note: '逐条经名册、事件、平时考核服务写入并审计' },
      { name: '再次预览同一交换包', ours: repreviewMs, unit: 'ms', note: '已导入过：全部未变' },
    ];
  } finally {
    dept.t.cleanup();
    office.t.cleanup();
  }
}
