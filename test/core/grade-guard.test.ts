// The grade guard as a table, on a real store: every eligibility outcome × every path that writes a
// grade (决定, 批量采纳, 复核/申诉 changed outcome, 补定等次, history import). Each refusal is an
// error value naming the rule, the person and the record, and leaves the store exactly as it was.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { ALL_CHOICES, choiceText } from '../../shared/rules/guard';
import type { Grade, Outcome } from '../../shared/domain/types';
import type { Result } from '../../shared/result';
import { apply, preview } from '../support/import-flow';
import { tempCore, type TempCore } from '../support/temp-core';
import { dumpStore, HISTORY_HEADER, writeXlsx } from '../support/xlsx-fixtures';
import { seedYearEnd, type SeedPerson, type SeededYear } from '../support/yearend-fixtures';
import type { YearSettings } from '../../shared/settings/year-settings';
import type { InstitutionSanctionPreset } from '../../shared/settings/institution-presets';

let t: TempCore;
let clock = new Date('2026-11-25T02:00:00Z');
function start(): TempCore {
  clock = new Date('2026-11-25T02:00:00Z');
  t = tempCore({ now: () => clock });
  return t;
}
afterEach(() => t.cleanup());

const call = async <T = unknown>(method: string, input: unknown): Promise<Result<T>> =>
  (await dispatch(t.core, t.session, method, input)) as Result<T>;
const ok = async <T = unknown>(method: string, input: unknown): Promise<T> => {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

type Key = (typeof ALL_CHOICES)[number];
const key = (c: { outcome: Outcome; grade: Grade | null }) => (c.grade ?? c.outcome) as string;
const APPROVAL = '区考核委〔2026〕9号';

/**
 * One person per eligibility outcome: what the rules allow, the rule that bars the rest, and a piece
 * of the record the refusal must name. `allowed` is written out, not derived from the guard.
 */
interface Case {
  no: string;
  name: string;
  outcome: string;
  allowed: string[];
  rule: string;
  record: string;
  seed: Omit<SeedPerson, 'no' | 'name'>;
}
const COMMON_CASES: Case[] = [
  {
    no: 'G01',
    name: '甲一',
    outcome: '确定等次（不受限）',
    allowed: ['excellent', 'competent', 'basic', 'incompetent'],
    rule: '',
    record: '',
    seed: {},
  },
  {
    no: 'G02',
    name: '乙二',
    outcome: '受限：不得优秀',
    allowed: ['competent', 'basic', 'incompetent'],
    rule: '当年受警告处分，不得确定为优秀',
    record: '纪〔2026〕3号',
    seed: { evidence: [{ kind: 'sanction', subKind: '警告', date: '2026-04-01', docNo: '纪〔2026〕3号' }] },
  },
  {
    no: 'G04',
    name: '丁四',
    outcome: '直接确定为不称职',
    allowed: ['incompetent'],
    rule: '当年受撤销党内职务、留党察看、开除党籍处分，确定为不称职',
    record: '纪党〔2026〕5号',
    seed: {
      evidence: [{ kind: 'party_discipline', subKind: '留党察看', date: '2026-05-10', docNo: '纪党〔2026〕5号' }],
    },
  },
  {
    no: 'G05',
    name: '戊五',
    outcome: '只写评语',
    allowed: ['comments_only'],
    rule: '当年受记过处分，只写评语不定等次',
    record: '纪〔2026〕8号',
    seed: { evidence: [{ kind: 'sanction', subKind: '记过', date: '2026-03-01', docNo: '纪〔2026〕8号' }] },
  },
  {
    no: 'G06',
    name: '己六',
    outcome: '暂缓',
    allowed: ['deferred'],
    rule: '年底立案审查调查尚未结案，不写评语、不确定等次',
    record: '2026-09-01',
    seed: { evidence: [{ kind: 'investigation', subKind: '立案审查调查', date: '2026-09-01' }] },
  },
  {
    no: 'G07',
    name: '庚七',
    outcome: '不参加考核',
    allowed: ['not_assessed'],
    rule: '受开除处分，不参加考核',
    record: '纪〔2026〕11号',
    seed: { evidence: [{ kind: 'sanction', subKind: '开除', date: '2026-06-01', docNo: '纪〔2026〕11号' }] },
  },
];

/** The 事业 sanction rows differ by the year's preset (2012 暂行规定 / 2023 处分规定): their own cases. */
const INSTITUTION_CASES: Record<InstitutionSanctionPreset, Case[]> = {
  '2012': [
    {
      no: 'G03',
      name: '丙三',
      outcome: '事业：受记过处分期间',
      allowed: ['basic', 'incompetent'],
      rule: '事业单位受记过处分期间，不得确定为合格及以上',
      record: '人社〔2026〕7号',
      seed: {
        category: 'institution',
        evidence: [{ kind: 'sanction', subKind: '记过', date: '2026-02-01', docNo: '人社〔2026〕7号' }],
      },
    },
    {
      no: 'G08',
      name: '辛八',
      outcome: '事业：受降低岗位等级处分期间',
      allowed: ['incompetent'],
      rule: '事业单位受降低岗位等级或撤职处分期间，不得确定为基本合格及以上',
      record: '人社〔2025〕4号',
      seed: {
        category: 'institution',
        evidence: [{ kind: 'sanction', subKind: '降低岗位等级', date: '2025-03-01', docNo: '人社〔2025〕4号' }],
      },
    },
  ],
  '2023': [
    {
      no: 'G03',
      name: '丙三',
      outcome: '事业：当年受记过处分',
      allowed: ['comments_only'],
      rule: '事业单位受记过处分的当年，只写评语不定等次（2023年处分规定）',
      record: '人社〔2026〕7号',
      seed: {
        category: 'institution',
        evidence: [{ kind: 'sanction', subKind: '记过', date: '2026-02-01', docNo: '人社〔2026〕7号' }],
      },
    },
    {
      no: 'G08',
      name: '辛八',
      outcome: '事业：上一年受降低岗位等级处分',
      allowed: ['comments_only'],
      rule: '事业单位受降低岗位等级处分的当年及第二年，只写评语不定等次（2023年处分规定；撤职按降低岗位等级）',
      record: '人社〔2025〕4号',
      seed: {
        category: 'institution',
        evidence: [{ kind: 'sanction', subKind: '降低岗位等级', date: '2025-03-01', docNo: '人社〔2025〕4号' }],
      },
    },
    {
      no: 'G09',
      name: '壬九',
      outcome: '事业：当年受警告处分',
      allowed: ['competent', 'basic', 'incompetent'],
      rule: '当年受警告处分，不得确定为优秀',
      record: '人社〔2026〕2号',
      seed: {
        category: 'institution',
        evidence: [{ kind: 'sanction', subKind: '警告', date: '2026-06-01', docNo: '人社〔2026〕2号' }],
      },
    },
  ],
};
const PRESETS = Object.keys(INSTITUTION_CASES) as InstitutionSanctionPreset[];
const casesOf = (preset: InstitutionSanctionPreset): Case[] => [...COMMON_CASES, ...INSTITUTION_CASES[preset]];
/** The store's settings for the preset: naming it is the whole switch (the rows follow on read). */
const presetSettings =
  (preset: InstitutionSanctionPreset, more?: (s: YearSettings) => void) =>
  (s: YearSettings): void => {
    s.institutionSanctionPreset = preset;
    more?.(s);
  };
const barredCount = (cases: Case[], from = ALL_CHOICES.length) =>
  cases.reduce((n, c) => n + from - c.allowed.length, 0);

function seed(cases: Case[], settings?: Parameters<typeof seedYearEnd>[1]['settings']): SeededYear {
  return seedYearEnd(t.ctx, {
    people: cases.map((c) => ({ no: c.no, name: c.name, ratings: '好 好 好 好', ...c.seed })),
    settings,
  });
}

const decisionRow = (personId: string) =>
  t.core.db
    .prepare('SELECT outcome, grade, reason, approval_doc_no, source FROM yearend_decision WHERE person_id = ?')
    .get(personId);

function expectRefusal(r: Result<unknown>, c: Case, choice: Key, label: string): void {
  expect(r.ok, `${c.no} ${label} should be refused`).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('RULE');
  expect(r.error.message).toContain(`${c.name}（${c.no}）`);
  expect(r.error.message).toContain(`不能确定为“${label}”`);
  const graded = c.allowed.some((k) => ['excellent', 'competent', 'basic', 'incompetent'].includes(k));
  if (graded && choice.outcome !== 'graded') {
    // no rule asks for a non-grade outcome: the refusal says so
    expect(r.error.message).toContain('未触发只写评语、暂缓或不参加考核的规则，应确定等次');
    return;
  }
  expect(r.error.message).toContain(`规则“${c.rule}”`);
  expect(r.error.message).toContain(c.record);
}

describe.each(PRESETS)('grade guard × 考核决定 (yearend.decide), 事业 preset %s', (preset) => {
  it('accepts exactly the results the rules allow, refuses the rest naming rule, person and record', async () => {
    start();
    const CASES = casesOf(preset);
    const y = seed(CASES, presetSettings(preset));
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const bench = await ok<{
      rows: {
        person: { personNo: string };
        choices: { grade: Grade | null; outcome: Outcome; allowed: boolean; reason: string }[];
      }[];
    }>('yearend.workbench', { yearId: y.yearId, limit: 100 });
    let accepted = 0;
    let refused = 0;
    for (const c of CASES) {
      const id = y.ids.get(c.no)!;
      const category = c.seed.category ?? 'civil_servant';
      // the workbench offers the same set, and says why the others are not offered
      const row = bench.rows.find((r) => r.person.personNo === c.no)!;
      expect(row.choices.filter((x) => x.allowed).map(key), c.no).toEqual(c.allowed);
      for (const x of row.choices.filter((x) => !x.allowed)) expect(x.reason, c.no).toContain('不能确定为');
      for (const choice of ALL_CHOICES) {
        const before = dumpStore(t.core.db);
        const r = await call('yearend.decide', {
          yearId: y.yearId,
          personId: id,
          ...choice,
          reason: '经考核委员会讨论决定',
          approvalDocNo: choice.grade === 'excellent' ? APPROVAL : '',
        });
        if (c.allowed.includes(key(choice))) {
          expect(r.ok, `${c.no} ${key(choice)}: ${!r.ok ? r.error.message : ''}`).toBe(true);
          expect(decisionRow(id)).toMatchObject({ outcome: choice.outcome, grade: choice.grade });
          accepted++;
        } else {
          expectRefusal(r, c, choice, choiceText(choice, category));
          expect(dumpStore(t.core.db)).toBe(before);
          refused++;
        }
      }
    }
    const barred = barredCount(CASES);
    expect({ accepted, refused }).toEqual({ accepted: CASES.length * ALL_CHOICES.length - barred, refused: barred });
  });
});

describe.each(PRESETS)('grade guard × 批量采纳 (yearend.bulkAccept), 事业 preset %s', (preset) => {
  it('skips every person whose frozen suggestion the records no longer allow, naming the rule', async () => {
    start();
    const CASES = casesOf(preset);
    // frozen at review as excellent candidates, every one; the records arrive after the freeze
    const y = seed(
      CASES.map((c) => ({ ...c, seed: { category: c.seed.category } })),
      presetSettings(preset, (s) => void (s.quota.share = 1)),
    );
    await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
    const ins = t.core.db.prepare(
      `INSERT INTO evidence (id, person_id, kind, sub_kind, date, end_date, days, description, doc_no, details_json, recorded_by, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, '', ?, '{}', 'test', 'x', 'x', 'test')`,
    );
    for (const c of CASES)
      for (const e of c.seed.evidence ?? [])
        ins.run(`late-${c.no}`, y.ids.get(c.no), e.kind, e.subKind, e.date, e.docNo ?? '');
    const r = await ok<{ accepted: number; skipped: { name: string; reason: string }[] }>('yearend.bulkAccept', {
      yearId: y.yearId,
      departmentId: null,
    });
    expect(r.accepted).toBe(1);
    expect(decisionRow(y.ids.get('G01')!)).toMatchObject({ grade: 'excellent', source: 'bulk' });
    for (const c of CASES.slice(1)) {
      const s = r.skipped.find((x) => x.name === c.name)!;
      expect(s, c.no).toBeDefined();
      expect(s.reason).toContain(`${c.name}（${c.no}）不能确定为“优秀”`);
      expect(s.reason).toContain(`规则“${c.rule}”`);
      expect(s.reason).toContain(c.record);
      expect(decisionRow(y.ids.get(c.no)!)).toBeUndefined();
    }
  });
});

async function finalise(y: SeededYear, pick: (c: Case) => { outcome: Outcome; grade: Grade | null }, cases: Case[]) {
  await ok('yearend.transition', { yearId: y.yearId, to: 'review' });
  for (const c of cases)
    await ok('yearend.decide', {
      yearId: y.yearId,
      personId: y.ids.get(c.no),
      ...pick(c),
      reason: '经考核委员会讨论决定',
      approvalDocNo: '',
    });
  await ok('yearend.transition', { yearId: y.yearId, to: 'notice', noticeStart: '2026-11-16', confirmPastStart: true });
  await ok('yearend.transition', { yearId: y.yearId, to: 'final' });
}

const choiceOfKey = (k: string) => ALL_CHOICES.find((c) => key(c) === k)!;

describe.each(PRESETS)('grade guard × 复核/申诉 changed outcome (yearend.decideRedress), 事业 preset %s', (preset) => {
  it('a changed outcome may only take a result the rules allow', async () => {
    start();
    const CASES = casesOf(preset);
    const y = seed(
      CASES,
      presetSettings(
        preset,
        (s) => void (s.redress.appealableGrades = ['excellent', 'competent', 'basic', 'incompetent']),
      ),
    );
    // each decided on the lowest result the rules allow, so every better one is a real change
    await finalise(y, (c) => choiceOfKey(c.allowed[c.allowed.length - 1]!), CASES);
    let refused = 0;
    for (const c of CASES) {
      const id = y.ids.get(c.no)!;
      const category = c.seed.category ?? 'civil_servant';
      const review = await ok<{ id: string }>('yearend.fileRedress', {
        yearId: y.yearId,
        personId: id,
        kind: 'review',
        learnedOn: '2026-11-25',
        filedOn: '2026-11-25',
        request: '申请复核',
      });
      const list = await ok<{ id: string; choices: { grade: Grade | null; outcome: Outcome; allowed: boolean }[] }[]>(
        'yearend.redressList',
        { yearId: y.yearId },
      );
      expect(
        list
          .find((x) => x.id === review.id)!
          .choices.filter((x) => x.allowed)
          .map(key),
        c.no,
      ).toEqual(c.allowed);
      const current = c.allowed[c.allowed.length - 1];
      const barred = ALL_CHOICES.filter((x) => !c.allowed.includes(key(x)));
      for (const choice of barred) {
        const before = dumpStore(t.core.db);
        const r = await call('yearend.decideRedress', {
          redressId: review.id,
          decision: 'changed',
          decisionOn: '2026-11-25',
          decisionDocNo: '考核委〔2026〕15号',
          reason: '经复核改变等次',
          ...choice,
          approvalDocNo: choice.grade === 'excellent' ? APPROVAL : '',
        });
        expectRefusal(r, c, choice, choiceText(choice, category));
        expect(!r.ok && r.error.message).toMatch(/^录入复核或申诉结果未保存/);
        expect(dumpStore(t.core.db)).toBe(before);
        refused++;
      }
      const better = c.allowed.find((k) => k !== current);
      if (better) {
        await ok('yearend.decideRedress', {
          redressId: review.id,
          decision: 'changed',
          decisionOn: '2026-11-25',
          decisionDocNo: '考核委〔2026〕15号',
          reason: '经复核改变等次',
          ...choiceOfKey(better),
          approvalDocNo: better === 'excellent' ? APPROVAL : '',
        });
        expect(decisionRow(id)).toMatchObject({ grade: choiceOfKey(better).grade, source: 'review' });
      } else {
        await ok('yearend.decideRedress', {
          redressId: review.id,
          decision: 'upheld',
          decisionOn: '2026-11-25',
          reason: '维持原结果',
        });
      }
    }
    expect(refused).toBe(barredCount(CASES));
  });
});

describe.each(PRESETS)('grade guard × 补定等次 (deferred_grade), 事业 preset %s', (preset) => {
  // seven people deferred at year end by an open investigation; on the decision day each has closed
  // (ended 2027-01-15) with a different conclusion, or (H06) is still open
  const closing = (
    no: string,
    name: string,
    details: Record<string, unknown> | null,
    c: Omit<Case, 'no' | 'name' | 'seed'>,
    category?: 'institution',
  ): Case => ({
    no,
    name,
    ...c,
    seed: {
      category,
      evidence: [
        {
          kind: 'investigation',
          subKind: '立案审查调查',
          date: '2026-09-01',
          endDate: details ? '2027-01-15' : null,
          details: details ?? {},
          docNo: `立〔2026〕${no}`,
        },
      ],
    },
  });
  const DEFERRED: Case[] = [
    closing(
      'H01',
      '子一',
      { closingOutcome: 'none' },
      { outcome: '结案未处分', allowed: ['excellent', 'competent', 'basic', 'incompetent'], rule: '', record: '' },
    ),
    closing(
      'H02',
      '丑二',
      { closingOutcome: 'warning' },
      {
        outcome: '结案警告',
        allowed: ['competent', 'basic', 'incompetent'],
        rule: '当年受警告处分，不得确定为优秀',
        record: '立〔2026〕H02',
      },
    ),
    closing(
      'H03',
      '寅三',
      { conclusion: '记过' },
      {
        outcome: '事业：结案记过',
        allowed: ['basic', 'incompetent'],
        rule: '事业单位受记过处分期间，不得确定为合格及以上',
        record: '立〔2026〕H03',
      },
      'institution',
    ),
    closing(
      'H04',
      '卯四',
      { conclusion: '留党察看' },
      {
        outcome: '结案留党察看',
        allowed: ['incompetent'],
        rule: '当年受撤销党内职务、留党察看、开除党籍处分，确定为不称职',
        record: '立〔2026〕H04',
      },
    ),
    closing(
      'H05',
      '辰五',
      { conclusion: '记过' },
      {
        outcome: '结案记过',
        allowed: ['comments_only'],
        rule: '当年受记过处分，只写评语不定等次',
        record: '立〔2026〕H05',
      },
    ),
    closing('H06', '巳六', null, {
      outcome: '仍未结案',
      allowed: ['deferred'],
      rule: '年底立案审查调查尚未结案，不写评语、不确定等次',
      record: '立〔2026〕H06',
    }),
    closing(
      'H07',
      '午七',
      { conclusion: '开除' },
      { outcome: '结案开除', allowed: ['not_assessed'], rule: '受开除处分，不参加考核', record: '立〔2026〕H07' },
    ),
  ];

  it('decides the grade by the conclusion on the decision day, never beyond what it allows', async () => {
    start();
    // the 事业 记过 conclusion (H03) reads by the year's preset: 2012 caps at 基本合格, 2023 comments only
    const CASES = DEFERRED.map((c) =>
      c.no === 'H03' && preset === '2023'
        ? {
            ...c,
            outcome: '事业：结案记过（2023年处分规定）',
            allowed: ['comments_only'],
            rule: '事业单位受记过处分的当年，只写评语不定等次（2023年处分规定）',
          }
        : c,
    );
    const y = seed(CASES, presetSettings(preset));
    await finalise(y, () => ({ outcome: 'deferred', grade: null }), CASES);
    clock = new Date('2027-01-20T02:00:00Z');
    let refused = 0;
    for (const c of CASES) {
      const id = y.ids.get(c.no)!;
      const category = c.seed.category ?? 'civil_servant';
      const filed = await ok<{ id: string }>('yearend.fileRedress', {
        yearId: y.yearId,
        personId: id,
        kind: 'deferred_grade',
        filedOn: '2027-01-20',
        request: '立案审查调查已结案，申请补定等次',
      });
      // 'deferred' again writes nothing (no change), so the table runs over every other result
      for (const choice of ALL_CHOICES.filter((x) => x.outcome !== 'deferred')) {
        const input = {
          redressId: filed.id,
          decision: 'changed',
          decisionOn: '2027-01-20',
          decisionDocNo: '考核委〔2027〕2号',
          reason: '结案后补定等次',
          ...choice,
          approvalDocNo: choice.grade === 'excellent' ? APPROVAL : '',
        };
        if (c.allowed.includes(key(choice))) continue;
        const before = dumpStore(t.core.db);
        const r = await call('yearend.decideRedress', input);
        expectRefusal(r, c, choice, choiceText(choice, category));
        expect(!r.ok && r.error.message).toMatch(/^补定等次未保存/);
        expect(dumpStore(t.core.db)).toBe(before);
        refused++;
      }
      const target = c.allowed.find((k) => k !== 'deferred');
      if (target) {
        await ok('yearend.decideRedress', {
          redressId: filed.id,
          decision: 'changed',
          decisionOn: '2027-01-20',
          decisionDocNo: '考核委〔2027〕2号',
          reason: '结案后补定等次',
          ...choiceOfKey(target),
          approvalDocNo: target === 'excellent' ? APPROVAL : '',
        });
        expect(decisionRow(id)).toMatchObject({ ...choiceOfKey(target), source: 'deferred_grade' });
      } else expect(decisionRow(id)).toMatchObject({ outcome: 'deferred', grade: null });
    }
    // H01 4 allowed → 2 barred (comments_only, not_assessed); H02 3; H03 4 (2023: 5); H04 5; H05 5; H06 6; H07 5
    expect(refused).toBe(2 + 3 + (preset === '2012' ? 4 : 5) + 5 + 5 + 6 + 5);
  });
});

describe('补定等次 with the investigation closed in the same step', () => {
  it('records the closing and the grade together, the guard reading the closed case; a refusal leaves the case open', async () => {
    start();
    const c: Case = {
      no: 'J01',
      name: '癸一',
      outcome: '暂缓',
      allowed: ['deferred'],
      rule: '',
      record: '',
      seed: {
        evidence: [{ kind: 'investigation', subKind: '立案审查调查', date: '2026-09-01', docNo: '立〔2026〕J01' }],
      },
    };
    const y = seed([c]);
    await finalise(y, () => ({ outcome: 'deferred', grade: null }), [c]);
    clock = new Date('2027-01-20T02:00:00Z');
    const personId = y.ids.get('J01')!;
    const investigation = t.core.db
      .prepare("SELECT id FROM evidence WHERE person_id = ? AND kind = 'investigation'")
      .get(personId) as { id: string };
    const investigationRow = () =>
      t.core.db.prepare('SELECT end_date, details_json FROM evidence WHERE id = ?').get(investigation.id);
    // without the closing, the case is still open on the decision day: only 暂缓 is allowed
    const filed = await ok<{ id: string }>('yearend.fileRedress', {
      yearId: y.yearId,
      personId,
      kind: 'deferred_grade',
      filedOn: '2027-01-20',
      request: '立案审查调查已结案（给予警告），申请补定等次',
    });
    const decide = (grade: Grade, closing: unknown) =>
      call('yearend.decideRedress', {
        redressId: filed.id,
        decision: 'changed',
        decisionOn: '2027-01-20',
        decisionDocNo: '考核委〔2027〕3号',
        reason: '结案后补定等次',
        outcome: 'graded',
        grade,
        approvalDocNo: grade === 'excellent' ? APPROVAL : '',
        closing,
      });
    const closing = { evidenceId: investigation.id, endDate: '2027-01-15', closingOutcome: 'warning' };
    const open = await decide('competent', null);
    expect(!open.ok && open.error.code).toBe('RULE');
    expect(!open.ok && open.error.message).toContain('年底立案审查调查尚未结案');
    // closed with a 警告 in the same step: 优秀 is refused, and the case stays open as it was
    const before = dumpStore(t.core.db);
    const refused = await decide('excellent', closing);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('RULE');
      expect(refused.error.message).toContain('癸一（J01）');
      expect(refused.error.message).toContain('规则“当年受警告处分，不得确定为优秀”');
      expect(refused.error.message).toContain('立〔2026〕J01');
    }
    expect(dumpStore(t.core.db)).toBe(before);
    expect(investigationRow()).toMatchObject({ end_date: null });
    // a closing after the decision day, or on another person's record, is refused; nothing written
    const late = await decide('competent', { ...closing, endDate: '2027-01-21' });
    expect(!late.ok && late.error.message).toContain('结案日期（2027-01-21）不能晚于补定等次的决定日期（2027-01-20）');
    expect(dumpStore(t.core.db)).toBe(before);
    // 称职: the closing and the grade are written together, each audited
    const seq = (t.core.db.prepare('SELECT MAX(seq) AS n FROM audit_log').get() as { n: number }).n;
    await ok('yearend.decideRedress', {
      redressId: filed.id,
      decision: 'changed',
      decisionOn: '2027-01-20',
      decisionDocNo: '考核委〔2027〕3号',
      reason: '结案后补定等次',
      outcome: 'graded',
      grade: 'competent',
      // no record named: the person's one open investigation
      closing: { ...closing, evidenceId: null },
    });
    expect(investigationRow()).toEqual({
      end_date: '2027-01-15',
      details_json: JSON.stringify({ closingOutcome: 'warning', linkedEvidenceId: null }),
    });
    expect(decisionRow(personId)).toMatchObject({ outcome: 'graded', grade: 'competent', source: 'deferred_grade' });
    const actions = (
      t.core.db.prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toEqual(['evidence.update', 'yearend.redress.apply', 'yearend.redress.decide']);
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM yearend_unlock').get()).toEqual({ n: 0 });
  });
});

describe('grade guard × history import', () => {
  it('refuses a history row for a year this store assesses, for every person; earlier years still import', async () => {
    start();
    const CASES = casesOf('2023');
    seed(CASES);
    const path = join(t.dir, 'history.xlsx');
    await writeXlsx(path, [
      {
        rows: [
          HISTORY_HEADER,
          ...CASES.map((c) => [c.no, c.name, 2026, '优秀']),
          ...CASES.map((c) => [c.no, c.name, 2025, '称职']),
        ],
      },
    ]);
    const p = await preview(t, 'history', path);
    const n = CASES.length;
    expect(p.summary).toMatchObject({ dataRows: 2 * n, errorRows: n, cleanRows: n });
    for (const issue of p.issues) {
      expect(issue.header).toBe('年度');
      expect(issue.problem).toContain('年度 2026 在本系统中进行年终考核，其结果只能由考核决定');
    }
    const before = dumpStore(t.core.db);
    const refused = await apply(t, p.previewId, 'all');
    expect(refused.status).toBe('failed');
    expect(dumpStore(t.core.db)).toBe(before);
    const clean = await apply(t, p.previewId, 'clean');
    expect(clean.value).toMatchObject({ added: n });
    expect(t.core.db.prepare('SELECT DISTINCT year FROM history_grade').all()).toEqual([{ year: 2025 }]);
  }, 120_000);
});
