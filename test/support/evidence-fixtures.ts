// A small agency for evidence and dashboard tests, written with plain SQL (the roster and years
// services are built in parallel): one agency, departments, people, a year with quarters, ratings.
import { defaultYearSettings, type YearSettingsInput, yearSettings } from '../../shared/settings/year-settings';
import type { PeriodRatingValue, YearStage } from '../../shared/domain/types';
import type { Db } from '../../electron/core/db/open';
import { newId } from '../../electron/core/ids';

const AT = '2026-01-05T00:00:00.000Z';

export function insertUnit(db: Db, name: string, parentId: string | null, sortOrder = 0): string {
  const id = newId();
  db.prepare(
    `INSERT INTO unit (id, parent_id, kind, name, code, sort_order, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 'test')`,
  ).run(id, parentId, parentId ? 'department' : 'agency', name, sortOrder, AT, AT);
  return id;
}

export interface PersonSeed {
  personNo: string;
  name: string;
  unitId: string;
  category?: 'civil_servant' | 'civil_servant_managed' | 'institution';
  hireDate?: string | null;
  probationEnd?: string | null;
  status?: 'active' | 'left';
  leftDate?: string | null;
}

const personInsert = new WeakMap<Db, import('better-sqlite3').Statement>();

export function insertPerson(db: Db, p: PersonSeed): string {
  let s = personInsert.get(db);
  if (!s) {
    s = db.prepare(
      `INSERT INTO person (id, person_no, name, unit_id, category, hire_date, probation_end, status, left_date, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @personNo, @name, @unitId, @category, @hireDate, @probationEnd, @status, @leftDate, '${AT}', 'test', '${AT}', 'test')`,
    );
    personInsert.set(db, s);
  }
  const id = newId();
  s.run({ id, category: 'civil_servant', hireDate: null, probationEnd: null, status: 'active', leftDate: null, ...p });
  return id;
}

export interface YearSeed {
  yearId: string;
  periodIds: string[];
}

/** A year of the agency with four quarters (2026Q1..Q4) and the given settings. */
export function insertYear(
  db: Db,
  agencyId: string,
  year: number,
  settings: YearSettingsInput = {},
  stage: YearStage = 'collecting',
): YearSeed {
  const yearId = newId();
  const s = yearSettings.parse({ ...settings });
  db.prepare(
    `INSERT INTO assessment_year (id, unit_id, year, settings_json, stage, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'test')`,
  ).run(yearId, agencyId, year, JSON.stringify(s ?? defaultYearSettings()), stage, AT, AT);
  const quarters: [string, string, string][] = [
    ['第一季度', '01-01', '03-31'],
    ['第二季度', '04-01', '06-30'],
    ['第三季度', '07-01', '09-30'],
    ['第四季度', '10-01', '12-31'],
  ];
  const periodIds = quarters.map(([label, start, end], i) => {
    const id = newId();
    db.prepare(
      `INSERT INTO period (id, year_id, code, label, seq, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, yearId, `${year}Q${i + 1}`, label, i + 1, `${year}-${start}`, `${year}-${end}`);
    return id;
  });
  return { yearId, periodIds };
}

export function setYearStage(db: Db, yearId: string, stage: YearStage): void {
  db.prepare('UPDATE assessment_year SET stage = ? WHERE id = ?').run(stage, yearId);
}

const ratingInsert = new WeakMap<Db, import('better-sqlite3').Statement>();

export function insertRating(
  db: Db,
  periodId: string,
  personId: string,
  unitId: string,
  rating: PeriodRatingValue | null,
  workRecord = '',
): string {
  let s = ratingInsert.get(db);
  if (!s) {
    s = db.prepare(
      `INSERT INTO period_rating (id, period_id, person_id, unit_id, work_record, rating, rater, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, '科长', '${AT}', 'test', '${AT}', 'test')`,
    );
    ratingInsert.set(db, s);
  }
  const id = newId();
  s.run(id, periodId, personId, unitId, workRecord, rating);
  return id;
}

export interface SmallAgency {
  agencyId: string;
  deptA: string;
  deptB: string;
  people: { zhang: string; li: string; wang: string; zhao: string; chen: string };
  year: YearSeed;
}

/**
 * 示例局: 综合科 (张三, 李四, 王五) and 业务科 (赵六, 陈七 — joined 2026-07-01 on probation to 2027-06-30).
 * Q1: all of 综合科 rated 好 (3 of 3: over the 40% cap of 1), 赵六 较好. Q2: 张三 好 only. Q3, Q4: none.
 */
export function smallAgency(db: Db, settings: YearSettingsInput = {}): SmallAgency {
  const agencyId = insertUnit(db, '示例局', null);
  const deptA = insertUnit(db, '综合科', agencyId, 1);
  const deptB = insertUnit(db, '业务科', agencyId, 2);
  const people = {
    zhang: insertPerson(db, { personNo: 'A001', name: '张三', unitId: deptA }),
    li: insertPerson(db, { personNo: 'A002', name: '李四', unitId: deptA }),
    wang: insertPerson(db, { personNo: 'A003', name: '王五', unitId: deptA }),
    zhao: insertPerson(db, { personNo: 'B001', name: '赵六', unitId: deptB }),
    chen: insertPerson(db, {
      personNo: 'B002',
      name: '陈七',
      unitId: deptB,
      hireDate: '2026-07-01',
      probationEnd: '2027-06-30',
    }),
  };
  const year = insertYear(db, agencyId, 2026, settings);
  const [q1, q2] = year.periodIds as [string, string];
  insertRating(db, q1, people.zhang, deptA, 'good', '完成年度重点任务一项');
  insertRating(db, q1, people.li, deptA, 'good');
  insertRating(db, q1, people.wang, deptA, 'good');
  insertRating(db, q1, people.zhao, deptB, 'fair');
  insertRating(db, q2, people.zhang, deptA, 'good');
  return { agencyId, deptA, deptB, people, year };
}
