// Two real stores exchange bundles both ways: a department's workstation reports up to the office
// (a new person, ratings, evidence), the office corrects a rating and reviews the period, the
// department (which meanwhile rated the same person differently) gets the results back with one
// conflict, chooses, and a re-import of either bundle changes nothing. The steps a test is not
// about run inline (same task code, no worker boot); the steps it is about run as real jobs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, seedStore, type SeededStore } from '../support/xlsx-fixtures';
import { callOk } from '../support/import-flow';
import { dispatch } from '../../electron/core/api/dispatch';
import { applyBundle, exportBundle, previewOk } from '../support/exchange-flow';
import { createPerson } from '../../electron/core/roster';
import { saveRatingsBatch } from '../../electron/core/ratings/save';
import { createEvidence } from '../../electron/core/evidence/evidence-service';
import { acceptDepartment, markPeriodReviewed } from '../../electron/core/ratings/review';
import type { WorkstationDto } from '../../shared/api/exchange';
import type { SenderDto } from '../../shared/api/exchange';
import type { ExchangePreview } from '../../shared/exchange/preview';
import { runInline } from '../support/inline-task';
import { ensureWorkstation } from '../../electron/core/exchange/workstation';

let office: TempCore;
let dept: TempCore;
let so: SeededStore;
let sd: SeededStore;

beforeEach(() => {
  office = tempCore();
  dept = tempCore();
  so = seedStore(office.ctx, 3);
  sd = seedStore(dept.ctx, 3);
});
afterEach(() => {
  office.cleanup();
  dept.cleanup();
});

const rating = (t: TempCore, periodCode: string, personNo: string) =>
  t.core.db
    .prepare(
      'SELECT r.rating FROM period_rating r JOIN period p ON p.id = r.period_id JOIN person x ON x.id = r.person_id WHERE p.code = ? AND x.person_no = ?',
    )
    .pluck()
    .get(periodCode, personNo);

/** The department's records for Q1: everyone 较好, a new colleague, one commendation. */
function departmentReports(): void {
  const ctx = dept.ctx;
  const d = sd.departments['办公室']!;
  createPerson(ctx, {
    personNo: 'N0001',
    name: '新来的',
    unitId: d,
    category: 'civil_servant',
    hireDate: '2026-02-01',
  });
  const people = dept.core.db.prepare('SELECT id FROM person WHERE unit_id = ?').pluck().all(d) as string[];
  saveRatingsBatch(
    ctx,
    people.map((personId) => ({ periodId: sd.periods.Q1!, personId, rating: 'fair', workRecord: '按时完成' })),
  );
  createEvidence(ctx, {
    personId: sd.people[0]!.id,
    kind: 'commendation',
    subKind: '嘉奖',
    date: '2026-03-10',
    docNo: '某发〔2026〕5号',
    description: '年度嘉奖',
  });
}

const upPath = () => join(dept.dir, '办公室-2026Q1.dax');
const exportUp = () =>
  exportBundle(dept, {
    direction: 'up',
    unitId: sd.departments['办公室']!,
    yearId: sd.yearId,
    periodIds: [sd.periods.Q1!],
    path: upPath(),
  });

/** The department's bundle reaches the office, without worker boots (setup for the way down). */
async function upInline(): Promise<void> {
  departmentReports();
  await runInline(dept, 'exchange.export', {
    direction: 'up',
    unitId: sd.departments['办公室'],
    yearId: sd.yearId,
    periodIds: [sd.periods.Q1],
    path: upPath(),
    workstation: ensureWorkstation(dept.ctx),
    appVersion: dept.core.appVersion,
  });
  ensureWorkstation(office.ctx);
  const p = await runInline<ExchangePreview>(office, 'exchange.preview', { path: upPath(), previewId: 'x' });
  await runInline(office, 'exchange.apply', { path: upPath(), expectedSha256: p.bundle.sha256, choices: [] });
}

describe('exchange bundles between two stores', () => {
  it('department → office: new records come in, the office sees the sender, a re-import changes nothing', async () => {
    departmentReports();
    await exportUp();

    // The office reads it: the new person, four ratings and the evidence are new; nothing conflicts.
    const p1 = await previewOk(office, upPath());
    expect(p1.bundle.unitLabel).toBe('某区发改委 / 办公室');
    expect(p1.bundle.periods).toEqual(['2026Q1']);
    expect(p1.byPart.find((b) => b.part === 'roster')?.counts).toMatchObject({ new: 1, unchanged: 3, conflict: 0 });
    expect(p1.byPart.find((b) => b.part === 'ratings')?.counts).toMatchObject({ new: 4, conflict: 0 });
    expect(p1.byPart.find((b) => b.part === 'evidence')?.counts).toMatchObject({ new: 1 });
    const r1 = await applyBundle(office, p1.previewId);
    expect(r1.status, JSON.stringify(r1.error)).toBe('done');
    expect(r1.value?.applied).toBe(true);
    expect(rating(office, '2026Q1', 'N0001')).toBe('fair');
    const evidenceId = office.core.db.prepare("SELECT id FROM evidence WHERE doc_no = '某发〔2026〕5号'").pluck().get();
    expect(evidenceId).toBe(dept.core.db.prepare('SELECT id FROM evidence').pluck().get());
    expect(
      office.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'exchange.import'").pluck().get(),
    ).toBe(1);

    // The office sees who delivered when.
    const deptWs = await callOk<WorkstationDto>(dept, 'exchange.identity', {});
    const senders = await callOk<SenderDto[]>(office, 'exchange.senders', {});
    expect(senders).toEqual([
      expect.objectContaining({ workstationId: deptWs.id, unitLabel: '某区发改委 / 办公室', bundles: 1 }),
    ]);

    // Re-importing the same bundle changes nothing at all.
    const before = dumpStore(office.core.db);
    const again = await previewOk(office, upPath());
    expect(again.alreadyImportedAt).not.toBeNull();
    expect(again.counts).toMatchObject({ new: 0, changed: 0, conflict: 0 });
    const r1b = await applyBundle(office, again.previewId);
    expect(r1b.value?.applied).toBe(false);
    expect(dumpStore(office.core.db)).toBe(before);
  });

  it('office → department: results come back, the one conflict is chosen and audited, a re-import changes nothing', async () => {
    await upInline();
    const deptWs = ensureWorkstation(dept.ctx);

    // The office corrects one rating, accepts every department and marks Q1 reviewed.
    const p0001 = office.core.db.prepare("SELECT id FROM person WHERE person_no = 'P0001'").pluck().get() as string;
    saveRatingsBatch(office.ctx, [{ periodId: so.periods.Q1!, personId: p0001, rating: 'average' }]);
    for (const unitId of Object.values(so.departments))
      acceptDepartment(office.ctx, { periodId: so.periods.Q1!, unitId });
    markPeriodReviewed(office.ctx, so.periods.Q1!);

    // Meanwhile the department changed the same rating its own way.
    saveRatingsBatch(dept.ctx, [{ periodId: sd.periods.Q1!, personId: sd.people[0]!.id, rating: 'poor' }]);

    const down = join(office.dir, '办公室-复核结果.dax');
    await exportBundle(office, {
      direction: 'down',
      unitId: so.departments['办公室']!,
      yearId: so.yearId,
      toWorkstationId: deptWs.id,
      path: down,
    });
    const p2 = await previewOk(dept, down);
    expect(p2.bundle.direction).toBe('down');
    const conflicts = p2.items.filter((i) => i.status === 'conflict');
    expect(conflicts).toEqual([
      expect.objectContaining({
        key: 'rating:2026Q1:P0001',
        conflict: 'both_rated',
        mine: expect.stringContaining('较差'),
        theirs: expect.stringContaining('一般'),
      }),
    ]);
    // Without a choice nothing is written.
    const beforeDept = dumpStore(dept.core.db);
    const refused = await dispatchApply(p2.previewId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(refused)).toContain('冲突没有选择');
    expect(dumpStore(dept.core.db)).toBe(beforeDept);

    const r2 = await applyBundle(dept, p2.previewId, [{ key: 'rating:2026Q1:P0001', choice: 'theirs' }]);
    expect(r2.status, JSON.stringify(r2.error)).toBe('done');
    expect(r2.value?.choices).toEqual({ theirs: 1, mine: 0 });
    expect(rating(dept, '2026Q1', 'P0001')).toBe('average');
    expect(dept.core.db.prepare("SELECT review_status FROM period WHERE code = '2026Q1'").pluck().get()).toBe(
      'reviewed',
    );
    const choice = dept.core.db
      .prepare("SELECT reason, after_json FROM audit_log WHERE action = 'exchange.conflict_choice'")
      .get() as { reason: string; after_json: string };
    expect(choice.reason).toContain('采用交换包的');
    expect(JSON.parse(choice.after_json)).toMatchObject({ record: 'rating:2026Q1:P0001', choice: 'theirs' });

    // Again: nothing changes on the department's store either.
    const afterDept = dumpStore(dept.core.db);
    const p2b = await previewOk(dept, down);
    expect(p2b.counts).toMatchObject({ new: 0, changed: 0, conflict: 0 });
    await applyBundle(dept, p2b.previewId);
    expect(dumpStore(dept.core.db)).toBe(afterDept);
  });
});

const dispatchApply = (previewId: string) =>
  dispatch(dept.core, dept.session, 'exchange.apply', { previewId, choices: [] });
