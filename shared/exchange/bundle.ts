// The shape of a 数据交换包 (exchange bundle): a zip holding manifest.json and one JSON file per part.
// Records are named by what both stores share (unit names, period codes, 人员编号, evidence ids),
// never by a row id that only one store knows. Every part is parsed with these schemas on import.
import { z } from 'zod';
import { evidenceKind, grade, isoDate, outcome, periodRatingValue, personCategory } from '../domain/types';

/** The bundle layout's version. A newer one is refused; an older one is upgraded where an upgrade exists. */
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_MAGIC = 'dynamic-assessment-exchange';
export const BUNDLE_EXTENSION = 'dax';

export const bundleDirection = z.enum(['up', 'down']);
export type BundleDirection = z.infer<typeof bundleDirection>;
export const DIRECTION_LABEL: Record<BundleDirection, string> = {
  up: '部门报送考核办（名册变动、平时考核、事件）',
  down: '考核办下发部门（复核结果、已复核期间、考核结果）',
};

const text = (max: number) => z.string().max(max);
const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const PART_NAMES = ['roster', 'ratings', 'evidence', 'reviews', 'decisions', 'attachments'] as const;
export type PartName = (typeof PART_NAMES)[number];
export const PART_LABEL: Record<PartName, string> = {
  roster: '人员名册',
  ratings: '平时考核',
  evidence: '事件记录',
  reviews: '复核结果',
  decisions: '年度考核结果',
  attachments: '证明材料',
};

export const partEntry = z.strictObject({
  name: z.enum(PART_NAMES),
  file: text(200),
  count: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: sha,
});

export const manifest = z.strictObject({
  magic: z.literal(BUNDLE_MAGIC),
  formatVersion: z.number().int().min(0),
  schemaVersion: z.number().int().min(0),
  appVersion: text(40),
  bundleId: text(64).min(1),
  createdAt: z.string().max(40),
  createdBy: text(80),
  direction: bundleDirection,
  sender: z.strictObject({ workstationId: text(64).min(1), label: text(100) }),
  /** the unit the bundle is about: an agency, or one of its departments */
  unit: z.strictObject({ agency: text(100).min(1), department: text(100).nullable() }),
  year: z.number().int().min(2000).max(2100),
  periods: z.array(text(20)).max(60),
  parts: z.array(partEntry).max(PART_NAMES.length),
});
export type BundleManifest = z.infer<typeof manifest>;

export const bundlePerson = z.strictObject({
  personNo: text(40).min(1),
  name: text(40).min(1),
  gender: z.enum(['男', '女']).nullable(),
  birthMonth: text(7).nullable(),
  politicalStatus: text(40).nullable(),
  education: text(40).nullable(),
  department: text(100).min(1),
  /** the day the person joined that department, when a move took them there */
  departmentSince: isoDate.nullable(),
  position: text(100).nullable(),
  positionSince: text(7).nullable(),
  category: personCategory,
  duties: text(500).nullable(),
  hireDate: isoDate.nullable(),
  probationEnd: isoDate.nullable(),
  superiorAssessed: z.boolean(),
  idCard: text(18).nullable(),
  status: z.enum(['active', 'left']),
  leftDate: isoDate.nullable(),
  leftReason: text(200).nullable(),
});
export type BundlePerson = z.infer<typeof bundlePerson>;

export const bundleRating = z.strictObject({
  periodCode: text(20).min(1),
  personNo: text(40).min(1),
  department: text(100).min(1),
  workRecord: text(4000),
  selfAssessment: text(4000),
  rating: periodRatingValue.nullable(),
  comment: text(2000),
  rater: text(80),
});
export type BundleRating = z.infer<typeof bundleRating>;

export const bundleEvidence = z.strictObject({
  id: text(64).min(1),
  personNo: text(40).min(1),
  kind: evidenceKind,
  subKind: text(40),
  date: isoDate,
  endDate: isoDate.nullable(),
  days: z.number().nullable(),
  description: text(4000),
  docNo: text(200),
  details: z.record(z.string(), z.unknown()),
  status: z.enum(['active', 'voided']),
  voidReason: text(500).nullable(),
});
export type BundleEvidence = z.infer<typeof bundleEvidence>;

export const bundleReview = z.strictObject({
  periodCode: text(20).min(1),
  department: text(100).min(1),
  status: z.enum(['returned', 'accepted']),
  note: text(2000),
  /** the office marked the whole period 复核完成 */
  periodReviewed: z.boolean(),
});
export type BundleReview = z.infer<typeof bundleReview>;

export const bundleDecision = z.strictObject({
  personNo: text(40).min(1),
  outcome,
  grade: grade.nullable(),
  reason: text(2000),
  approvalDocNo: text(200),
});
export type BundleDecision = z.infer<typeof bundleDecision>;

export const bundleAttachment = z.strictObject({
  id: text(64).min(1),
  evidenceId: text(64).min(1),
  docNo: text(200),
  fileName: text(255).min(1),
  mime: text(100),
  size: z.number().int().min(0),
  sha256: sha,
});
export type BundleAttachment = z.infer<typeof bundleAttachment>;

export const PART_SCHEMAS = {
  roster: z.array(bundlePerson).max(100_000),
  ratings: z.array(bundleRating).max(500_000),
  evidence: z.array(bundleEvidence).max(500_000),
  reviews: z.array(bundleReview).max(10_000),
  decisions: z.array(bundleDecision).max(100_000),
  attachments: z.array(bundleAttachment).max(50_000),
} as const;

export interface BundleParts {
  roster: BundlePerson[];
  ratings: BundleRating[];
  evidence: BundleEvidence[];
  reviews: BundleReview[];
  decisions: BundleDecision[];
  attachments: BundleAttachment[];
}

export const emptyParts = (): BundleParts => ({
  roster: [],
  ratings: [],
  evidence: [],
  reviews: [],
  decisions: [],
  attachments: [],
});
