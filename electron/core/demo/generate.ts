// The demo store: one fictional agency (or, for benchmarks, as many as 20,000 people need), its
// departments, people, a year of quarterly ratings with 工作纪实, evidence covering every edge case
// of domain.md, and three years of history. Seeded, so the same options give the same store; all
// of it written with prepared statements in ONE transaction with one audit entry.
import { AppError } from '../../../shared/result';
import { addDays, addMonths, isoFromParts } from '../../../shared/domain/dates';
import { idCardCheckChar } from '../../../shared/domain/idcard';
import { CATEGORY_LABEL, EVIDENCE_KIND_LABEL, RATING_LABEL } from '../../../shared/domain/labels';
import type { EvidenceKind, Grade, PeriodRatingValue, PersonCategory } from '../../../shared/domain/types';
import { defaultYearSettings } from '../../../shared/settings/year-settings';
import { recordAudit } from '../audit/audit-log';
import { writeTx, type Ctx } from '../context';
import { EDGE_CASES, edgeLabel, type EdgeKey } from './edge-cases';
import { mulberry32, seededIds, type Rng } from './prng';
import {
  CIVIL_RANKS,
  EDUCATION_CIVIL,
  EDUCATION_INSTITUTION,
  FIRST_AGENCY_DEPARTMENTS,
  FIRST_AGENCY_NAME,
  GENERIC_DEPARTMENTS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  INSTITUTION_RANKS,
  OTHER_AGENCY_NAMES,
  POLITICAL,
  SURNAMES,
  type DepartmentSpec,
} from './pools';
import { ratingComment, workRecord } from './work-records';
import { the } from '../db/query';

export interface DemoOptions {
  people?: number;
  year?: number;
  seed?: number;
}

export interface DemoSummary {
  year: number;
  seed: number;
  people: { total: number; active: number; left: number; byCategory: Record<string, number> };
  agencies: { id: string; name: string; people: number; yearId: string }[];
  /** departments of the first agency (all agencies' departments would be hundreds at scale) */
  departments: { id: string; name: string; people: number; byCategory: Record<string, number> }[];
  departmentCount: number;
  periods: { code: string; reviewStatus: 'open' | 'reviewed' }[];
  ratings: { total: number; byValue: Record<string, number> };
  evidence: { total: number; byKind: Record<string, number> };
  history: number;
  moves: number;
  edgeCases: { key: EdgeKey; label: string; name: string; personNo: string; department: string }[];
  elapsedMs: number;
}

/** People of one agency at most; above it the generator adds agencies (a district office's case). */
const AGENCY_SIZE = 250;

interface Person {
  id: string;
  personNo: string;
  name: string;
  gender: '男' | '女';
  birthMonth: string;
  political: string;
  education: string;
  unitId: string;
  /** unit before the mid-year move, when there is one */
  firstUnitId: string | null;
  position: string;
  positionSince: string;
  category: PersonCategory;
  duties: string;
  hireDate: string;
  probationEnd: string | null;
  superior: 0 | 1;
  idCard: string | null;
  status: 'active' | 'left';
  leftDate: string | null;
  leftReason: string | null;
  quality: number;
  edge: EdgeKey | null;
  work: readonly string[];
  role: 'leader' | 'head' | 'deputy' | 'staff';
}

interface UnitInfo {
  id: string;
  name: string;
  spec: DepartmentSpec | null;
  people: Person[];
}

const MOVE_DATE_MD = '07-01';

export function generateDemo(ctx: Ctx, options: DemoOptions = {}): DemoSummary {
  const started = performance.now();
  const total = Math.max(1, Math.min(50_000, Math.floor(options.people ?? 120)));
  const year = options.year ?? 2026;
  const seed = options.seed ?? 20260101;
  const rng = mulberry32(seed);
  const newId = seededIds(mulberry32(seed ^ 0x9e3779b9), Date.UTC(year, 0, 1));
  const at = ctx.now().toISOString();
  const by = ctx.operator.id;
  const recorder = ctx.operator.displayName;
  const db = ctx.db;

  return writeTx(ctx, () => {
    const existing = the<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM unit').n;
    if (existing > 0)
      throw new AppError(
        'CONFLICT',
        '数据文件中已有单位和人员，演示数据只能写入空的数据文件。请使用 demo 命令（它会重建演示数据目录）。',
      );

    const ins = {
      unit: db.prepare(
        `INSERT INTO unit (id, parent_id, kind, name, code, sort_order, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      person: db.prepare(
        `INSERT INTO person (id, person_no, name, gender, birth_month, political_status, education, unit_id, position, position_since, category,
           duties, hire_date, probation_end, superior_assessed, id_card, status, left_date, left_reason, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      move: db.prepare(
        `INSERT INTO person_move (id, person_id, from_unit_id, to_unit_id, move_date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      year: db.prepare(
        `INSERT INTO assessment_year (id, unit_id, year, settings_json, stage, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, 'collecting', ?, ?, ?)`,
      ),
      period: db.prepare(
        `INSERT INTO period (id, year_id, code, label, seq, start_date, end_date, review_status, reviewed_at, reviewed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      rating: db.prepare(
        `INSERT INTO period_rating (id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)`,
      ),
      evidence: db.prepare(
        `INSERT INTO evidence (id, person_id, kind, sub_kind, date, end_date, days, description, doc_no, details_json, recorded_by, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      history: db.prepare(
        `INSERT INTO history_grade (id, person_id, year, outcome, grade, source, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // the office's per-department 复核 (years capability's table), when this store has it
      review: db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'department_review'").get()
        ? db.prepare(
            `INSERT INTO department_review (id, period_id, unit_id, status, note, updated_at, updated_by) VALUES (?, ?, ?, 'accepted', '', ?, ?)`,
          )
        : null,
    };

    const settingsJson = JSON.stringify(defaultYearSettings());
    const agencyCount = total <= 300 ? 1 : Math.ceil(total / AGENCY_SIZE);
    const sizes = Array.from(
      { length: agencyCount },
      (_, i) => Math.floor(total / agencyCount) + (i < total % agencyCount ? 1 : 0),
    );
    const summary: DemoSummary = {
      year,
      seed,
      people: { total: 0, active: 0, left: 0, byCategory: {} },
      agencies: [],
      departments: [],
      departmentCount: 0,
      periods: [],
      ratings: { total: 0, byValue: {} },
      evidence: { total: 0, byKind: {} },
      history: 0,
      moves: 0,
      edgeCases: [],
      elapsedMs: 0,
    };
    const bump = (m: Record<string, number>, k: string, n = 1) => (m[k] = (m[k] ?? 0) + n);
    let personSeq = 0;
    const usedIdCards = new Set<string>();

    const addEvidence = (
      p: Person,
      kind: EvidenceKind,
      subKind: string,
      date: string,
      o: { end?: string | null; days?: number | null; desc: string; doc?: string; details?: object },
    ) => {
      ins.evidence.run(
        newId(),
        p.id,
        kind,
        subKind,
        date,
        o.end ?? null,
        o.days ?? null,
        o.desc,
        o.doc ?? '',
        JSON.stringify(o.details ?? {}),
        recorder,
        at,
        at,
        by,
      );
      summary.evidence.total++;
      bump(summary.evidence.byKind, EVIDENCE_KIND_LABEL[kind]);
    };

    for (let a = 0; a < agencyCount; a++) {
      const first = a === 0;
      const agencyName = first
        ? FIRST_AGENCY_NAME
        : `某市某区${OTHER_AGENCY_NAMES[(a - 1) % OTHER_AGENCY_NAMES.length]}${a > OTHER_AGENCY_NAMES.length ? `（第${Math.ceil(a / OTHER_AGENCY_NAMES.length)}分局）` : ''}`;
      const short = first ? '发改' : agencyName.replace(/^某市某区/, '').slice(0, 2);
      const agencyId = newId();
      const code = `A${String(a + 1).padStart(3, '0')}`;
      ins.unit.run(agencyId, null, 'agency', agencyName, code, (a + 1) * 10, at, at, by);
      const specs = first ? FIRST_AGENCY_DEPARTMENTS : GENERIC_DEPARTMENTS;
      const agency: UnitInfo = { id: agencyId, name: agencyName, spec: null, people: [] };
      const depts: UnitInfo[] = specs.map((spec, i) => {
        const id = newId();
        ins.unit.run(
          id,
          agencyId,
          'department',
          spec.name,
          `${code}-${String(i + 1).padStart(2, '0')}`,
          (i + 1) * 10,
          at,
          at,
          by,
        );
        return { id, name: spec.name, spec, people: [] };
      });
      summary.departmentCount += depts.length;

      // Head counts: leadership at the agency, the rest shared out by weight (service centres larger).
      const size = sizes[a]!;
      const leaders = size >= 40 ? 3 : size >= 12 ? 1 : 0;
      const weights = specs.map((s) => (s.institutionShare > 0.5 ? 1.5 : 1) * (0.8 + rng.next() * 0.4));
      const wsum = weights.reduce((x, y) => x + y, 0);
      const rest = size - leaders;
      const counts = weights.map((w) => Math.floor((rest * w) / wsum));
      for (let k = 0; counts.reduce((x, y) => x + y, 0) < rest; k++) counts[k % counts.length]!++;

      const names = new Set<string>();
      const edgeFor = new Map<string, EdgeKey>(); // `${dept}:${slotFromEnd}` → edge
      if (first) {
        const perDept = new Map<number, number>();
        for (const e of EDGE_CASES) {
          if (e.dept < 0) continue;
          const k = perDept.get(e.dept) ?? 0;
          perDept.set(e.dept, k + 1);
          edgeFor.set(`${e.dept}:${k}`, e.key);
        }
      }

      const makePerson = (unit: UnitInfo, role: Person['role'], edge: EdgeKey | null): Person => {
        const spec = unit.spec;
        const e = edge ? EDGE_CASES.find((x) => x.key === edge)! : null;
        const gender: '男' | '女' = e ? e.gender : rng.chance(0.55) ? '男' : '女';
        let name = e?.name ?? '';
        for (let tries = 0; !name || (!e && names.has(name) && tries < 8); tries++) {
          const given = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE;
          name = rng.pick(SURNAMES) + rng.pick(given) + (rng.chance(0.7) ? rng.pick(given) : '');
        }
        names.add(name);
        const r = rng.next();
        const category: PersonCategory =
          role === 'leader' || !spec
            ? 'civil_servant'
            : r < spec.institutionShare
              ? 'institution'
              : r < spec.institutionShare + spec.managedShare
                ? 'civil_servant_managed'
                : 'civil_servant';
        const birthYear =
          role === 'leader'
            ? rng.int(1966, 1980)
            : role === 'head'
              ? rng.int(1968, 1986)
              : role === 'deputy'
                ? rng.int(1975, 1991)
                : rng.int(1970, 2000);
        const birthMonth = `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}`;
        const hireYear = Math.min(year - 2, birthYear + rng.int(22, 27));
        const hireDate = isoFromParts(hireYear, rng.pick([7, 8, 9, 10]), 1);
        const service = year - hireYear;
        const ranks = category === 'institution' ? INSTITUTION_RANKS : CIVIL_RANKS;
        const position =
          role === 'leader'
            ? unit.name.includes('委员会') || first
              ? '主任'
              : '局长'
            : role === 'head'
              ? spec?.name === '办公室' || spec?.name.includes('中心')
                ? '主任'
                : '科长'
              : role === 'deputy'
                ? spec?.name === '办公室' || spec?.name.includes('中心')
                  ? '副主任'
                  : '副科长'
                : ranks[Math.max(0, Math.min(ranks.length - 1, Math.floor(service / 4) - rng.int(0, 1)))]!;
        const sinceYear = Math.max(hireYear, year - rng.int(1, 6));
        let idCard = rng.chance(0.7) ? makeIdCard(rng, birthMonth, gender) : null;
        // One number, one person: the store refuses a second holder (0012-person-identity.sql).
        while (idCard && usedIdCards.has(idCard)) idCard = makeIdCard(rng, birthMonth, gender);
        if (idCard) usedIdCards.add(idCard);
        const p: Person = {
          id: newId(),
          personNo: `R${String(++personSeq).padStart(5, '0')}`,
          name,
          gender,
          birthMonth,
          political: rng.weighted(POLITICAL),
          education: rng.weighted(category === 'institution' ? EDUCATION_INSTITUTION : EDUCATION_CIVIL),
          unitId: unit.id,
          firstUnitId: null,
          position,
          positionSince: `${sinceYear}-${String(rng.int(1, 12)).padStart(2, '0')}`,
          category,
          duties: role === 'leader' ? '主持全面工作' : spec ? rng.pick(spec.duties) : '综合管理',
          hireDate,
          probationEnd: hireYear >= year - 11 ? addDays(addMonths(hireDate, 12), -1) : null,
          superior: role === 'leader' ? 1 : 0,
          idCard,
          status: 'active',
          leftDate: null,
          leftReason: null,
          quality: role === 'leader' || role === 'head' ? 0.5 + rng.next() * 0.5 : (rng.next() + rng.next()) / 2,
          edge,
          work: spec?.work ?? ['全面工作统筹', '班子会议研究事项落实', '分管领域重点任务'],
          role,
        };
        if (p.positionSince < p.hireDate.slice(0, 7)) p.positionSince = p.hireDate.slice(0, 7);
        if (edge) applyEdge(p, edge, year);
        return p;
      };

      for (let l = 0; l < leaders; l++) {
        const p = makePerson(agency, 'leader', first && l === 0 ? 'leader_superior_assessed' : null);
        if (l > 0) {
          p.position = p.position === '主任' ? '副主任' : '副局长';
          p.duties = rng.pick([
            '分管综合规划、投资工作',
            '分管产业发展、价格工作',
            '分管办公室、人事工作',
            '分管能源和重点项目工作',
          ]);
        }
        agency.people.push(p);
      }
      depts.forEach((d, i) => {
        const n = counts[i]!;
        for (let k = 0; k < n; k++) {
          const fromEnd = n - 1 - k;
          const edge = k >= 2 || n <= 2 ? (edgeFor.get(`${i}:${fromEnd}`) ?? null) : null;
          const role: Person['role'] = k === 0 ? 'head' : k === 1 && n >= 6 ? 'deputy' : 'staff';
          d.people.push(makePerson(d, role, edge));
        }
      });

      // The mid-year move: rated by 产业发展科 in Q1–Q2, by 综合规划科 from 1 July.
      if (first) {
        const mover = depts.flatMap((d) => d.people).find((p) => p.edge === 'moved_mid_year');
        const target = depts[2];
        if (mover && target && target.id !== mover.unitId) {
          mover.firstUnitId = mover.unitId;
          mover.unitId = target.id;
        }
      }

      const all = [...agency.people, ...depts.flatMap((d) => d.people)];
      for (const p of all) {
        ins.person.run(
          p.id,
          p.personNo,
          p.name,
          p.gender,
          p.birthMonth,
          p.political,
          p.education,
          p.unitId,
          p.position,
          p.positionSince,
          p.category,
          p.duties,
          p.hireDate,
          p.probationEnd,
          p.superior,
          p.idCard,
          p.status,
          p.leftDate,
          p.leftReason,
          at,
          by,
          at,
          by,
        );
        summary.people.total++;
        summary.people[p.status]++;
        bump(summary.people.byCategory, CATEGORY_LABEL[p.category]);
        if (p.firstUnitId) {
          ins.move.run(
            newId(),
            p.id,
            p.firstUnitId,
            p.unitId,
            `${year}-${MOVE_DATE_MD}`,
            '工作需要，调整至综合规划科',
            at,
            by,
          );
          summary.moves++;
        }
      }
      const unitName = new Map([[agency.id, agency.name], ...depts.map((d) => [d.id, d.name] as const)]);
      if (first) {
        for (const d of depts) {
          const here = all.filter((p) => p.unitId === d.id);
          const byCategory: Record<string, number> = {};
          for (const p of here) bump(byCategory, CATEGORY_LABEL[p.category]);
          summary.departments.push({ id: d.id, name: d.name, people: here.length, byCategory });
        }
        for (const p of all) {
          if (!p.edge) continue;
          const e = EDGE_CASES.find((x) => x.key === p.edge)!;
          summary.edgeCases.push({
            key: e.key,
            label: edgeLabel(e, year),
            name: p.name,
            personNo: p.personNo,
            department: unitName.get(p.unitId) ?? '',
          });
        }
      }

      // The year and its quarters: Q1–Q3 reviewed by the office; Q4 rated but not yet reviewed
      // (the fixed "today" is late November: departments have handed Q4 in, the 复核 is pending).
      const yearId = newId();
      ins.year.run(yearId, agencyId, year, settingsJson, at, at, by);
      summary.agencies.push({ id: agencyId, name: agencyName, people: all.length, yearId });
      const quarters = [1, 2, 3, 4].map((q) => {
        const start = isoFromParts(year, q * 3 - 2, 1);
        const end = addDays(addMonths(start, 3), -1);
        const reviewed = q < 4;
        const id = newId();
        const code = `${year}Q${q}`;
        ins.period.run(
          id,
          yearId,
          code,
          ['第一季度', '第二季度', '第三季度', '第四季度'][q - 1],
          q,
          start,
          end,
          reviewed ? 'reviewed' : 'open',
          reviewed ? `${addDays(end, 15)}T02:00:00.000Z` : null,
          reviewed ? by : null,
        );
        if (first) summary.periods.push({ code, reviewStatus: reviewed ? 'reviewed' : 'open' });
        return { q, id, start, end, reviewedAt: reviewed ? `${addDays(end, 15)}T02:00:00.000Z` : null };
      });

      // Ratings per department and quarter, under the 40% cap on 好 (rounded down).
      const raterOf = new Map<string, string>();
      const head = agency.people[0];
      for (const d of depts) raterOf.set(d.id, d.people[0]?.name ?? head?.name ?? '分管领导');
      for (const period of quarters) {
        const groups = new Map<string, Person[]>();
        for (const p of all) {
          if (p.hireDate > period.end || (p.leftDate !== null && p.leftDate < period.start)) continue;
          const unit = p.firstUnitId && period.end < `${year}-${MOVE_DATE_MD}` ? p.firstUnitId : p.unitId;
          const g = groups.get(unit) ?? [];
          g.push(p);
          groups.set(unit, g);
        }
        for (const [unitId, members] of groups) {
          if (period.reviewedAt && ins.review) ins.review.run(newId(), period.id, unitId, period.reviewedAt, by);
          const ratings = rateGroup(rng, members, period.q);
          const ratedAt = `${addDays(period.end, period.q === 4 ? -10 : 7)}T02:00:00.000Z`;
          for (const p of members) {
            const value = ratings.get(p.id)!;
            let text = workRecord(rng, p.work, value, period.q);
            let rater =
              p.role === 'head' || p.role === 'deputy'
                ? (agency.people[1]?.name ?? head?.name ?? '分管领导')
                : (raterOf.get(unitId) ?? '分管领导');
            if (p.role === 'leader') rater = p === head ? '区委考核组' : (head?.name ?? '主要负责同志');
            if (p.edge === 'transferred_in' && period.q === 1) {
              text = `（在原单位某市某区财政局综合科期间）${text}`;
              rater = '原单位：某市某区财政局';
            }
            if (p.edge === 'sick_leave_over' && (period.q === 2 || period.q === 3))
              text = '本季度大部分时间因病休假。返岗后完成科室交办的文件整理工作。';
            ins.rating.run(
              newId(),
              period.id,
              p.id,
              unitId,
              text,
              value,
              ratingComment(rng, value),
              rater,
              ratedAt,
              by,
              ratedAt,
              by,
            );
            summary.ratings.total++;
            bump(summary.ratings.byValue, RATING_LABEL[value]);
          }
        }
      }

      // Evidence: the edge cases (first agency), then the ordinary stream of a year.
      for (const p of all) {
        if (p.edge) edgeEvidence(p, year, addEvidence, unitName);
        // the named people's leave and notices are exactly their edge case (182 days must stay 182)
        if (rng.chance(0.12) && !p.edge) {
          const days = rng.int(1, 8);
          const start = isoFromParts(year, rng.int(1, 10), rng.int(1, 20));
          addEvidence(p, 'leave', rng.chance(0.6) ? '事假' : '病假', start, {
            end: addDays(start, days - 1),
            days,
            desc: '请假经科室负责人批准',
          });
        }
        if (rng.chance(0.3))
          addEvidence(p, 'work', '培训学时', isoFromParts(year, rng.int(3, 10), 15), {
            days: rng.int(12, 60),
            desc: '参加网络学院和专题培训班学习',
            details: { hours: true },
          });
        if (rng.chance(0.07) && p.quality > 0.5) {
          addEvidence(p, 'work', '重点任务', isoFromParts(year, rng.int(2, 10), rng.int(1, 28)), {
            desc: `完成区委、区政府交办的重点任务：${rng.pick(p.work)}`,
            doc: `某${short}〔${year}〕${rng.int(10, 90)}号`,
            details: { result: '按期完成' },
          });
        }
        if (rng.chance(0.02) && !p.edge) {
          const good = p.quality > 0.45;
          addEvidence(
            p,
            'work',
            good ? '督查通报表扬' : '督查通报批评',
            isoFromParts(year, rng.int(2, 10), rng.int(1, 28)),
            {
              desc: good
                ? `区督查室通报表扬：${rng.pick(p.work)}推进有力`
                : `区督查室通报批评：${rng.pick(p.work)}进度滞后`,
              doc: `某督通〔${year}〕${rng.int(1, 40)}号`,
              details: { polarity: good ? 'positive' : 'negative' },
            },
          );
        }
      }

      // History of the three years before (and the 嘉奖 that last year's 优秀 brings in January).
      for (const p of all) {
        for (let y = year - 3; y < year; y++) {
          if (p.hireDate > `${y}-06-30`) continue;
          const h = historyOf(rng, p, y, year);
          ins.history.run(newId(), p.id, y, h.outcome, h.grade, `${y}年度考核结果（演示数据）`, at, by);
          summary.history++;
          if (y === year - 1 && h.grade === 'excellent') {
            addEvidence(p, 'commendation', '嘉奖', `${year}-01-20`, {
              desc: `${y}年度考核被确定为优秀等次，给予嘉奖`,
              doc: `某${short}人〔${year}〕2号`,
            });
          }
        }
      }
    }

    db.prepare(
      `INSERT INTO app_meta (key, value) VALUES ('demo', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(JSON.stringify({ seed, year, people: total, generatedAt: at }));
    summary.elapsedMs = Math.round(performance.now() - started);
    recordAudit(ctx, {
      action: 'demo.generate',
      entity: 'store',
      after: {
        seed,
        year,
        people: summary.people,
        ratings: summary.ratings.total,
        evidence: summary.evidence.total,
        history: summary.history,
        agencies: summary.agencies.length,
      },
      reason: '生成演示数据',
    });
    return summary;
  });
}

function makeIdCard(rng: Rng, birthMonth: string, gender: '男' | '女'): string {
  const region = rng.pick(['370102', '370103', '370104', '370105', '370112']);
  const seq =
    String(rng.int(0, 99)).padStart(2, '0') +
    String(gender === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = region + birthMonth.replace('-', '') + String(rng.int(1, 28)).padStart(2, '0') + seq;
  return first17 + idCardCheckChar(first17);
}

/** Fixed facts of the named people that their evidence must agree with. */
function applyEdge(p: Person, edge: EdgeKey, year: number): void {
  const lo = (q: number) => (p.quality = Math.min(p.quality, q));
  switch (edge) {
    case 'probation_at_year_end':
      Object.assign(p, {
        category: 'civil_servant',
        hireDate: `${year}-03-01`,
        probationEnd: `${year + 1}-02-28`,
        position: '一级科员',
        positionSince: `${year}-03`,
        birthMonth: `${year - 25}-04`,
        education: '研究生（硕士）',
      });
      break;
    case 'probation_ended':
      Object.assign(p, {
        category: 'civil_servant',
        hireDate: `${year - 1}-06-01`,
        probationEnd: `${year}-05-31`,
        position: '一级科员',
        positionSince: `${year - 1}-06`,
        birthMonth: `${year - 26}-09`,
      });
      break;
    case 'left_unit':
      Object.assign(p, { status: 'left', leftDate: `${year}-09-30`, leftReason: '调往市发展和改革委员会' });
      break;
    case 'leader_superior_assessed':
      p.superior = 1;
      break;
    case 'excellent_three_years':
    case 'excellent_two_years':
      Object.assign(p, {
        category: 'civil_servant',
        quality: 0.97,
        hireDate: p.hireDate > `${year - 4}-07-01` ? `${year - 6}-07-01` : p.hireDate,
      });
      break;
    case 'incompetent_last_year':
      Object.assign(p, {
        category: 'civil_servant',
        quality: 0.02,
        hireDate: p.hireDate > `${year - 4}-07-01` ? `${year - 8}-08-01` : p.hireDate,
      });
      break;
    case 'warning':
    case 'demerit':
    case 'major_demerit_last_year':
    case 'investigation_open':
    case 'admonished':
      p.category = 'civil_servant';
      lo(0.4);
      break;
    case 'transferred_in':
      p.category = 'civil_servant';
      break;
    default:
      break;
  }
  if (p.probationEnd && p.probationEnd < p.hireDate) p.probationEnd = null;
  if (p.positionSince < p.hireDate.slice(0, 7)) p.positionSince = p.hireDate.slice(0, 7);
}

/** One department's quarter: forced ratings of the named people, then by score under the cap. */
function rateGroup(rng: Rng, members: Person[], q: number): Map<string, PeriodRatingValue> {
  const out = new Map<string, PeriodRatingValue>();
  const cap = Math.floor(members.length * 0.4);
  const scored = members
    .map((p) => {
      let forced: PeriodRatingValue | null = null;
      if (p.edge === 'excellent_three_years' || p.edge === 'excellent_two_years') forced = 'good';
      if (p.edge === 'incompetent_last_year') forced = (['poor', 'poor', 'average', 'poor'] as const)[q - 1]!;
      if (p.edge === 'sick_leave_over' && (q === 2 || q === 3)) forced = 'fair';
      return { p, forced, score: forced === 'good' ? 10 : p.quality + (rng.next() - 0.5) * 0.35 };
    })
    .sort((x, y) => y.score - x.score);
  let goods = 0;
  const goodSlots = Math.max(0, cap - (rng.chance(0.3) ? 1 : 0));
  for (const s of scored) {
    let v: PeriodRatingValue;
    if (s.forced) v = s.forced;
    else if (goods < goodSlots && s.score > 0.45) v = 'good';
    else if (s.score < 0.12 && rng.chance(0.5)) v = 'poor';
    else if (s.score < 0.3) v = 'average';
    else v = 'fair';
    if (v === 'good') {
      if (goods >= cap) v = 'fair';
      else goods++;
    }
    out.set(s.p.id, v);
  }
  return out;
}

function historyOf(
  rng: Rng,
  p: Person,
  y: number,
  year: number,
): { outcome: 'graded' | 'comments_only'; grade: Grade | null } {
  switch (p.edge) {
    case 'excellent_three_years':
      return { outcome: 'graded', grade: 'excellent' };
    case 'excellent_two_years':
      return { outcome: 'graded', grade: y >= year - 2 ? 'excellent' : 'competent' };
    case 'incompetent_last_year':
      return { outcome: 'graded', grade: y === year - 1 ? 'incompetent' : y === year - 2 ? 'basic' : 'competent' };
    case 'major_demerit_last_year':
      if (y === year - 1) return { outcome: 'comments_only', grade: null };
      break;
    case 'probation_ended':
      return { outcome: 'comments_only', grade: null }; // still in probation at the end of last year
    default:
      break;
  }
  const x = rng.next();
  const grade: Grade = x < (p.quality > 0.75 ? 0.45 : 0.08) ? 'excellent' : x > 0.985 ? 'basic' : 'competent';
  return { outcome: 'graded', grade };
}

type AddEvidence = (
  p: Person,
  kind: EvidenceKind,
  subKind: string,
  date: string,
  o: { end?: string | null; days?: number | null; desc: string; doc?: string; details?: object },
) => void;

function edgeEvidence(p: Person, year: number, add: AddEvidence, unitName: Map<string, string>): void {
  const y = year;
  switch (p.edge) {
    case 'probation_at_year_end':
      add(p, 'probation', '试用期', p.hireDate, {
        end: p.probationEnd,
        desc: `${y}年公务员考试录用，试用期一年`,
        doc: `某发改人〔${y}〕6号`,
      });
      break;
    case 'probation_ended':
      add(p, 'probation', '试用期', p.hireDate, {
        end: p.probationEnd,
        desc: `${y - 1}年公务员考试录用，试用期满考核合格，按期任职`,
        doc: `某发改人〔${y}〕15号`,
      });
      break;
    case 'sick_leave_over':
      add(p, 'leave', '病假', `${y}-03-02`, {
        end: addDays(`${y}-03-02`, 149),
        days: 150,
        desc: '手术住院及术后康复，病假',
        details: { certificate: '区人民医院诊断证明' },
      });
      add(p, 'leave', '事假', `${y}-09-01`, { end: addDays(`${y}-09-01`, 39), days: 40, desc: '照顾住院家属，事假' });
      break;
    case 'sick_leave_182':
      add(p, 'leave', '病假', `${y}-04-01`, {
        end: addDays(`${y}-04-01`, 181),
        days: 182,
        desc: '骨折住院及康复，病假（共 182 天，正好半年，不超过）',
        details: { certificate: '区中医院诊断证明' },
      });
      break;
    case 'warning':
      add(p, 'sanction', '警告', `${y}-04-15`, {
        end: addMonths(`${y}-04-15`, 6),
        desc: '违反工作纪律，在项目审批中超时限办理，给予警告处分',
        doc: `某发改纪〔${y}〕3号`,
        details: { months: 6 },
      });
      break;
    case 'demerit':
      add(p, 'sanction', '记过', `${y}-06-20`, {
        end: addMonths(`${y}-06-20`, 12),
        desc: '违规使用公务用车，给予记过处分',
        doc: `某纪发〔${y}〕21号`,
        details: { months: 12 },
      });
      break;
    case 'major_demerit_last_year':
      add(p, 'sanction', '记大过', `${y - 1}-09-10`, {
        end: addMonths(`${y - 1}-09-10`, 18),
        desc: '在专项资金管理中严重失职，给予记大过处分',
        doc: `某纪发〔${y - 1}〕37号`,
        details: { months: 18 },
      });
      break;
    case 'investigation_open':
      add(p, 'investigation', '立案审查调查', `${y}-10-09`, {
        desc: '因涉嫌违反工作纪律被立案审查调查，尚未结案',
        doc: `某纪立〔${y}〕12号`,
      });
      break;
    case 'investigation_closed':
      add(p, 'investigation', '立案审查调查', `${y}-03-05`, {
        end: `${y}-07-20`,
        desc: '立案审查调查已结案，未发现违纪违法问题，予以了结',
        doc: `某纪立〔${y}〕4号`,
        details: { conclusion: 'no_sanction' },
      });
      break;
    case 'moved_mid_year':
      add(p, 'work', '重点任务', `${y}-05-20`, {
        desc: '在产业发展科期间完成产业链图谱梳理',
        doc: `某发改〔${y}〕31号`,
      });
      break;
    case 'transferred_in':
      add(p, 'transfer', '调入', `${y}-04-01`, {
        desc: '由某市某区财政局调入，第一季度平时考核结果随转',
        doc: `某组干〔${y}〕9号`,
        details: { fromUnit: '某市某区财政局', toUnit: unitName.get(p.unitId) ?? '' },
      });
      break;
    case 'admonished':
      add(p, 'org_handling', '诫勉', `${y}-08-12`, {
        desc: '落实意识形态工作责任制不到位，予以诫勉',
        doc: `某发改党〔${y}〕11号`,
      });
      break;
    case 'excellent_three_years':
      add(p, 'commendation', '通报表扬', `${y}-06-18`, {
        desc: '在重大项目集中开工活动中表现突出，予以通报表扬',
        doc: `某政办〔${y}〕27号`,
      });
      add(p, 'work', '重点任务', `${y}-09-30`, {
        desc: '牵头完成“十五五”规划纲要基本思路研究',
        doc: `某发改〔${y}〕58号`,
        details: { result: '按期完成' },
      });
      break;
    case 'excellent_two_years':
      add(p, 'work', '督查通报表扬', `${y}-07-08`, {
        desc: '区督查室通报表扬：迎峰度夏电力保障有力',
        doc: `某督通〔${y}〕15号`,
        details: { polarity: 'positive' },
      });
      break;
    case 'incompetent_last_year':
      add(p, 'work', '督查通报批评', `${y}-05-16`, {
        desc: '区督查室通报批评：重点项目统计月报多次迟报、错报',
        doc: `某督通〔${y}〕9号`,
        details: { polarity: 'negative' },
      });
      add(p, 'work', '群众投诉', `${y}-08-03`, {
        desc: '企业反映帮办事项推诿拖延，经核查属实',
        details: { polarity: 'negative' },
      });
      break;
    case 'merit_third_class':
      add(p, 'commendation', '记三等功', `${y}-09-18`, {
        desc: '在重大项目争取中央预算内投资工作中成绩突出，记三等功',
        doc: `某人社奖〔${y}〕5号`,
      });
      add(p, 'commendation', '嘉奖', `${y}-03-10`, {
        desc: '在专项债券项目申报中表现突出，给予嘉奖',
        doc: `某发改人〔${y}〕4号`,
      });
      break;
    case 'left_unit':
      add(p, 'not_assessed', '离开单位', p.leftDate ?? `${y}-09-30`, {
        desc: '调往市发展和改革委员会，不参加本单位年度考核',
        doc: `某组干〔${y}〕33号`,
      });
      break;
    default:
      break;
  }
}
