// Builders for year-end tests: engine inputs in a line (pure), and seeding a real store for core/e2e.
// Keeps the tables in test/unit/rules*.test.ts readable: one row = one person's facts and records.
import type { EvidenceKind, PeriodRatingValue, PersonCategory } from '../../shared/domain/types';
import type { PersonInput, RuleEvidence, RuleHistory, RulePerson } from '../../shared/rules';
import type { Ctx } from '../../electron/core/context';
import { writeTx } from '../../electron/core/context';
import { newId } from '../../electron/core/ids';
import { createYear } from '../../electron/core/years/year-service';
import type { YearSettings } from '../../shared/settings/year-settings';
import type { Grade } from '../../shared/domain/types';

let seq = 0;

export function person(over: Partial<RulePerson> = {}): RulePerson {
  seq++;
  return {
    id: `p${seq}`,
    personNo: `A${String(seq).padStart(4, '0')}`,
    name: `人员${seq}`,
    category: 'civil_servant',
    agencyId: 'agency',
    departmentId: 'dept1',
    departmentName: '办公室',
    hireDate: '2015-01-01',
    probationEnd: null,
    superiorAssessed: false,
    status: 'active',
    leftDate: null,
    ...over,
  };
}

const R: Record<string, PeriodRatingValue | null> = {
  好: 'good',
  较好: 'fair',
  一般: 'average',
  较差: 'poor',
  未: null,
};

/** "好 好 较好 好" → four quarterly ratings of `year`. */
export function quarters(spec: string, year = 2026, counts = true) {
  return spec
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => ({ periodCode: `${year}Q${i + 1}`, seq: i + 1, rating: R[w] ?? null, counts, id: `r${i + 1}` }));
}

let eseq = 0;
export function ev(kind: EvidenceKind, subKind: string, date: string, over: Partial<RuleEvidence> = {}): RuleEvidence {
  eseq++;
  return { id: `e${eseq}`, kind, subKind, date, endDate: null, days: null, details: {}, ...over };
}

export function input(
  opts: {
    category?: PersonCategory;
    ratings?: string;
    evidence?: RuleEvidence[];
    history?: RuleHistory[];
    person?: Partial<RulePerson>;
  } = {},
): PersonInput {
  return {
    person: person({ category: opts.category ?? 'civil_servant', ...opts.person }),
    ratings: quarters(opts.ratings ?? '好 好 较好 好'),
    evidence: opts.evidence ?? [],
    history: opts.history ?? [],
  };
}

// ---- seeding a real store (core tests, e2e, bench) ----

export interface SeedPerson {
  no: string;
  name: string;
  /** index into the departments list */
  dept?: number;
  category?: PersonCategory;
  /** "好 好 较好 好" — 未 leaves a period unrated */
  ratings?: string;
  superior?: boolean;
  hireDate?: string;
  probationEnd?: string;
  status?: 'active' | 'left';
  leftDate?: string;
  evidence?: {
    kind: EvidenceKind;
    subKind: string;
    date: string;
    endDate?: string | null;
    days?: number | null;
    details?: Record<string, unknown>;
    docNo?: string;
  }[];
  history?: { year: number; grade: Grade }[];
}

export interface SeededYear {
  agencyId: string;
  deptIds: string[];
  yearId: string;
  periodIds: string[];
  ids: Map<string, string>;
}

const NOW = '2026-11-25T02:00:00.000Z';

export function seedYearEnd(
  ctx: Ctx,
  opts: {
    year?: number;
    agency?: string;
    departments?: string[];
    people: SeedPerson[];
    settings?: (s: YearSettings) => void;
    /** leave the quarters unreviewed (by default the office has reviewed them: only reviewed periods count) */
    unreviewed?: boolean;
  },
): SeededYear {
  const year = opts.year ?? 2026;
  const agencyId = newId();
  const deptNames = opts.departments ?? ['办公室', '综合科'];
  const deptIds = deptNames.map(() => newId());
  writeTx(ctx, () => {
    const unit = ctx.db.prepare(
      'INSERT INTO unit (id, parent_id, kind, name, code, sort_order, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    unit.run(agencyId, null, 'agency', opts.agency ?? '示例区发展改革委', null, 0, NOW, NOW, 'test');
    deptNames.forEach((n, i) => unit.run(deptIds[i], agencyId, 'department', n, null, i, NOW, NOW, 'test'));
  });
  const y = createYear(ctx, { unitId: agencyId, year });
  if (opts.settings) {
    const s = structuredClone(y.settings);
    opts.settings(s);
    ctx.db.prepare('UPDATE assessment_year SET settings_json = ? WHERE id = ?').run(JSON.stringify(s), y.year.id);
  }
  const ids = new Map<string, string>();
  const periodIds = y.periods.map((p) => p.id);
  writeTx(ctx, () => {
    const person = ctx.db.prepare(
      `INSERT INTO person (id, person_no, name, gender, unit_id, position, category, hire_date, probation_end, superior_assessed, status, left_date, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, 'test')`,
    );
    const rating = ctx.db.prepare(
      `INSERT INTO period_rating (id, period_id, person_id, unit_id, work_record, rating, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'test', ?, 'test')`,
    );
    const evidence = ctx.db.prepare(
      `INSERT INTO evidence (id, person_id, kind, sub_kind, date, end_date, days, description, doc_no, details_json, recorded_by, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, 'test', ?, ?, 'test')`,
    );
    const history = ctx.db.prepare(
      `INSERT INTO history_grade (id, person_id, year, outcome, grade, source, created_at, created_by) VALUES (?, ?, ?, 'graded', ?, 'test', ?, 'test')`,
    );
    for (const p of opts.people) {
      const id = newId();
      ids.set(p.no, id);
      const dept = deptIds[p.dept ?? 0];
      person.run(
        id,
        p.no,
        p.name,
        '男',
        dept,
        '科员',
        p.category ?? 'civil_servant',
        p.hireDate ?? '2015-03-01',
        p.probationEnd ?? null,
        p.superior ? 1 : 0,
        p.status ?? 'active',
        p.leftDate ?? null,
        NOW,
        NOW,
      );
      const words = (p.ratings ?? '好 较好 较好 好').split(/\s+/);
      words.forEach((w, i) => {
        const v = R[w];
        if (v && periodIds[i]) rating.run(newId(), periodIds[i], id, dept, `第${i + 1}季度工作纪实`, v, NOW, NOW);
      });
      for (const e of p.evidence ?? [])
        evidence.run(
          newId(),
          id,
          e.kind,
          e.subKind,
          e.date,
          e.endDate ?? null,
          e.days ?? null,
          e.docNo ?? '',
          JSON.stringify(e.details ?? {}),
          NOW,
          NOW,
        );
      for (const h of p.history ?? []) history.run(newId(), id, h.year, h.grade, NOW);
    }
    if (!opts.unreviewed) {
      // each department accepted and each quarter marked reviewed, as the office does every quarter
      const accept = ctx.db.prepare(
        `INSERT INTO department_review (id, period_id, unit_id, status, note, updated_at, updated_by) VALUES (?, ?, ?, 'accepted', '', ?, 'test')`,
      );
      for (const periodId of periodIds) for (const d of deptIds) accept.run(newId(), periodId, d, NOW);
      ctx.db
        .prepare(
          `UPDATE period SET review_status = 'reviewed', reviewed_at = ?, reviewed_by = 'test' WHERE year_id = ?`,
        )
        .run(NOW, y.year.id);
    }
  });
  return { agencyId, deptIds, yearId: y.year.id, periodIds, ids };
}

/** n people with deterministic, varied ratings and evidence — for the bench and large-scale checks. */
export function seedLargeYear(ctx: Ctx, n: number, departments = 40): SeededYear {
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648);
  const pick = () => {
    const r = rnd();
    return r < 0.35 ? '好' : r < 0.85 ? '较好' : r < 0.97 ? '一般' : '较差';
  };
  const people: SeedPerson[] = [];
  for (let i = 0; i < n; i++) {
    const ev: SeedPerson['evidence'] = [];
    const r = rnd();
    if (r < 0.03) ev.push({ kind: 'sanction', subKind: '警告', date: '2026-05-10', docNo: '纪〔2026〕1号' });
    else if (r < 0.04) ev.push({ kind: 'sanction', subKind: '记过', date: '2026-03-10' });
    else if (r < 0.05)
      ev.push({ kind: 'leave', subKind: '病假', date: '2026-01-05', endDate: '2026-08-01', days: 209 });
    else if (r < 0.06) ev.push({ kind: 'org_handling', subKind: '诫勉', date: '2026-06-01' });
    else if (r < 0.065) ev.push({ kind: 'investigation', subKind: '立案审查调查', date: '2026-10-01' });
    if (rnd() < 0.3) ev.push({ kind: 'commendation', subKind: '嘉奖', date: '2026-07-01', docNo: '奖〔2026〕2号' });
    people.push({
      no: `P${String(i + 1).padStart(6, '0')}`,
      name: `人员${i + 1}`,
      dept: i % departments,
      category: i % 7 === 0 ? 'institution' : 'civil_servant',
      ratings: [pick(), pick(), pick(), pick()].join(' '),
      evidence: ev,
      history:
        i % 5 === 0
          ? [
              { year: 2025, grade: 'excellent' },
              { year: 2024, grade: 'excellent' },
            ]
          : [],
    });
  }
  return seedYearEnd(ctx, { departments: Array.from({ length: departments }, (_, i) => `第${i + 1}科`), people });
}
