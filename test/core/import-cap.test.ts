// A ratings import that pushes a department over the cap on 好 says so before it is applied (in the
// preview, in the engine's words) and after (in the result), like the grid does; one that stays
// within the cap says nothing. Real xlsx files through the import jobs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedStore, writeXlsx, type SeededStore } from '../support/xlsx-fixtures';
import { apply, preview } from '../support/import-flow';
import type { ImportResult } from '../../shared/import/types';

let t: TempCore;
let s: SeededStore;
beforeEach(() => {
  t = tempCore();
  s = seedStore(t.ctx, 4); // four people per department; 40% of 4, rounded down: 1 好 allowed
});
afterEach(() => t.cleanup());

const HEADER = ['人员编号', '姓名', '期间', '等次'];

async function file(name: string, grades: string[]): Promise<string> {
  const path = join(t.dir, name);
  const firstDept = s.people.slice(0, 4);
  await writeXlsx(path, [{ rows: [HEADER, ...firstDept.map((p, i) => [p.personNo, p.name, '2026Q2', grades[i]])] }]);
  return path;
}

describe('ratings import and the cap on 好', () => {
  it('names the department pushed over the cap in the preview and in the result', async () => {
    const dept = Object.keys(s.departments)[0];
    const p = await preview(t, 'ratings', await file('over.xlsx', ['好', '好', '好', '较好']), {
      periodId: s.periods.Q2,
    });
    expect(p.capBlocks).toBe(false);
    expect(p.capWarnings).toHaveLength(1);
    expect(p.capWarnings[0]).toContain(`${dept}：“好” 3 人，超过上限 1 人`);
    expect(p.capWarnings[0]).toContain('第二季度');
    const r = (await apply(t, p.previewId, 'all')).value as ImportResult;
    expect(r.added).toBe(4);
    expect(r.capWarnings).toHaveLength(1);
    expect(r.message).toContain('注意：');
    expect(r.message).toContain('超过上限 1 人');
  }, 60_000);

  it('says nothing when the file stays within the cap', async () => {
    const p = await preview(t, 'ratings', await file('within.xlsx', ['好', '较好', '较好', '一般']), {
      periodId: s.periods.Q2,
    });
    expect(p.capWarnings).toEqual([]);
    const r = (await apply(t, p.previewId, 'all')).value as ImportResult;
    expect(r.capWarnings).toEqual([]);
    expect(r.message).not.toContain('上限');
  }, 60_000);
});
