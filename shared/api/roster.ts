// Contract of units and people: the roster (人员名册). Units form a tree (agency → departments);
// people are listed with filters fast enough for 20,000 rows; every write is audited in core.
import { z } from 'zod';
import { method } from './contract';
import { id, isoDate, personCategory } from '../domain/types';
import { personDto, unitDto } from '../domain/records';
import { isIsoDate } from '../domain/dates';
import { checkIdCard } from '../domain/idcard';
import { PERSON_FIELDS, tooLong, type TextField } from '../domain/fields';

// Field messages name the field in Chinese, so the form can show them next to the field.
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const req = (f: TextField) => z.string().trim().min(1, `${f.label}不能为空`).max(f.max, tooLong(f));
const opt = (f: TextField) => z.string().trim().max(f.max, tooLong(f)).nullable().optional();
const optMonth = (label: string) =>
  z.string().regex(YEAR_MONTH, `${label}应为 YYYY-MM 格式，例如 1990-05`).nullable().optional();
const optDate = (label: string) =>
  z.string().refine(isIsoDate, `${label}应为 YYYY-MM-DD 格式的有效日期，例如 2026-03-01`).nullable().optional();
const reqDate = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isIsoDate, `${label}应为 YYYY-MM-DD 格式的有效日期，例如 2026-07-01`);
const idRef = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .min(1, `请选择${label}`)
    .max(64);

/** 身份证号: optional; when given, it must pass the GB 11643 check digit. */
export const idCardInput = z
  .string()
  .max(30, '身份证号最多 18 位')
  .superRefine((v, c) => {
    if (v.trim() === '') return;
    const r = checkIdCard(v);
    if (!r.ok) c.addIssue({ code: 'custom', message: r.message });
  })
  .nullable()
  .optional();

/** The editable fields of a person (the canonical roster columns of domain.md). */
export const personFields = z.strictObject({
  personNo: req(PERSON_FIELDS.personNo),
  name: req(PERSON_FIELDS.name),
  gender: z.enum(['男', '女'], { error: '性别应为“男”或“女”' }).nullable().optional(),
  birthMonth: optMonth('出生年月'),
  politicalStatus: opt(PERSON_FIELDS.politicalStatus),
  education: opt(PERSON_FIELDS.education),
  unitId: idRef('部门'),
  position: opt(PERSON_FIELDS.position),
  positionSince: optMonth('任现职时间'),
  category: z.enum(personCategory.options, { error: '请选择人员类别（公务员 / 参公 / 事业）' }),
  duties: opt(PERSON_FIELDS.duties),
  hireDate: optDate('入职日期'),
  probationEnd: optDate('试用期满日期'),
  superiorAssessed: z.boolean().optional(),
  idCard: idCardInput,
});
export type PersonFieldsInput = z.input<typeof personFields>;

/** Update: any subset of the fields except the department (a move is dated: use roster.move). */
export const personPatch = personFields.omit({ unitId: true }).partial();
export type PersonPatchInput = z.input<typeof personPatch>;

/** strokes: 姓氏笔画 (shared/names/stroke-order.ts), 人员编号 breaking ties */
export const PERSON_SORT_FIELDS = [
  'unit',
  'personNo',
  'name',
  'strokes',
  'category',
  'position',
  'hireDate',
  'status',
] as const;

export const rosterFilter = z.strictObject({
  /** a unit; people of its sub-units are included unless includeSubUnits is false */
  unitId: id.optional(),
  includeSubUnits: z.boolean().default(true),
  category: personCategory.optional(),
  status: z.enum(['active', 'left', 'all']).default('active'),
  /** free text over 人员编号 / 姓名 / 职务职级 */
  search: z.string().max(60, '搜索内容最多 60 个字').optional(),
  sort: z.enum(PERSON_SORT_FIELDS).default('unit'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  /** omitted = every matching row (the page virtualises 20,000 rows) */
  limit: z.number().int().min(1).max(100_000).optional(),
});
export type RosterFilterInput = z.input<typeof rosterFilter>;
export type RosterFilter = z.output<typeof rosterFilter>;

/** The window's page sizes; the core never sends more than ROSTER_PAGE_MAX people in one answer. */
export const ROSTER_PAGE_SIZES = [50, 100, 200] as const;
export const ROSTER_PAGE_MAX = 500;

/**
 * roster.list over IPC is paged: the store filters, sorts and cuts the page (a 20,000-person list is
 * never sent whole; the whole list leaves through imports.exportRoster, a job writing the file).
 */
export const rosterPage = rosterFilter.extend({
  limit: z
    .number()
    .int()
    .min(1)
    .max(ROSTER_PAGE_MAX, `每页最多 ${ROSTER_PAGE_MAX} 人；导出全部请用“导出名册”`)
    .default(ROSTER_PAGE_SIZES[1]),
});

export const personMoveDto = z.object({
  id,
  personId: id,
  fromUnitId: id,
  fromUnitName: z.string(),
  toUnitId: id,
  toUnitName: z.string(),
  moveDate: isoDate,
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type PersonMoveDto = z.infer<typeof personMoveDto>;

/** How many records hang on a person: any of them forbids a hard delete. */
export const personRecordCounts = z.object({
  ratings: z.number().int(),
  evidence: z.number().int(),
  decisions: z.number().int(),
  history: z.number().int(),
});
export type PersonRecordCounts = z.infer<typeof personRecordCounts>;

export const unitNodeDto = unitDto.extend({
  depth: z.number().int(),
  activeCount: z.number().int(),
  leftCount: z.number().int(),
});
export type UnitNodeDto = z.infer<typeof unitNodeDto>;

const reason = (label: string, max = 200) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const personRef = z.strictObject({ id });

export const rosterMethods = {
  'roster.list': method({
    summary: '人员名册列表，分页（按部门、类别、状态筛选，按编号/姓名/职务搜索，按列排序；每页最多 500 人）',
    permission: 'roster.read',
    input: rosterPage,
    output: z.object({ rows: z.array(personDto), total: z.number().int() }),
  }),
  'roster.get': method({
    summary: '人员详情（含调动记录和关联记录数）',
    permission: 'roster.read',
    input: personRef,
    output: z.object({ person: personDto, moves: z.array(personMoveDto), records: personRecordCounts }),
  }),
  'roster.create': method({ summary: '新增人员', permission: 'roster.write', input: personFields, output: personDto }),
  'roster.update': method({
    summary: '修改人员信息（以 updatedAt 检查并发修改）',
    permission: 'roster.write',
    input: z.strictObject({ id, expectedUpdatedAt: z.string().min(1).max(40), changes: personPatch }),
    output: personDto,
  }),
  'roster.markLeft': method({
    summary: '标记人员离开本单位（保留全部记录）',
    permission: 'roster.write',
    input: z.strictObject({
      id,
      leftDate: reqDate('离开日期'),
      reason: reason('离开原因'),
      expectedUpdatedAt: z.string().max(40).optional(),
    }),
    output: personDto,
  }),
  'roster.reinstate': method({
    summary: '撤销离开标记（误标时恢复为在职）',
    permission: 'roster.write',
    input: z.strictObject({ id, reason: reason('恢复原因') }),
    output: personDto,
  }),
  'roster.move': method({
    summary: '调动到其他部门（按日期记录，之前的平时考核仍归原部门）',
    permission: 'roster.write',
    input: z.strictObject({
      id,
      toUnitId: idRef('调入部门'),
      moveDate: reqDate('调动日期'),
      reason: opt({ label: '调动说明', max: 200 }),
    }),
    output: personDto,
  }),
  'roster.delete': method({
    summary: '删除误录人员（仅限没有任何考核记录的人员）',
    permission: 'roster.write',
    input: z.strictObject({ id, reason: reason('删除原因') }),
    output: z.object({ deleted: z.literal(true) }),
  }),
  'units.tree': method({
    summary: '单位与部门树（含在职/离开人数）',
    permission: 'roster.read',
    input: z.strictObject({}),
    output: z.object({ units: z.array(unitNodeDto) }),
  }),
  'units.create': method({
    summary: '新增单位或部门',
    permission: 'roster.write',
    input: z.strictObject({
      parentId: id.nullable(),
      name: req({ label: '名称', max: 100 }),
      code: opt({ label: '代码', max: 40 }),
    }),
    output: unitDto,
  }),
  'units.rename': method({
    summary: '重命名单位或部门',
    permission: 'roster.write',
    input: z.strictObject({ id, name: req({ label: '名称', max: 100 }), code: opt({ label: '代码', max: 40 }) }),
    output: unitDto,
  }),
  'units.reorder': method({
    summary: '调整同级部门的顺序',
    permission: 'roster.write',
    input: z.strictObject({ parentId: id.nullable(), orderedIds: z.array(id).min(1).max(500) }),
    output: z.object({ units: z.array(unitNodeDto) }),
  }),
  'units.delete': method({
    summary: '删除空部门（没有人员、下级部门和任何记录）',
    permission: 'roster.write',
    input: z.strictObject({ id }),
    output: z.object({ deleted: z.literal(true) }),
  }),
};
