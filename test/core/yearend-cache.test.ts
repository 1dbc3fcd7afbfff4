// The cached year-end evaluation follows each kind of change by re-reading only the people it
// touched: after every change below the cached result equals a fresh full evaluation (made on a
// second connection, which has its own cache), in both suggestion modes, with the places pooled per
// department, per supervising leader (units spanning departments) and shared out by largest
// remainder (a unit's places depend on its whole group), and when the changes are committed by
// another app connection (a job worker's) instead of this one. Where each department is its own
// unit, a change passes only the units it touched again.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedLargeYear } from '../support/yearend-fixtures';
import { writeTx } from '../../electron/core/context';
import { newId } from '../../electron/core/ids';
import { storeFile } from '../../electron/core/db/paths';
import { evaluateStoredYear, evaluationRuns } from '../../electron/core/yearend/evaluate';
import { createEvidence, voidEvidence } from '../../electron/core/evidence/evidence-service';
import { createPerson, markPersonLeft, movePerson, updatePerson } from '../../electron/core/roster';
import { updateSettings } from '../../electron/core/years/settings-service';
import { requireYear } from '../../electron/core/years/year-repo';
import { openStore, type Db } from '../../electron/core/db/open';
import { loadYearResults } from '../../electron/core/yearend/results';
import type { YearSettings } from '../../shared/settings/year-settings';

let t: TempCore | undefined;
let other: Database.Database | undefined;
let writerDb: Db | undefined;
afterEach(() => {
  other?.close();
  other = undefined;
  writerDb?.close();
  writerDb = undefined;
  t?.cleanup();
});

describe('year-end evaluation cache', () => {
  type Quota = (depts: string[]) => Partial<YearSettings['quota']>;
  const cases: { mode: 'rules' | 'points'; writer: string; pool: string; quota?: Quota; units?: boolean }[] = [
    { mode: 'rules', writer: 'this connection', pool: 'one agency' },
    { mode: 'points', writer: 'this connection', pool: 'one agency' },
    { mode: 'rules', writer: 'another connection (a job worker)', pool: 'one agency' },
    {
      mode: 'rules',
      writer: 'this connection',
      pool: 'per department',
      quota: () => ({ pooling: 'department' }),
      units: true,
    },
    {
      mode: 'points',
      writer: 'another connection (a job worker)',
      pool: 'per department, places by largest remainder',
      quota: () => ({ pooling: 'department', sharing: 'largest_remainder' }),
    },
    {
      mode: 'points',
      writer: 'this connection',
      pool: 'per supervising leader (several departments each)',
      quota: (d) => ({
        pooling: 'leader',
        leaders: [
          { id: 'zhang', name: '张副局长', departmentIds: [d[0]!, d[1]!, d[2]!] },
          { id: 'li', name: '李副局长', departmentIds: [d[3]!] },
        ],
      }),
    },
  ];
  for (const { mode, writer, pool, quota, units } of cases) {
    it(`equals a fresh evaluation after each kind of change made on ${writer} (${mode} mode, ${pool})`, () => {
      t = tempCore();
      // Another app connection to the store (as a job worker opens): its commits are followed
      // through the seals they append, as this connection's are through its own feed.
      let w = t.ctx;
      if (writer !== 'this connection') {
        writerDb = openStore(storeFile(t.dir), { skipMigrate: true, quickCheck: false });
        w = { ...t.ctx, db: writerDb };
      }
      const y = seedLargeYear(t.ctx, 240, 6);
      const db = t.core.db;
      const s = requireYear(db, y.yearId).settings;
      updateSettings(t.ctx, {
        yearId: y.yearId,
        settings: {
          ...s,
          suggestion: { ...s.suggestion, mode },
          quota: { ...s.quota, ...(quota ? quota(y.deptIds) : {}) },
        },
      });
      other = new Database(storeFile(t.dir), { readonly: true });
      const fresh = () => evaluateStoredYear({ db: other as unknown as Db, now: t!.ctx.now }, y.yearId);
      const cached = () => evaluateStoredYear(t!.ctx, y.yearId);
      /** `passed`: how many quota units the change should have passed again (per-department units) */
      const check = (what: string, partial: boolean, passed?: number) => {
        const before = evaluationRuns.full;
        const unitsBefore = evaluationRuns.unitsPassed;
        const a = cached();
        const fullRuns = evaluationRuns.full - before;
        const b = fresh();
        expect(a.evaluation, what).toEqual(b.evaluation);
        expect(a.people, what).toEqual(b.people);
        expect(a.inputs, what).toEqual(b.inputs);
        // the change was followed by re-reading its people, not a full evaluation (except where noted)
        expect(fullRuns, `${what}: full runs`).toBe(partial ? 0 : 1);
        if (units && passed !== undefined)
          expect(evaluationRuns.unitsPassed - unitsBefore, `${what}: units passed again`).toBe(passed);
        // what the pack and the statistics print: every person's result, the units' standing, the counts
        const now = t!.ctx.now();
        expect(loadYearResults(db, y.yearId, now), what).toEqual(
          loadYearResults(other as unknown as Db, y.yearId, now),
        );
      };
      check('first evaluation', false);
      const ids = [...y.ids.values()];
      const person = (i: number) => ids[i]!;

      writeTx(w, () =>
        w.db
          .prepare("UPDATE period_rating SET rating = 'poor', updated_at = 'x' WHERE person_id = ? AND rating = 'good'")
          .run(person(3)),
      );
      check('a rating changed', true, 1);
      createEvidence(w, {
        personId: person(5),
        kind: 'sanction',
        subKind: '记过',
        date: '2026-06-01',
        docNo: '纪〔2026〕7号',
      });
      check('a sanction recorded', true, 1);
      const reward = createEvidence(w, {
        personId: person(6),
        kind: 'commendation',
        subKind: '嘉奖',
        date: '2026-05-01',
        docNo: '区〔2026〕9号',
      });
      check('a commendation recorded', true);
      voidEvidence(w, reward.id, '录入错误');
      check('evidence voided', true);
      createEvidence(w, {
        personId: person(7),
        kind: 'leave',
        subKind: '病假',
        date: '2026-01-05',
        endDate: '2026-08-30',
      });
      check('a long sick leave', true);
      movePerson(w, { id: person(8), toUnitId: y.deptIds[3]!, moveDate: '2026-07-01', reason: '工作需要' });
      check('a move between departments', true, 2);
      updatePerson(w, person(9), { category: 'institution', name: '改名员' });
      check('a person edited (category, name)', true);
      markPersonLeft(w, { id: person(10), leftDate: '2025-12-20', reason: '调离本单位' });
      check('left before the year: no longer among its people', true);
      createPerson(w, {
        personNo: 'Z999',
        name: '新来员',
        unitId: y.deptIds[1]!,
        category: 'civil_servant',
        hireDate: '2026-03-01',
      });
      check('a person hired in the year', true);
      writeTx(w, () =>
        w.db
          .prepare(
            "INSERT INTO history_grade (id, person_id, year, outcome, grade, source, created_at, created_by) VALUES (?, ?, 2025, 'graded', 'incompetent', 'test', 'x', 'test')",
          )
          .run(newId(), person(11)),
      );
      check('an earlier year’s grade', true);
      const now = requireYear(db, y.yearId).settings;
      updateSettings(w, { yearId: y.yearId, settings: { ...now, quota: { ...now.quota, rounding: 'ceil' } } });
      check('a setting changed (evaluated from scratch)', false);
      check('nothing changed', true, 0);
    });
  }
});
