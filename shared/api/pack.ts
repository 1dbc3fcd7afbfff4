// Contract of the Excel evaluation pack: sheet previews (SheetModels for the HTML renderer), the
// personal-summary drafts, and the export job (one workbook per unit or per department).
import { z } from 'zod';
import { id } from '../domain/types';
import { method } from './contract';
import { jobState } from './jobs';
import { sheetModel, textSource } from '../sheets/model';
import { PACK_SHEET_KINDS, packSheetKind } from '../sheets/pack-sheets';
import { extraField, formLabelKey } from '../sheets/registration-form';

const sentence = z.strictObject({
  text: z.string().trim().min(1, '句子不能为空').max(500, '每句不超过 500 字'),
  source: textSource.nullable(),
});
const draftView = z.object({
  personId: z.string(),
  sentences: z.array(sentence),
  stored: z.boolean(),
  edited: z.boolean(),
  updatedAt: z.string().nullable(),
  lines: z.number(),
  maxLines: z.number(),
});
const yearPerson = z.strictObject({ yearId: id, personId: id });

const formOptionsView = z.object({
  labels: z.record(z.string(), z.string()),
  extraFields: z.array(extraField),
  defaults: z.record(z.string(), z.string()),
});

export const packMethods = {
  'pack.formOptions.get': method({
    summary: '读取登记表的标签和附加栏目',
    permission: 'yearend.read',
    input: z.strictObject({ yearId: id }),
    output: formOptionsView,
  }),
  'pack.formOptions.save': method({
    summary: '修改登记表的标签和附加栏目',
    permission: 'pack.export',
    input: z.strictObject({
      yearId: id,
      labels: z.partialRecord(formLabelKey, z.string().trim().min(1, '标签不能为空').max(40, '标签不超过 40 字')),
      extraFields: z.array(extraField).max(3),
    }),
    output: formOptionsView,
  }),
  'pack.options': method({
    summary: '考核材料：部门、人员和可选表格',
    permission: 'yearend.read',
    input: z.strictObject({ yearId: id }),
    output: z.object({
      year: z.object({ id: z.string(), year: z.number(), unitName: z.string(), stage: z.string() }),
      departments: z.array(z.object({ id: z.string(), name: z.string(), persons: z.number() })),
      persons: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          personNo: z.string(),
          departmentId: z.string(),
          departmentName: z.string(),
        }),
      ),
      sheets: z.array(z.object({ kind: packSheetKind, label: z.string() })),
    }),
  }),
  'pack.preview': method({
    summary: '预览一张表（登记表、平时考核记录按人；其余按部门或全单位）',
    permission: 'yearend.read',
    input: z.strictObject({
      yearId: id,
      sheet: packSheetKind,
      personId: id.nullable().default(null),
      departmentId: id.nullable().default(null),
    }),
    output: z.object({ models: z.array(sheetModel) }),
  }),
  'pack.summary.get': method({
    summary: '读取个人总结草稿',
    permission: 'yearend.read',
    input: yearPerson,
    output: draftView,
  }),
  'pack.summary.save': method({
    summary: '保存经办人修改的个人总结',
    permission: 'pack.export',
    input: z.strictObject({
      yearId: id,
      personId: id,
      sentences: z.array(sentence).min(1, '个人总结至少一句').max(80),
      expectedUpdatedAt: z.string().max(40).nullable(),
    }),
    output: draftView,
  }),
  'pack.summary.regenerate': method({
    summary: '按平时记录重新生成个人总结',
    permission: 'pack.export',
    input: yearPerson,
    output: draftView,
  }),
  'pack.comment.get': method({
    summary: '读取主管领导评语草稿（由各季度评语生成）',
    permission: 'yearend.read',
    input: yearPerson,
    output: draftView,
  }),
  'pack.comment.save': method({
    summary: '保存经办人修改的主管领导评语',
    permission: 'pack.export',
    input: z.strictObject({
      yearId: id,
      personId: id,
      sentences: z.array(sentence).min(1, '主管领导评语至少一句').max(80),
      expectedUpdatedAt: z.string().max(40).nullable(),
    }),
    output: draftView,
  }),
  'pack.comment.regenerate': method({
    summary: '按各季度评语重新生成主管领导评语',
    permission: 'pack.export',
    input: yearPerson,
    output: draftView,
  }),
  'pack.export': method({
    summary: '生成考核材料（后台任务）',
    permission: 'pack.export',
    input: z.strictObject({
      yearId: id,
      scope: z.enum(['unit', 'departments']),
      departmentIds: z.array(id).max(500).default([]),
      sheets: z.array(packSheetKind).min(1, '请至少选择一张表').max(PACK_SHEET_KINDS.length),
      folder: z.string().min(1, '请选择保存文件夹').max(1000),
    }),
    output: jobState,
  }),
};
