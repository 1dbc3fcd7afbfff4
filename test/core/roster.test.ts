// Roster services on a real SQLite file: units, people, optimistic updates, moves, leaving, the
// delete guard, audit rows, filters and search — through the services and through the dispatcher.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import {
  createPerson,
  createUnit,
  deletePerson,
  departmentsOf,
  agencyOf,
  getPerson,
  listPeople,
  markPersonLeft,
  membershipOn,
  movePerson,
  reinstatePerson,
  renameUnit,
  reorderUnits,
  unitTree,
  updatePerson,
  deleteUnit,
} from '../../electron/core/roster';
import { AppError } from '../../shared/result';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { tempCore, type TempCore } from '../support/temp-core';
import { insertOperator, sessionAs } from '../support/trust-fixtures';
import { personInput, seedPeople, seedUnits, validIdCard, type SmallRoster } from '../support/roster-fixtures';

let t: TempCore;
let r: SmallRoster;

beforeEach(() => {
  t = tempCore();
  r = seedUnits(t.ctx);
});
afterEach(() => t.cleanup());

function auditActions(): string[] {
  return (t.core.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
    (x) => x.action,
  );
}

function expectAppError(fn: () => unknown, code: string, text?: RegExp): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    if (text) expect((e as AppError).message).toMatch(text);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

describe('units', () => {
  it('builds the tree, renames, reorders, refuses duplicates and non-empty deletes', () => {
    const tree = unitTree(t.core.db);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.kind).toBe('agency');
    expect(tree[0]!.children.map((c) => c.name)).toEqual(['办公室', '规划科', '财务科']);
    expect(departmentsOf(t.core.db, r.agency.id).map((d) => d.name)).toEqual(['办公室', '规划科', '财务科']);
    expect(agencyOf(t.core.db, r.finance.id).id).toBe(r.agency.id);

    expectAppError(() => createUnit(t.ctx, { parentId: r.agency.id, name: '办公室' }), 'CONFLICT', /办公室/);
    renameUnit(t.ctx, { id: r.planning.id, name: '发展规划科' });
    reorderUnits(t.ctx, { parentId: r.agency.id, orderedIds: [r.finance.id, r.office.id, r.planning.id] });
    expect(unitTree(t.core.db)[0]!.children.map((c) => c.name)).toEqual(['财务科', '办公室', '发展规划科']);
    expectAppError(() => reorderUnits(t.ctx, { parentId: r.agency.id, orderedIds: [r.finance.id] }), 'CONFLICT');

    createPerson(t.ctx, personInput(r.office.id));
    expectAppError(() => deleteUnit(t.ctx, r.office.id), 'CONFLICT', /1 名人员/);
    expectAppError(() => deleteUnit(t.ctx, r.agency.id), 'CONFLICT', /3 个部门/);
    const empty = createUnit(t.ctx, { parentId: r.agency.id, name: '临时组' });
    deleteUnit(t.ctx, empty.id);
    expect(auditActions()).toEqual(
      expect.arrayContaining(['unit.create', 'unit.rename', 'unit.reorder', 'unit.delete']),
    );
  });
});

describe('people', () => {
  it('creates with a masked 身份证号, refuses a duplicate 人员编号 naming it, and audits', () => {
    const id = validIdCard();
    const p = createPerson(t.ctx, personInput(r.office.id, { idCard: id.slice(0, 17) + id[17]!.toLowerCase() }));
    expect(p.idCardMasked).toBe(`110101********${id.slice(-4)}`);
    expect(JSON.stringify(getPerson(t.core.db, p.id))).not.toContain(id);
    const stored = t.core.db.prepare('SELECT id_card FROM person WHERE id = ?').get(p.id) as { id_card: string };
    expect(stored.id_card).toBe(id);
    const e = expectAppError(
      () => createPerson(t.ctx, personInput(r.planning.id, { name: '另一人' })),
      'CONFLICT',
      /人员编号“T001”已被 张伟/,
    );
    expect((e.details as { issues: { field: string }[] }).issues[0]!.field).toBe('personNo');
    const audit = t.core.db.prepare("SELECT after_json FROM audit_log WHERE action = 'person.create'").get() as {
      after_json: string;
    };
    expect(audit.after_json).toContain('张伟');
    expect(audit.after_json).not.toContain(id);
  });

  it('validates fields with Chinese messages naming them', () => {
    const bad = validIdCard().slice(0, 17) + (validIdCard().endsWith('1') ? '2' : '1');
    const e1 = expectAppError(
      () => createPerson(t.ctx, personInput(r.office.id, { idCard: bad })),
      'INVALID_INPUT',
      /身份证号校验位不正确/,
    );
    expect((e1.details as { issues: { field: string }[] }).issues[0]!.field).toBe('idCard');
    expectAppError(
      () => createPerson(t.ctx, personInput(r.office.id, { name: '  ' })),
      'INVALID_INPUT',
      /姓名不能为空/,
    );
    expectAppError(
      () => createPerson(t.ctx, personInput(r.office.id, { birthMonth: '1985-13' })),
      'INVALID_INPUT',
      /出生年月/,
    );
    expectAppError(
      () => createPerson(t.ctx, personInput(r.office.id, { hireDate: '2026-02-30' })),
      'INVALID_INPUT',
      /入职日期/,
    );
    expectAppError(
      () => createPerson(t.ctx, personInput(r.office.id, { hireDate: '2026-03-01', probationEnd: '2025-03-01' })),
      'INVALID_INPUT',
      /试用期满日期/,
    );
    expectAppError(() => createPerson(t.ctx, personInput('no-such-unit')), 'NOT_FOUND', /部门不存在/);
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM person').get()).toEqual({ n: 0 });
  });

  it('updates with an optimistic check: a stale updatedAt is a CONFLICT and changes nothing', () => {
    const p = createPerson(t.ctx, personInput(r.office.id));
    const u1 = updatePerson(t.ctx, p.id, { position: '二级主任科员' }, p.updatedAt);
    expect(u1.position).toBe('二级主任科员');
    expect(u1.updatedAt > p.updatedAt).toBe(true); // strictly later even with the fixed test clock
    expectAppError(() => updatePerson(t.ctx, p.id, { position: '科长' }, p.updatedAt), 'CONFLICT', /刚被其他人修改过/);
    expect(getPerson(t.core.db, p.id)!.position).toBe('二级主任科员');
    // clearing an optional field and the 身份证号
    const u2 = updatePerson(t.ctx, p.id, { duties: '', idCard: validIdCard() }, u1.updatedAt);
    expect(u2.duties).toBeNull();
    expect(u2.idCardMasked).not.toBeNull();
    const u3 = updatePerson(t.ctx, p.id, { idCard: null }, u2.updatedAt);
    expect(u3.idCardMasked).toBeNull();
    const before = t.core.db
      .prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'person.update' ORDER BY seq LIMIT 1")
      .get() as {
      before_json: string;
      after_json: string;
    };
    expect(JSON.parse(before.before_json).position).toBe('一级科员');
    expect(JSON.parse(before.after_json).position).toBe('二级主任科员');
  });

  it('moves a person on a date; membershipOn answers per date; ratings keep their unit', () => {
    const p = createPerson(t.ctx, personInput(r.office.id, { hireDate: '2015-01-01' }));
    const moved = movePerson(t.ctx, { id: p.id, toUnitId: r.finance.id, moveDate: '2026-07-01', reason: '工作需要' });
    expect(moved.unitId).toBe(r.finance.id);
    expect(membershipOn(t.core.db, p.id, '2026-03-31')).toBe(r.office.id);
    expect(membershipOn(t.core.db, p.id, '2026-06-30')).toBe(r.office.id);
    expect(membershipOn(t.core.db, p.id, '2026-07-01')).toBe(r.finance.id);
    movePerson(t.ctx, { id: p.id, toUnitId: r.planning.id, moveDate: '2026-10-01' });
    expect(membershipOn(t.core.db, p.id, '2026-08-15')).toBe(r.finance.id);
    expect(membershipOn(t.core.db, p.id, '2026-12-31')).toBe(r.planning.id);
    expectAppError(
      () => movePerson(t.ctx, { id: p.id, toUnitId: r.office.id, moveDate: '2026-09-01' }),
      'INVALID_INPUT',
      /晚于上一次调动/,
    );
    expectAppError(
      () => movePerson(t.ctx, { id: p.id, toUnitId: r.planning.id, moveDate: '2026-11-01' }),
      'INVALID_INPUT',
      /已在/,
    );
    const moves = t.core.db
      .prepare('SELECT from_unit_id, to_unit_id, move_date FROM person_move WHERE person_id = ? ORDER BY move_date')
      .all(p.id);
    expect(moves).toEqual([
      { from_unit_id: r.office.id, to_unit_id: r.finance.id, move_date: '2026-07-01' },
      { from_unit_id: r.finance.id, to_unit_id: r.planning.id, move_date: '2026-10-01' },
    ]);
    expect(auditActions().filter((a) => a === 'person.move')).toHaveLength(2);
  });

  it('marks as left and reinstates; never hard-deletes someone with records', () => {
    const p = createPerson(t.ctx, personInput(r.office.id));
    const left = markPersonLeft(t.ctx, { id: p.id, leftDate: '2026-09-30', reason: '调往市局' });
    expect(left.status).toBe('left');
    expect(left.leftDate).toBe('2026-09-30');
    expectAppError(
      () => markPersonLeft(t.ctx, { id: p.id, leftDate: '2026-10-01', reason: 'x' }),
      'CONFLICT',
      /已于 2026-09-30/,
    );
    expectAppError(
      () => movePerson(t.ctx, { id: p.id, toUnitId: r.finance.id, moveDate: '2026-10-01' }),
      'CONFLICT',
      /离开/,
    );
    expect(reinstatePerson(t.ctx, { id: p.id, reason: '误标' }).status).toBe('active');

    // a history grade is a record: the hard delete is refused and nothing changes
    t.core.db
      .prepare(
        "INSERT INTO history_grade (id, person_id, year, outcome, grade, created_at, created_by) VALUES ('h1', ?, 2025, 'graded', 'competent', 'x', 'x')",
      )
      .run(p.id);
    expectAppError(() => deletePerson(t.ctx, { id: p.id, reason: '误录' }), 'CONFLICT', /1 条往年等次.*标记离开/);
    expect(getPerson(t.core.db, p.id)).not.toBeNull();

    const q = createPerson(t.ctx, personInput(r.office.id, { personNo: 'T999', name: '误录人' }));
    movePerson(t.ctx, { id: q.id, toUnitId: r.finance.id, moveDate: '2026-05-01' });
    deletePerson(t.ctx, { id: q.id, reason: '误录' });
    expect(getPerson(t.core.db, q.id)).toBeNull();
    const del = t.core.db.prepare("SELECT before_json, reason FROM audit_log WHERE action = 'person.delete'").get() as {
      before_json: string;
      reason: string;
    };
    expect(del.reason).toBe('误录');
    expect(del.before_json).toContain('误录人');
  });

  it('a failed write leaves no audit row behind, and the chain verifies', () => {
    createPerson(t.ctx, personInput(r.office.id));
    const n = auditActions().length;
    expect(() => createPerson(t.ctx, personInput(r.office.id))).toThrow(AppError);
    expect(() => movePerson(t.ctx, { id: 'nobody', toUnitId: r.finance.id, moveDate: '2026-01-01' })).toThrow(AppError);
    expect(auditActions().length).toBe(n);
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: true, count: n });
  });
});

describe('listing', () => {
  it('filters by unit with sub-units, category, status and searches number/name/position', () => {
    const people = seedPeople(t.ctx, r);
    const sub = createUnit(t.ctx, { parentId: r.office.id, name: '秘书组' });
    createPerson(t.ctx, personInput(sub.id, { personNo: 'A101', name: '赵敏', gender: '女' }));
    markPersonLeft(t.ctx, { id: people[1]!.id, leftDate: '2026-06-30', reason: '退休' });
    const db = t.core.db;
    expect(listPeople(db).total).toBe(4);
    expect(listPeople(db, { status: 'all' }).total).toBe(5);
    expect(listPeople(db, { unitId: r.office.id }).rows.map((p) => p.name)).toEqual(['王芳', '赵敏']);
    expect(listPeople(db, { unitId: r.office.id, includeSubUnits: false }).rows.map((p) => p.name)).toEqual(['王芳']);
    expect(listPeople(db, { unitId: r.office.id, sort: 'name', order: 'desc' }).rows.map((p) => p.personNo)).toEqual([
      'A101',
      'A001',
    ]);
    expect(listPeople(db, { status: 'left' }).rows.map((p) => p.name)).toEqual(['李强']);
    expect(listPeople(db, { category: 'institution' }).rows.map((p) => p.name)).toEqual(['陈静']);
    expect(listPeople(db, { search: '刘' }).rows.map((p) => p.personNo)).toEqual(['B001']);
    expect(listPeople(db, { search: 'ｃ００１' }).rows.map((p) => p.name)).toEqual(['陈静']); // full-width typed
    expect(listPeople(db, { search: '主任科员' }).rows.map((p) => p.name)).toEqual(['王芳']);
    expect(listPeople(db, { search: '%' }).total).toBe(0); // LIKE wildcards are literal
    expect(listPeople(db, { sort: 'personNo', order: 'desc' }).rows.map((p) => p.personNo)).toEqual([
      'C001',
      'B001',
      'A101',
      'A001',
    ]);
    expect(listPeople(db, { sort: 'unit' }).rows.map((p) => p.unitName)).toEqual([
      '办公室',
      '秘书组',
      '规划科',
      '财务科',
    ]);
    const page = listPeople(db, { sort: 'personNo', limit: 2, offset: 1 });
    expect(page.rows.map((p) => p.personNo)).toEqual(['A101', 'B001']);
    expect(page.total).toBe(4);
    const firstPage = listPeople(db, { sort: 'personNo', limit: 3 });
    expect([firstPage.rows.length, firstPage.total]).toEqual([3, 4]);
    expect(listPeople(db, { sort: 'personNo', offset: 3 }).rows.map((p) => p.personNo)).toEqual(['C001']);
  });

  it('works through the dispatcher with permissions and contract validation', async () => {
    seedPeople(t.ctx, r);
    const list = await dispatch(t.core, t.session, 'roster.list', { search: '王' });
    expect(list.ok && (list.value as { total: number }).total).toBe(1);
    const tree = await dispatch(t.core, t.session, 'units.tree', {});
    expect(
      tree.ok &&
        (tree.value as { units: { activeCount: number; name: string }[] }).units.find((u) => u.name === '办公室')!
          .activeCount,
    ).toBe(2);
    const bad = await dispatch(t.core, t.session, 'roster.create', {
      ...personInput(r.office.id, { personNo: 'Z1' }),
      idCard: '110101198503121230',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.message).toMatch(/身份证号/);
    }
    const created = await dispatch(
      t.core,
      t.session,
      'roster.create',
      personInput(r.office.id, { personNo: 'Z2', name: '新人' }),
    );
    expect(created.ok).toBe(true);
    const createdDto = (created as { value: { id: string; updatedAt: string } }).value;
    const badDate = await dispatch(t.core, t.session, 'roster.markLeft', {
      id: createdDto.id,
      leftDate: '2026-02-30',
      reason: '调离',
    });
    expect(!badDate.ok && badDate.error.message).toMatch(/离开日期应为 YYYY-MM-DD/);
    // the department changes only through a dated move, never through an update
    const sneaky = await dispatch(t.core, t.session, 'roster.update', {
      id: createdDto.id,
      expectedUpdatedAt: createdDto.updatedAt,
      changes: { unitId: r.finance.id },
    });
    expect(!sneaky.ok && sneaky.error.code).toBe('INVALID_INPUT');
    const got = await dispatch(t.core, t.session, 'roster.get', { id: createdDto.id });
    expect(got.ok && (got.value as { records: { ratings: number } }).records.ratings).toBe(0);
    // a rater may read but not write the roster
    const raterSession = sessionAs(t.core, insertOperator(t.core, 'rater'));
    const denied = await dispatch(t.core, raterSession, 'roster.create', personInput(r.office.id, { personNo: 'Z3' }));
    expect(!denied.ok && denied.error.code).toBe('FORBIDDEN');
    expect((await dispatch(t.core, raterSession, 'roster.list', {})).ok).toBe(true);
  });

  it('keeps a restricted operator to their departments (数据范围)', async () => {
    const people = seedPeople(t.ctx, r);
    const clerk = sessionAs(t.core, insertOperator(t.core, 'clerk', [r.office.id]));
    const list = await dispatch(t.core, clerk, 'roster.list', {});
    expect(list.ok && (list.value as { rows: { unitName: string }[] }).rows.map((p) => p.unitName)).toEqual([
      '办公室',
      '办公室',
    ]);
    const other = await dispatch(t.core, clerk, 'roster.list', { unitId: r.finance.id });
    expect(!other.ok && other.error.code).toBe('FORBIDDEN');
    const get = await dispatch(t.core, clerk, 'roster.get', { id: people[3]!.id }); // 陈静, 财务科
    expect(!get.ok && get.error.code).toBe('FORBIDDEN');
    const createElsewhere = await dispatch(
      t.core,
      clerk,
      'roster.create',
      personInput(r.finance.id, { personNo: 'S1' }),
    );
    expect(!createElsewhere.ok && createElsewhere.error.code).toBe('FORBIDDEN');
    expect((await dispatch(t.core, clerk, 'roster.create', personInput(r.office.id, { personNo: 'S2' }))).ok).toBe(
      true,
    );
    const moveOut = await dispatch(t.core, clerk, 'roster.move', {
      id: people[0]!.id,
      toUnitId: r.finance.id,
      moveDate: '2026-06-01',
    });
    expect(!moveOut.ok && moveOut.error.code).toBe('FORBIDDEN');
    const unit = await dispatch(t.core, clerk, 'units.create', { parentId: r.agency.id, name: '新科室' });
    expect(!unit.ok && unit.error.code).toBe('FORBIDDEN');
    const tree = await dispatch(t.core, clerk, 'units.tree', {});
    expect(tree.ok && (tree.value as { units: { name: string }[] }).units.map((u) => u.name)).toEqual([
      '某市某区测试局',
      '办公室',
    ]);
    // an unrestricted clerk sees everyone
    const all = await dispatch(t.core, sessionAs(t.core, insertOperator(t.core, 'clerk')), 'roster.list', {});
    expect(all.ok && (all.value as { total: number }).total).toBe(5);
  });
});
