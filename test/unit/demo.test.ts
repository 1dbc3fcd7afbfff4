// The demo generator on a real store: counts, the 40% cap on 好, every edge case of domain.md
// present and consistent, determinism per seed, one audit entry, and the demo command's safety.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo, runDemo, EDGE_CASES } from '../../electron/core/demo';
import { membershipOn, createUnit } from '../../electron/core/roster';
import { runCli } from '../../electron/cli/index';
import { AppError } from '../../shared/result';
import { tempCore, tempDir, type TempCore } from '../support/temp-core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function demoStore(seed?: number): TempCore {
  const t = tempCore();
  cleanups.push(() => t.cleanup());
  generateDemo(t.ctx, { people: 120, year: 2026, ...(seed !== undefined ? { seed } : {}) });
  return t;
}

type Row = Record<string, unknown>;
const all = (t: TempCore, sql: string, ...p: unknown[]) => t.core.db.prepare(sql).all(...p) as Row[];
const one = (t: TempCore, sql: string, ...p: unknown[]) => t.core.db.prepare(sql).get(...p) as Row;

function personByName(t: TempCore, name: string): Row {
  const r = one(t, 'SELECT * FROM person WHERE name = ?', name);
  expect(r, name).toBeTruthy();
  return r;
}
function evidenceOf(t: TempCore, name: string): Row[] {
  return all(
    t,
    'SELECT e.* FROM evidence e JOIN person p ON p.id = e.person_id WHERE p.name = ? ORDER BY e.date',
    name,
  );
}
const nameOf = (key: string) => EDGE_CASES.find((e) => e.key === key)!.name;

describe('demo generator', () => {
  it('makes one agency, 8 departments, 120 people of all three categories, a 2026 year with four quarters', () => {
    const t = demoStore();
    expect(one(t, "SELECT COUNT(*) AS n FROM unit WHERE kind = 'agency'").n).toBe(1);
    expect(one(t, "SELECT COUNT(*) AS n FROM unit WHERE kind = 'department'").n).toBe(8);
    expect(one(t, 'SELECT COUNT(*) AS n FROM person').n).toBe(120);
    const cats = all(t, 'SELECT category, COUNT(*) AS n FROM person GROUP BY category');
    expect(cats.map((c) => c.category).sort()).toEqual(['civil_servant', 'civil_servant_managed', 'institution']);
    const year = one(t, 'SELECT * FROM assessment_year');
    expect(year.year).toBe(2026);
    expect(year.stage).toBe('collecting');
    expect(JSON.parse(String(year.settings_json)).goodCap.share).toBe(0.4);
    const periods = all(t, 'SELECT code, review_status FROM period ORDER BY seq');
    expect(periods).toEqual([
      { code: '2026Q1', review_status: 'reviewed' },
      { code: '2026Q2', review_status: 'reviewed' },
      { code: '2026Q3', review_status: 'reviewed' },
      { code: '2026Q4', review_status: 'open' },
    ]);
    // the office accepted every department's results of the reviewed quarters (复核)
    const reviews = all(
      t,
      `SELECT q.code, COUNT(*) AS n FROM department_review d JOIN period q ON q.id = d.period_id WHERE d.status = 'accepted' GROUP BY q.code ORDER BY q.code`,
    );
    expect(reviews.map((r) => r.code)).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    expect(reviews.every((r) => Number(r.n) === 9)).toBe(true); // 8 departments + the leadership at the agency
    // every person employed in a quarter has exactly one rating for it, with a real 工作纪实
    const missing = one(
      t,
      `SELECT COUNT(*) AS n FROM person p CROSS JOIN period q
        WHERE p.hire_date <= q.end_date AND (p.left_date IS NULL OR p.left_date >= q.start_date)
          AND NOT EXISTS (SELECT 1 FROM period_rating r WHERE r.person_id = p.id AND r.period_id = q.id)`,
    );
    expect(missing.n).toBe(0);
    const texts = all(t, 'SELECT work_record, comment, rater FROM period_rating');
    for (const r of texts) {
      const sentences = String(r.work_record).split('。').filter(Boolean).length;
      expect(sentences).toBeGreaterThanOrEqual(2);
      expect(sentences).toBeLessThanOrEqual(4);
      expect(String(r.comment)).not.toBe('');
      expect(String(r.rater)).not.toBe('');
    }
    expect(new Set(texts.map((r) => r.work_record)).size).toBeGreaterThan(texts.length * 0.95);
    // identity cards, when present, pass their check digit (validated by the service's own rule)
    expect(one(t, 'SELECT COUNT(*) AS n FROM person WHERE id_card IS NOT NULL').n).toBeGreaterThan(50);
  });

  it('keeps 好 within 40% (rounded down) per department and quarter', () => {
    const t = demoStore();
    const groups = all(
      t,
      `SELECT period_id, unit_id, COUNT(*) AS n, SUM(rating = 'good') AS good FROM period_rating GROUP BY period_id, unit_id`,
    );
    expect(groups.length).toBeGreaterThan(30);
    for (const g of groups) expect(Number(g.good)).toBeLessThanOrEqual(Math.floor(Number(g.n) * 0.4));
    const values = all(t, 'SELECT DISTINCT rating FROM period_rating').map((r) => r.rating);
    expect(values.sort()).toEqual(['average', 'fair', 'good', 'poor']);
  });

  it('contains every edge case of domain.md, consistent with the records', () => {
    const t = demoStore();
    const probation = personByName(t, nameOf('probation_at_year_end'));
    expect(probation.probation_end! > '2026-12-31').toBe(true);
    expect(evidenceOf(t, nameOf('probation_at_year_end')).map((e) => e.sub_kind)).toContain('试用期');
    const ended = personByName(t, nameOf('probation_ended'));
    expect(ended.probation_end).toBe('2026-05-31');

    const leave = (name: string) =>
      evidenceOf(t, name)
        .filter((e) => e.kind === 'leave')
        .reduce((s, e) => s + Number(e.days), 0);
    expect(leave(nameOf('sick_leave_over'))).toBeGreaterThan(182);
    expect(leave(nameOf('sick_leave_182'))).toBe(182);

    const sanction = (name: string) =>
      evidenceOf(t, name)
        .filter((e) => e.kind === 'sanction')
        .map((e) => `${String(e.sub_kind)}@${String(e.date).slice(0, 4)}`);
    expect(sanction(nameOf('warning'))).toEqual(['警告@2026']);
    expect(sanction(nameOf('demerit'))).toEqual(['记过@2026']);
    expect(sanction(nameOf('major_demerit_last_year'))).toEqual(['记大过@2025']);

    const inv = (name: string) => evidenceOf(t, name).filter((e) => e.kind === 'investigation');
    expect(inv(nameOf('investigation_open'))[0]!.end_date).toBeNull();
    expect(inv(nameOf('investigation_closed'))[0]!.end_date).toBe('2026-07-20');

    const mover = personByName(t, nameOf('moved_mid_year'));
    const move = one(t, 'SELECT * FROM person_move WHERE person_id = ?', mover.id);
    expect(move.move_date).toBe('2026-07-01');
    expect(membershipOn(t.core.db, String(mover.id), '2026-03-31')).toBe(move.from_unit_id);
    expect(membershipOn(t.core.db, String(mover.id), '2026-12-31')).toBe(move.to_unit_id);
    const raters = all(
      t,
      'SELECT q.code, r.unit_id FROM period_rating r JOIN period q ON q.id = r.period_id WHERE r.person_id = ? ORDER BY q.seq',
      mover.id,
    );
    expect(raters.map((r) => r.unit_id)).toEqual([
      move.from_unit_id,
      move.from_unit_id,
      move.to_unit_id,
      move.to_unit_id,
    ]);

    expect(evidenceOf(t, nameOf('admonished')).map((e) => e.sub_kind)).toContain('诫勉');
    const commendations = all(t, "SELECT sub_kind FROM evidence WHERE kind = 'commendation'").map((e) => e.sub_kind);
    expect(commendations).toContain('嘉奖');
    expect(commendations).toContain('记三等功');
    const work = all(t, "SELECT DISTINCT sub_kind FROM evidence WHERE kind = 'work'").map((e) => e.sub_kind);
    expect(work).toEqual(expect.arrayContaining(['重点任务', '督查通报表扬', '督查通报批评']));

    const history = (name: string) =>
      all(
        t,
        'SELECT h.year, h.grade FROM history_grade h JOIN person p ON p.id = h.person_id WHERE p.name = ? ORDER BY h.year',
        name,
      );
    expect(history(nameOf('excellent_three_years'))).toEqual([
      { year: 2023, grade: 'excellent' },
      { year: 2024, grade: 'excellent' },
      { year: 2025, grade: 'excellent' },
    ]);
    const star = personByName(t, nameOf('excellent_three_years'));
    expect(
      all(t, 'SELECT rating FROM period_rating WHERE person_id = ?', star.id).every((r) => r.rating === 'good'),
    ).toBe(true);
    expect(
      evidenceOf(t, star.name as string).filter((e) =>
        ['sanction', 'org_handling', 'investigation', 'party_discipline'].includes(String(e.kind)),
      ),
    ).toEqual([]);
    expect(history(nameOf('incompetent_last_year')).at(-1)).toEqual({ year: 2025, grade: 'incompetent' });
    const weak = personByName(t, nameOf('incompetent_last_year'));
    expect(
      one(t, "SELECT COUNT(*) AS n FROM period_rating WHERE person_id = ? AND rating = 'poor'", weak.id).n,
    ).toBeGreaterThanOrEqual(2);

    const left = personByName(t, nameOf('left_unit'));
    expect([left.status, left.left_date]).toEqual(['left', '2026-09-30']);
    expect(personByName(t, nameOf('leader_superior_assessed')).superior_assessed).toBe(1);
  });

  it('keeps the edge cases exact under other seeds', () => {
    for (const seed of [1, 2, 3]) {
      const t = demoStore(seed);
      const leave = (name: string) =>
        evidenceOf(t, name)
          .filter((e) => e.kind === 'leave')
          .reduce((s, e) => s + Number(e.days), 0);
      expect(leave(nameOf('sick_leave_182'))).toBe(182);
      expect(leave(nameOf('sick_leave_over'))).toBe(190);
      const star = personByName(t, nameOf('excellent_three_years'));
      expect(all(t, 'SELECT rating FROM period_rating WHERE person_id = ?', star.id).map((r) => r.rating)).toEqual([
        'good',
        'good',
        'good',
        'good',
      ]);
    }
  });

  it('is deterministic per seed (ids included) and differs across seeds', () => {
    const dump = (t: TempCore) =>
      ['unit', 'person', 'person_move', 'period', 'period_rating', 'evidence', 'history_grade'].map((table) =>
        all(t, `SELECT * FROM ${table} ORDER BY id`),
      );
    const a = demoStore(7);
    const b = demoStore(7);
    const c = demoStore(8);
    expect(dump(a)).toEqual(dump(b));
    expect(dump(a)[1]).not.toEqual(dump(c)[1]);
  });

  it('writes one audit entry and refuses a store that already has units', () => {
    const t = demoStore();
    expect(all(t, 'SELECT action FROM audit_log').map((r) => r.action)).toEqual(['demo.generate']);
    expect(() => generateDemo(t.ctx, { people: 5 })).toThrow(AppError);
    expect(one(t, 'SELECT COUNT(*) AS n FROM person').n).toBe(120);
  });

  it('scales: 2,000 people spread over agencies of at most 250, with edge cases in the first', () => {
    const t = tempCore();
    cleanups.push(() => t.cleanup());
    const s = generateDemo(t.ctx, { people: 2000 });
    expect(s.people.total).toBe(2000);
    expect(s.agencies.length).toBe(8);
    expect(s.edgeCases.length).toBe(EDGE_CASES.length);
    expect(one(t, 'SELECT COUNT(*) AS n FROM assessment_year').n).toBe(8);
  });
});

describe('demo command', () => {
  it('recreates a demo store but refuses to replace a real one', async () => {
    const dir = tempDir('da-demo-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runCli(['demo', '--data-dir', dir, '--people', '40'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/演示数据已生成 \/ demo store created/);
    expect(out.join('\n')).toMatch(/人员 people: 40/);
    expect(await runCli(['demo', '--data-dir', dir], io)).toBe(0); // again: replaced, not appended
    expect(out.join('\n')).toMatch(/人员 people: 120/);

    const real = tempCore();
    cleanups.push(() => real.cleanup());
    createUnit(real.ctx, { parentId: null, name: '正式单位' });
    real.core.close();
    await expect(runDemo({ dataDir: real.dir })).rejects.toThrow(/正式数据/);
    expect(existsSync(join(real.dir, 'assessment.sqlite'))).toBe(true);
    expect(await runCli(['demo', '--data-dir', dir, '--people', 'many'], io)).toBe(2);
  });

  it("at district size writes the first agency's pack only and says how to export the others", async () => {
    const dir = tempDir('da-demo-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    // 1,000 people: four agencies of 250
    expect(await runCli(['demo', '--data-dir', dir, '--people', '1000'], io)).toBe(0);
    expect(out.filter((l) => l.startsWith('考核材料 / evaluation pack:'))).toHaveLength(1);
    expect(out.join('\n')).toMatch(/其余 3 个单位的考核材料未生成：.*npm run cli -- pack --year 2026/);
  });
});
