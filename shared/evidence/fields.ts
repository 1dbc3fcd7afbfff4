// What each kind of evidence records: a zod discriminated union on `kind`, one strict object per
// kind with its own fields and Chinese messages (the service, the API and the import all use it).
import { z } from 'zod';
import { compareIso, daysBetween } from '../domain/dates';
import { EVIDENCE_FIELDS as F, tooLong, type TextField } from '../domain/fields';
import { EVIDENCE_SUB_KINDS, id, isoDate, type EvidenceKind } from '../domain/types';

const subKind = <K extends EvidenceKind>(kind: K) =>
  z.enum(EVIDENCE_SUB_KINDS[kind], { error: `细类无效，可选：${EVIDENCE_SUB_KINDS[kind].join('、')}` });

/** a text field the clerk must fill, its length from the registry; `missing` says what to fill */
const required = (f: TextField, missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(f.max, tooLong(f));
const optional = (f: TextField) => z.string().trim().max(f.max, tooLong(f)).default('');

const description = optional(F.description);
const optionalDocNo = optional(F.docNo);
const requiredDocNo = (what: string) => required(F.docNo, `请填写${what}文号`);
const date = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .refine((s) => isoDate.safeParse(s).success, `${label}应为 YYYY-MM-DD 格式的有效日期`);

const common = {
  personId: id,
  date: date('日期'),
  description,
  docNo: optionalDocNo,
};

/** 截止日期不得早于开始日期 — the issue sits on endDate so the form shows it at that field. */
function endNotBeforeStart(v: { date: string; endDate?: string | null }, ctx: z.RefinementCtx, label = '截止日期') {
  if (
    v.endDate &&
    isoDate.safeParse(v.endDate).success &&
    isoDate.safeParse(v.date).success &&
    compareIso(v.endDate, v.date) < 0
  ) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: `${label}不能早于开始日期` });
  }
}

export const commendationInput = z.strictObject({
  kind: z.literal('commendation'),
  subKind: subKind('commendation'),
  ...common,
  docNo: requiredDocNo('奖励'),
});

export const sanctionInput = z.strictObject({
  kind: z.literal('sanction'),
  subKind: subKind('sanction'),
  ...common,
  date: date('处分生效日期'),
  docNo: requiredDocNo('处分决定'),
});

export const partyDisciplineInput = z
  .strictObject({
    kind: z.literal('party_discipline'),
    subKind: subKind('party_discipline'),
    ...common,
    /** 留党察看 term: one or two years */
    termYears: z
      .union([z.literal(1), z.literal(2)], { error: '留党察看期限应为 1 年或 2 年' })
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    if (v.subKind === '留党察看' && v.termYears === null)
      ctx.addIssue({ code: 'custom', path: ['termYears'], message: '留党察看须填写期限（1 年或 2 年）' });
    if (v.subKind !== '留党察看' && v.termYears !== null)
      ctx.addIssue({ code: 'custom', path: ['termYears'], message: '只有留党察看有期限，请清空' });
  });

export const orgHandlingInput = z.strictObject({
  kind: z.literal('org_handling'),
  subKind: subKind('org_handling'),
  ...common,
});

/** How a closed investigation ended: no sanction / only a 警告 / a heavier sanction (linked). */
export const investigationOutcome = z.enum(['none', 'warning', 'heavier'], {
  error: '结案结果应为：无处分、警告或更重处分',
});
export type InvestigationOutcome = z.infer<typeof investigationOutcome>;
export const INVESTIGATION_OUTCOME_LABEL: Record<InvestigationOutcome, string> = {
  none: '未予处分',
  warning: '警告',
  heavier: '警告以上处分',
};

export const investigationInput = z
  .strictObject({
    kind: z.literal('investigation'),
    subKind: subKind('investigation'),
    ...common,
    date: date('立案日期'),
    /** 结案日期; null while the case is open */
    endDate: date('结案日期').nullable().default(null),
    closingOutcome: investigationOutcome.nullable().default(null),
    /** the sanction record a heavier outcome led to */
    linkedEvidenceId: id.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    endNotBeforeStart(v, ctx, '结案日期');
    if (v.endDate && v.closingOutcome === null)
      ctx.addIssue({ code: 'custom', path: ['closingOutcome'], message: '已结案的须选择结案结果' });
    if (!v.endDate && v.closingOutcome !== null)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: '填写了结案结果，请同时填写结案日期' });
    if (v.linkedEvidenceId !== null && v.closingOutcome === 'none')
      ctx.addIssue({ code: 'custom', path: ['linkedEvidenceId'], message: '未予处分的结案不应关联处分记录' });
  });

export const leaveInput = z
  .strictObject({
    kind: z.literal('leave'),
    subKind: subKind('leave'),
    ...common,
    date: date('开始日期'),
    endDate: date('截止日期'),
    /** days as the clerk counts them (e.g. working days); computed from the dates when absent */
    days: z
      .number({ error: '天数应为数字' })
      .positive('天数应大于 0')
      .max(366, '天数不能超过 366')
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    endNotBeforeStart(v, ctx);
    if (
      v.days !== null &&
      isoDate.safeParse(v.date).success &&
      isoDate.safeParse(v.endDate).success &&
      compareIso(v.endDate, v.date) >= 0
    ) {
      const span = daysBetween(v.date, v.endDate) + 1;
      if (v.days > span)
        ctx.addIssue({ code: 'custom', path: ['days'], message: `天数（${v.days}）不能超过起止日期间的 ${span} 天` });
    }
  });

export const probationInput = z
  .strictObject({
    kind: z.literal('probation'),
    subKind: subKind('probation'),
    ...common,
    date: date('试用期开始日期'),
    endDate: date('试用期满日期'),
  })
  .superRefine((v, ctx) => endNotBeforeStart(v, ctx, '试用期满日期'));

export const transferInput = z
  .strictObject({
    kind: z.literal('transfer'),
    subKind: subKind('transfer'),
    ...common,
    /** 对方单位: where the person came from or went to */
    otherUnit: required(F.otherUnit, '请填写对方单位名称'),
    /** end of a secondment or training posting, when known */
    endDate: date('截止日期').nullable().default(null),
  })
  .superRefine((v, ctx) => endNotBeforeStart(v, ctx));

export const workInput = z
  .strictObject({
    kind: z.literal('work'),
    subKind: subKind('work'),
    ...common,
    /** 培训学时 */
    hours: z.number({ error: '学时应为数字' }).positive('学时应大于 0').max(2000, '学时过大').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.subKind === '培训学时' && v.hours === null)
      ctx.addIssue({ code: 'custom', path: ['hours'], message: '培训学时须填写学时数' });
  });

export const negativeListInput = z.strictObject({
  kind: z.literal('negative_list'),
  subKind: subKind('negative_list'),
  ...common,
  /** 负面清单事项 name, as the office's list spells it */
  item: required(F.item, '请填写负面清单事项'),
});

export const roleVetoInput = z.strictObject({
  kind: z.literal('role_veto'),
  subKind: subKind('role_veto'),
  ...common,
  /** the role concerned, e.g. 党支部书记 */
  role: optional(F.role),
});

export const notAssessedInput = z.strictObject({
  kind: z.literal('not_assessed'),
  subKind: subKind('not_assessed'),
  ...common,
  description: required(F.description, '请填写不参加考核的原因'),
});

export const evidenceInput = z.discriminatedUnion(
  'kind',
  [
    commendationInput,
    sanctionInput,
    partyDisciplineInput,
    orgHandlingInput,
    investigationInput,
    leaveInput,
    probationInput,
    transferInput,
    workInput,
    negativeListInput,
    roleVetoInput,
    notAssessedInput,
  ],
  { error: '事件类别无效' },
);
export type EvidenceInput = z.infer<typeof evidenceInput>;
export type EvidenceInputRaw = z.input<typeof evidenceInput>;
