// 姓氏笔画 order through the store: the roster sorted in SQL (stroke_key), the workbench sorted in core
// and the pack's filing order all follow the one comparator of shared/names/stroke-order.ts.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { newSession, type Session } from '../../electron/core/api/session';
import { SYSTEM_OPERATOR } from '../../electron/core/context';
import { runDemo, type DemoRun } from '../../electron/core/demo';
import { loadPackData } from '../../electron/core/pack/pack-data';
import { orderPersons } from '../../shared/sheets/pack-sheets';
import { compareByStrokes, comparePersons } from '../../shared/names/stroke-order';
import { tempDir } from '../support/temp-core';

let run: DemoRun;
let session: Session;
let yearId: string;
let dir: string;

beforeAll(async () => {
  dir = tempDir('da-person-order-');
  run = await runDemo({ dataDir: dir, people: 40, now: () => new Date('2026-12-20T02:00:00Z') });
  session = newSession();
  session.operator = SYSTEM_OPERATOR;
  yearId = run.summary.agencies[0]!.yearId;
});
afterAll(() => {
  run?.core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(run.core, session, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value as T;
}

type Person = { name: string; personNo: string };
const inStrokeOrder = (people: Person[]) =>
  people.every((p, i) => i === 0 || comparePersons('strokes', people[i - 1]!, p) <= 0);

describe('姓氏笔画 order through the store', () => {
  it('sorts the roster in SQL by stroke_key, a page at a time the same as the whole', async () => {
    const all = await call<{ rows: Person[]; total: number }>('roster.list', { sort: 'strokes', status: 'all' });
    expect(all.rows.length).toBeGreaterThan(30);
    expect(inStrokeOrder(all.rows)).toBe(true);
    // not the 人员编号 order: the demo's names are not numbered by strokes
    expect(all.rows.map((p) => p.personNo)).not.toEqual(all.rows.map((p) => p.personNo).sort());
    const page2 = await call<{ rows: Person[] }>('roster.list', {
      sort: 'strokes',
      status: 'all',
      offset: 10,
      limit: 10,
    });
    expect(page2.rows.map((p) => p.personNo)).toEqual(all.rows.slice(10, 20).map((p) => p.personNo));
    const desc = await call<{ rows: Person[] }>('roster.list', { sort: 'strokes', order: 'desc', status: 'all' });
    expect(compareByStrokes(desc.rows[0]!.name, desc.rows.at(-1)!.name)).toBeGreaterThanOrEqual(0);
  });

  it('orders the workbench inside each department by strokes when asked, by 人员编号 otherwise', async () => {
    type Wb = { rows: { person: Person & { departmentId: string } }[]; total: number };
    const byStrokes = await call<Wb>('yearend.workbench', { yearId, personOrder: 'strokes', limit: 500 });
    const byNo = await call<Wb>('yearend.workbench', { yearId, limit: 500 });
    expect(byStrokes.total).toBe(byNo.total);
    const depts = (w: Wb) => [...new Set(w.rows.map((r) => r.person.departmentId))];
    expect(depts(byStrokes)).toEqual(depts(byNo)); // departments keep their order
    for (const d of depts(byStrokes)) {
      const inDept = byStrokes.rows.filter((r) => r.person.departmentId === d).map((r) => r.person);
      expect(inStrokeOrder(inDept), d).toBe(true);
      const numbered = byNo.rows.filter((r) => r.person.departmentId === d).map((r) => r.person.personNo);
      expect(numbered).toEqual([...numbered].sort());
    }
  });

  it('files the pack in the year setting packPersonOrder', async () => {
    const data = loadPackData(run.core.ctx(SYSTEM_OPERATOR), yearId);
    expect(data.year.settings.packPersonOrder).toBe('personNo');
    const numbered = orderPersons(data, data.persons);
    const stroked = orderPersons(
      { ...data, year: { ...data.year, settings: { ...data.year.settings, packPersonOrder: 'strokes' } } },
      data.persons,
    );
    expect(stroked.map((p) => p.id).sort()).toEqual(numbered.map((p) => p.id).sort());
    expect(stroked.map((p) => p.id)).not.toEqual(numbered.map((p) => p.id));
    for (const d of new Set(stroked.map((p) => p.departmentId)))
      expect(inStrokeOrder(stroked.filter((p) => p.departmentId === d))).toBe(true);
  });
});
