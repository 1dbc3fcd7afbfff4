// Builders for year-end tests: engine inputs in a line (pure), and seeding a real store for core/e2e.
// Keeps the tables in test/unit/rules*.test.ts readable: one row = one person's facts and records.
import type { EvidenceKind, PeriodRatingValue, PersonCategory } from '../../shared/domain/types';
import type { PersonInput, RuleEvidence, RuleHistory, RulePerson } from '../../shared/rules';

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

const R: Record<string, PeriodRatingValue | null> = { 好: 'good', 较好: 'fair', 一般: 'average', 较差: 'poor', 未: null };

/** "好 好 较好 好" → four quarterly ratings of `year`. */
export function quarters(spec: string, year = 2026, counts = true) {
  return spec.split(/\s+/).filter(Boolean).map((w, i) => ({ periodCode: `${year}Q${i + 1}`, seq: i + 1, rating: R[w] ?? null, counts, id: `r${i + 1}` }));
}

let eseq = 0;
export function ev(kind: EvidenceKind, subKind: string, date: string, over: Partial<RuleEvidence> = {}): RuleEvidence {
  eseq++;
  return { id: `e${eseq}`, kind, subKind, date, endDate: null, days: null, details: {}, ...over };
}

export function input(opts: { category?: PersonCategory; ratings?: string; evidence?: RuleEvidence[]; history?: RuleHistory[]; person?: Partial<RulePerson> } = {}): PersonInput {
  return {
    person: person({ category: opts.category ?? 'civil_servant', ...opts.person }),
    ratings: quarters(opts.ratings ?? '好 好 较好 好'),
    evidence: opts.evidence ?? [],
    history: opts.history ?? [],
  };
}
