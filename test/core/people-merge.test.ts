// People stay themselves, on a real store and real xlsx files: a 身份证号 already on the roster is
// refused as a second person (form, import, and the store's own trigger); the number's sex digit and
// birth date are checked against 性别 and 出生年月; a probable duplicate (same 姓名 + 性别 + 出生年月,
// new 人员编号) is shown at import and in the roster; a merge joins the two records with all their
// rows, backed up first and audited, and is refused with nothing written when both have a decision in
// the same year or a rating differs without the clerk's choice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../electron/core/api/dispatch';
import { createPerson, updatePerson } from '../../electron/core/roster';
import { writeTx } from '../../electron/core/context';
import { newId } from '../../electron/core/ids';
import { backupDir } from '../../electron/core/db/paths';
import { verifyAuditChain } from '../../electron/core/audit/audit-log';
import { AppError } from '../../shared/result';
import { tempCore, type TempCore } from '../support/temp-core';
import { personInput, seedUnits, validIdCard, type SmallRoster } from '../support/roster-fixtures';
import { dumpStore, ROSTER_HEADER, writeXlsx } from '../support/xlsx-fixtures';
import { apply, preview } from '../support/import-flow';
import type { DuplicateGroupDto, MergePreviewDto } from '../../shared/api/people';

let t: TempCore;
let r: SmallRoster;
beforeEach(() => {
  t = tempCore();
  r = seedUnits(t.ctx);
});
afterEach(() => t.cleanup());

const MAN = validIdCard('19850312', '123'); // 17th digit 3: a man, born 1985-03
const WOMAN = validIdCard('19900708', '244'); // 17th digit 4: a woman, born 1990-07

function thrown(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function call<T>(
  method: string,
  input: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  return (await dispatch(t.core, t.session, method, input)) as never;
}

describe('one 身份证号, one person', () => {
  it('the form refuses a second person with the same number, naming the holder; nothing is written', () => {
    createPerson(t.ctx, personInput(r.office.id, { personNo: 'A001', name: '张伟', idCard: MAN }));
    const before = dumpStore(t.core.db);
    const e = thrown(() =>
      createPerson(t.ctx, personInput(r.planning.id, { personNo: 'B009', name: '张伟', idCard: MAN.toLowerCase() })),
    );
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('身份证号已登记在 张伟（人员编号 A001，办公室）名下');
    expect((e.details as { issues: { field: string }[] }).issues[0]!.field).toBe('idCard');
    expect(dumpStore(t.core.db)).toBe(before);
    // and an edit that would give someone else's number
    const other = createPerson(t.ctx, personInput(r.planning.id, { personNo: 'B001', name: '李强' }));
    expect(thrown(() => updatePerson(t.ctx, other.id, { idCard: MAN }, other.updatedAt)).code).toBe('CONFLICT');
  });

  it('the store itself refuses a second holder (trigger), even written outside the services', () => {
    createPerson(t.ctx, personInput(r.office.id, { personNo: 'A001', idCard: MAN }));
    expect(() =>
      t.core.db
        .prepare(
          `INSERT INTO person (id, person_no, name, unit_id, category, id_card, created_at, created_by, updated_at, updated_by)
           VALUES ('x', 'Z1', '某人', ?, 'civil_servant', ?, 't', 't', 't', 't')`,
        )
        .run(r.office.id, MAN),
    ).toThrow(/身份证号已被名册中的其他人员使用/);
  });

  it('the sex digit and birth date must agree with 性别 and 出生年月 (Chinese message naming the field)', () => {
    const e = thrown(() =>
      createPerson(t.ctx, personInput(r.office.id, { gender: '女', birthMonth: '1985-03', idCard: MAN })),
    );
    expect(e.code).toBe('INVALID_INPUT');
    const issues = (e.details as { issues: { field: string; message: string }[] }).issues;
    expect(issues).toEqual([
      { field: 'gender', message: '性别“女”与身份证号不符（身份证号第 17 位表示男性），请核对性别或身份证号' },
    ]);
    const b = thrown(() =>
      createPerson(t.ctx, personInput(r.office.id, { gender: '男', birthMonth: '1986-03', idCard: MAN })),
    );
    expect(b.message).toContain('出生年月“1986-03”与身份证号中的出生日期（1985-03）不符');
  });
});

describe('roster import', () => {
  const header = [...ROSTER_HEADER, '身份证号'];
  const row = (no: string, name: string, sex: string, birth: string, dept: string, id = '') => [
    no,
    name,
    sex,
    birth,
    '',
    '',
    dept,
    '科员',
    '',
    '公务员',
    '',
    '2020-01-01',
    '',
    '否',
    id,
  ];

  it('names the cell of a number already held, a number repeated in the file, and a sex digit that disagrees', async () => {
    createPerson(t.ctx, personInput(r.office.id, { personNo: 'A001', name: '张伟', idCard: MAN }));
    const path = await writeXlsx(join(t.dir, '名册.xlsx'), [
      {
        name: '人员名册',
        rows: [
          header,
          row('N001', '张伟', '男', '1985-03', '办公室', MAN),
          row('N002', '王芳', '女', '1990-07', '规划科', WOMAN),
          row('N003', '王芳', '女', '1990-07', '财务科', WOMAN),
          row('N004', '赵敏', '男', '1990-07', '财务科', WOMAN),
        ],
      },
    ]);
    const before = dumpStore(t.core.db);
    const p = await preview(t, 'roster', path);
    const byRow = (n: number) => p.issues.filter((i) => i.row === n).map((i) => `${i.header}:${i.problem}`);
    expect(byRow(2)).toEqual([
      '身份证号:身份证号已登记在 张伟（人员编号 A001，某市某区测试局 / 办公室）名下，同一人不能登记为两个人员。如是同一人，请改用编号 A001',
    ]);
    expect(byRow(3)).toEqual([]);
    expect(byRow(4)).toEqual(['身份证号:身份证号与第 3 行（人员编号 N002）相同，同一人不能登记为两个人员']);
    expect(byRow(5)).toContain('性别:性别“男”与身份证号不符（身份证号第 17 位表示女性），请核对性别或身份证号');
    expect(p.issues.every((i) => i.column !== '')).toBe(true);
    expect(dumpStore(t.core.db)).toBe(before);
  });

  it('flags the same name, sex and birth month under a new 人员编号 as a probable duplicate, then in the roster', async () => {
    createPerson(
      t.ctx,
      personInput(r.office.id, { personNo: 'A001', name: '张伟', gender: '男', birthMonth: '1985-03' }),
    );
    const path = await writeXlsx(join(t.dir, '名册2.xlsx'), [
      {
        name: '人员名册',
        rows: [header, row('N001', '张伟', '男', '1985-03', '规划科'), row('N002', '李娜', '女', '1991-01', '规划科')],
      },
    ]);
    const p = await preview(t, 'roster', path);
    expect(p.issues).toEqual([]);
    expect(p.duplicates).toEqual([
      {
        sheet: '人员名册',
        row: 2,
        personNo: 'N001',
        name: '张伟',
        otherPersonNo: 'A001',
        otherName: '张伟',
        otherWhere: '某市某区测试局 / 办公室',
        problem: '与名册中的 张伟（人员编号 A001）姓名、性别、出生年月相同，可能是同一人',
      },
    ]);
    const done = await apply(t, p.previewId, 'all');
    expect(done.status).toBe('done');
    const list = await call<{ groups: DuplicateGroupDto[] }>('people.duplicates', {});
    expect(list.ok).toBe(true);
    const groups = (list as { value: { groups: DuplicateGroupDto[] } }).value.groups;
    expect(groups.map((g) => [g.kind, g.label, g.people.map((x) => x.personNo)])).toEqual([
      ['identity', '张伟 · 男 · 1985-03', ['A001', 'N001']],
    ]);
    // 确认不是同一人: no longer flagged
    const ids = groups[0]!.people.map((x) => x.id) as [string, string];
    expect((await call('people.markDistinct', { personIds: ids, reason: '两人，出生日不同' })).ok).toBe(true);
    const after = (await call<{ groups: DuplicateGroupDto[] }>('people.duplicates', {})) as {
      value: { groups: DuplicateGroupDto[] };
    };
    expect(after.value.groups).toEqual([]);
  });
});

describe('merge', () => {
  interface Pair {
    keptId: string;
    absorbedId: string;
    yearId: string;
    periods: string[];
  }

  /** Two records of 张伟 (A001 in 办公室, N001 in 规划科), a 2026 year with two quarters, rows on both. */
  function twoRecords(): Pair {
    const kept = createPerson(
      t.ctx,
      personInput(r.office.id, { personNo: 'A001', name: '张伟', gender: '男', birthMonth: '1985-03' }),
    );
    const absorbed = createPerson(
      t.ctx,
      personInput(r.planning.id, { personNo: 'N001', name: '张伟', gender: '男', birthMonth: '1985-03', idCard: MAN }),
    );
    const yearId = newId();
    const periods = [newId(), newId()];
    writeTx(t.ctx, () => {
      const db = t.core.db;
      const T = '2026-11-01T00:00:00.000Z';
      db.prepare(
        `INSERT INTO assessment_year (id, unit_id, year, settings_json, created_at, updated_at, updated_by) VALUES (?, ?, 2026, '{}', ?, ?, 't')`,
      ).run(yearId, r.agency.id, T, T);
      periods.forEach((p, i) =>
        db
          .prepare(
            'INSERT INTO period (id, year_id, code, label, seq, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(p, yearId, `2026Q${i + 1}`, `第${i + 1}季度`, i + 1, `2026-0${i * 3 + 1}-01`, `2026-0${i * 3 + 3}-30`),
      );
      const rate = db.prepare(
        `INSERT INTO period_rating (id, period_id, person_id, unit_id, rating, work_record, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, 't', ?, 't')`,
      );
      rate.run(newId(), periods[0], kept.id, r.office.id, 'good', '一季度纪实', T, T);
      rate.run(newId(), periods[1], absorbed.id, r.planning.id, 'fair', '二季度纪实', T, T);
      db.prepare(
        `INSERT INTO evidence (id, person_id, kind, sub_kind, date, description, recorded_by, created_at, updated_at, updated_by)
         VALUES (?, ?, 'reward', '嘉奖', '2026-05-01', '嘉奖一次', 't', ?, ?, 't')`,
      ).run(newId(), absorbed.id, T, T);
      const hist = db.prepare(
        `INSERT INTO history_grade (id, person_id, year, outcome, grade, source, created_at, created_by) VALUES (?, ?, ?, 'graded', ?, '', ?, 't')`,
      );
      hist.run(newId(), kept.id, 2024, 'excellent', T);
      hist.run(newId(), absorbed.id, 2025, 'competent', T);
    });
    return { keptId: kept.id, absorbedId: absorbed.id, yearId, periods };
  }

  function decide(yearId: string, personId: string, grade: string): void {
    writeTx(t.ctx, () =>
      t.core.db
        .prepare(
          `INSERT INTO yearend_decision (id, year_id, person_id, outcome, grade, decided_at, decided_by) VALUES (?, ?, ?, 'graded', ?, '2026-12-20', 't')`,
        )
        .run(newId(), yearId, personId, grade),
    );
  }

  const rows = (sql: string, ...p: unknown[]) => t.core.db.prepare(sql).all(...p);

  it('moves every row to the record kept, deletes the other, backs up first, audits, and keeps the chain whole', async () => {
    const pair = twoRecords();
    decide(pair.yearId, pair.absorbedId, 'competent');
    const pre = (await call<MergePreviewDto>('people.mergePreview', {
      keptId: pair.keptId,
      absorbedId: pair.absorbedId,
    })) as {
      ok: true;
      value: MergePreviewDto;
    };
    expect(pre.value.blockers).toEqual([]);
    expect(pre.value.conflicts).toEqual([]);
    expect(pre.value.moving).toEqual({ ratings: 1, evidence: 1, history: 1, decisions: 1, moves: 0, other: 0 });

    const r1 = await call<{ backup: string; kept: { idCardMasked: string } }>('people.merge', {
      keptId: pair.keptId,
      absorbedId: pair.absorbedId,
      reason: '同一人重复登记',
    });
    expect(r1.ok, JSON.stringify(r1)).toBe(true);
    const value = (r1 as { value: { backup: string; kept: { idCardMasked: string } } }).value;
    expect(rows('SELECT id FROM person WHERE id = ?', pair.absorbedId)).toEqual([]);
    expect(rows('SELECT COUNT(*) AS n FROM period_rating WHERE person_id = ?', pair.keptId)).toEqual([{ n: 2 }]);
    expect(rows('SELECT year FROM history_grade WHERE person_id = ? ORDER BY year', pair.keptId)).toEqual([
      { year: 2024 },
      { year: 2025 },
    ]);
    expect(rows('SELECT COUNT(*) AS n FROM evidence WHERE person_id = ?', pair.keptId)).toEqual([{ n: 1 }]);
    expect(rows('SELECT grade FROM yearend_decision WHERE person_id = ?', pair.keptId)).toEqual([
      { grade: 'competent' },
    ]);
    // the kept record's blank 身份证号 took the absorbed record's
    expect(value.kept.idCardMasked).toBe(MAN.slice(0, 6) + '********' + MAN.slice(-4));
    expect(t.core.db.pragma('foreign_key_check')).toEqual([]);
    const audit = rows("SELECT entity_id, reason FROM audit_log WHERE action = 'person.merge'");
    expect(audit).toEqual([{ entity_id: pair.keptId, reason: '同一人重复登记' }]);
    expect(verifyAuditChain(t.core.db).ok).toBe(true);
    // the backup taken before holds both records: restoring it undoes the merge
    const file = join(backupDir(t.dir), value.backup);
    expect(existsSync(file)).toBe(true);
    const old = new Database(file, { readonly: true });
    expect(old.prepare('SELECT person_no FROM person WHERE name = ? ORDER BY person_no').all('张伟')).toEqual([
      { person_no: 'A001' },
      { person_no: 'N001' },
    ]);
    old.close();
    const list = (await call<{ groups: DuplicateGroupDto[] }>('people.duplicates', {})) as {
      value: { groups: DuplicateGroupDto[] };
    };
    expect(list.value.groups).toEqual([]);
  });

  it('refuses two records with decisions in the same year: Chinese message, nothing written, no backup', async () => {
    const pair = twoRecords();
    decide(pair.yearId, pair.keptId, 'excellent');
    decide(pair.yearId, pair.absorbedId, 'competent');
    const before = dumpStore(t.core.db);
    const res = await call('people.merge', { keptId: pair.keptId, absorbedId: pair.absorbedId, reason: '同一人' });
    expect(res.ok).toBe(false);
    const e = (res as { error: AppError }).error;
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('两人在 2026 年度都已有考核决定（张伟（A001）：优秀；张伟（N001）：称职）');
    expect(dumpStore(t.core.db)).toBe(before);
    expect(existsSync(backupDir(t.dir)) ? rowsIn(backupDir(t.dir)) : []).toEqual([]);
  });

  it('a period rated differently on both needs the clerk’s choice; with it, the chosen rating stays', async () => {
    const pair = twoRecords();
    writeTx(t.ctx, () =>
      t.core.db
        .prepare(
          `INSERT INTO period_rating (id, period_id, person_id, unit_id, rating, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, 'average', 't', 't', 't', 't')`,
        )
        .run(newId(), pair.periods[0], pair.absorbedId, r.planning.id),
    );
    const before = dumpStore(t.core.db);
    const res = await call('people.merge', { keptId: pair.keptId, absorbedId: pair.absorbedId, reason: '同一人' });
    expect(res.ok).toBe(false);
    expect((res as { error: AppError }).error.message).toBe(
      '两条记录有 1 处不一致（2026Q1 平时考核），请逐项选择保留哪一方后再合并。',
    );
    expect(dumpStore(t.core.db)).toBe(before);
    const ok = await call('people.merge', {
      keptId: pair.keptId,
      absorbedId: pair.absorbedId,
      reason: '同一人',
      choices: [{ key: `rating:${pair.periods[0]}`, keep: 'absorbed' }],
    });
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
    expect(
      rows('SELECT rating FROM period_rating WHERE person_id = ? AND period_id = ?', pair.keptId, pair.periods[0]),
    ).toEqual([{ rating: 'average' }]);
  });

  it('refuses two records with different 身份证号 (two people)', async () => {
    const pair = twoRecords();
    writeTx(t.ctx, () =>
      t.core.db.prepare('UPDATE person SET id_card = ? WHERE id = ?').run(validIdCard('19850301', '111'), pair.keptId),
    );
    const res = await call('people.merge', { keptId: pair.keptId, absorbedId: pair.absorbedId, reason: '同一人' });
    expect(res.ok).toBe(false);
    expect((res as { error: AppError }).error.message).toContain('两条记录的身份证号不同');
  });
});

const rowsIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.includes('merge'));
