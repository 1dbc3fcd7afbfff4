// Contract of notification and sign-off (送达与签收) after a year is decided: the list of who has
// been delivered the result and who has signed, one person's record, and a department signed on one day.
import { z } from 'zod';
import { method } from './contract';
import { id, isoDate } from '../domain/types';

export const signoffOpinion = z.enum(['agree', 'disagree', 'refused']);

export const signoffRowDto = z.object({
  personId: z.string(),
  personNo: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  resultLabel: z.string(),
  deliveredOn: z.string().nullable(),
  opinion: signoffOpinion.nullable(),
  opinionText: z.string(),
  witnessNote: z.string(),
  signedOn: z.string().nullable(),
  reviewDeadline: z.string().nullable(),
  reviewDeadlineBasis: z.string(),
  updatedAt: z.string().nullable(),
});
export type SignoffRowDto = z.infer<typeof signoffRowDto>;

export const signoffListDto = z.object({
  rows: z.array(signoffRowDto),
  counts: z.object({
    total: z.number().int(),
    delivered: z.number().int(),
    signed: z.number().int(),
    unsigned: z.number().int(),
    disagree: z.number().int(),
    refused: z.number().int(),
  }),
});
export type SignoffListDto = z.infer<typeof signoffListDto>;

export const signoffMethods = {
  'signoff.list': method({
    summary: '送达与签收情况（可只列未签收人员）',
    permission: 'yearend.read',
    input: z.strictObject({
      yearId: id,
      departmentId: id.nullable().optional(),
      onlyUnsigned: z.boolean().optional(),
    }),
    output: signoffListDto,
  }),
  'signoff.record': method({
    summary: '录入或更正一人的送达日期、本人意见和签收日期（记入审计）',
    permission: 'yearend.decide',
    input: z.strictObject({
      yearId: id,
      personId: id,
      deliveredOn: isoDate,
      opinion: signoffOpinion.nullable(),
      opinionText: z.string().max(2000).default(''),
      witnessNote: z.string().max(2000).default(''),
      signedOn: isoDate.nullable().default(null),
    }),
    output: signoffRowDto,
  }),
  'signoff.bulk': method({
    summary: '批量签收：一个部门的人员同日送达、同日签署“同意”（已签收者不改动）',
    permission: 'yearend.decide',
    input: z.strictObject({ yearId: id, departmentId: id.nullable(), deliveredOn: isoDate, signedOn: isoDate }),
    output: z.object({
      recorded: z.number().int(),
      skipped: z.array(z.object({ personId: z.string(), name: z.string(), reason: z.string() })),
    }),
  }),
};
