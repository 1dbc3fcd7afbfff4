// Contract of spreadsheets in and out: templates, imports with preview, error reports, roster export.
// Import and template methods serve four kinds with different permissions; the spec asks for a
// session and the handler checks the kind's own permission (roster.write, ratings.write, …).
import { z } from 'zod';
import { method } from './contract';
import { jobState } from './jobs';
import { importKind, importPreview } from '../import/types';

const path = z.string().min(1).max(1000);
const optId = z.string().min(1).max(64).nullable().optional();

export const importsMethods = {
  'imports.preview': method({
    summary: '预览表格导入（后台任务：检查文件、逐格校验、列出变化）',
    permission: 'session',
    input: z.strictObject({ kind: importKind, path, unitId: optId, periodId: optId }),
    output: jobState,
  }),
  'imports.getPreview': method({
    summary: '取回已完成的导入预览',
    permission: 'session',
    input: z.strictObject({ previewId: z.string().min(1).max(64) }),
    output: importPreview,
  }),
  'imports.apply': method({
    summary: '按预览导入（后台任务，一个事务）：全部导入，或明确选择仅导入无误的行',
    permission: 'session',
    input: z.strictObject({ previewId: z.string().min(1).max(64), mode: z.enum(['all', 'clean']) }),
    output: jobState,
  }),
  'imports.errorReport': method({
    summary: '导出错误报告（有问题的行及问题列）',
    permission: 'session',
    input: z.strictObject({ previewId: z.string().min(1).max(64), path }),
    output: jobState,
  }),
  'imports.exportRoster': method({
    summary: '导出人员名册为 xlsx（身份证号打码）',
    permission: 'roster.read',
    input: z.strictObject({ path, unitId: optId, includeLeft: z.boolean().optional() }),
    output: jobState,
  }),
  'imports.exportTable': method({
    summary: '把屏幕上的列表（事件记录、平时考核录入表、年终考核工作台、复核申诉）导出为 xlsx',
    permission: 'session',
    input: z.strictObject({
      path,
      title: z.string().min(1).max(60),
      columns: z.array(z.string().max(40)).min(1).max(60),
      rows: z.array(z.array(z.union([z.string().max(4000), z.number(), z.null()])).max(60)).max(20_000),
    }),
    output: z.object({ rows: z.number().int() }),
  }),
  'templates.generate': method({
    summary: '生成部门填报模板（人员预填、下拉列表、表头锁定、隐藏标识页）',
    permission: 'session',
    input: z.strictObject({ kind: importKind, unitId: z.string().min(1).max(64), periodId: optId, path }),
    output: jobState,
  }),
};
