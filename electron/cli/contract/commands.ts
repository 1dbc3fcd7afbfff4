// One command per contract method, derived from shared/api*: `units create --parent-id 示例局 --name 办公室`
// is units.create with the same zod schema, permission check, handler and errors as a click in the
// window, because it goes through the same dispatch. Commands are grouped by capability (the
// contract's files); methods that only make sense in a window are listed and refused.
import { englishSummary } from './english';
import { resolve } from 'node:path';
import { contract, type ContractMethod } from '../../../shared/api';
import { jobState } from '../../../shared/api/jobs';
import type { Permission } from '../../../shared/auth/permissions';
import { systemMethods } from '../../../shared/api/system';
import { jobsMethods } from '../../../shared/api/jobs';
import { desktopMethods } from '../../../shared/api/desktop';
import { rosterMethods } from '../../../shared/api/roster';
import { importsMethods } from '../../../shared/api/imports';
import { yearsMethods } from '../../../shared/api/years';
import { evidenceMethods } from '../../../shared/api/evidence';
import { yearendMethods } from '../../../shared/api/yearend';
import { packMethods } from '../../../shared/api/pack';
import { trustMethods } from '../../../shared/api/trust';
import { calendarMethods } from '../../../shared/api/calendar';
import { fieldsOf, flagUsage, kebab, type FieldSpec } from './fields';
import { REF_HINT, refKindOf } from './refs';

export interface Capability {
  key: string;
  label: string;
  methods: ContractMethod[];
}

/** The contract's capabilities in the order of its files, with their names for people. */
const NAMED_CAPABILITIES: Capability[] = [
  { key: 'system', label: '程序信息 / about the app', methods: Object.keys(systemMethods) as ContractMethod[] },
  { key: 'jobs', label: '后台任务 / background jobs', methods: Object.keys(jobsMethods) as ContractMethod[] },
  { key: 'desktop', label: '窗口对话框 / window dialogs', methods: Object.keys(desktopMethods) as ContractMethod[] },
  { key: 'roster', label: '单位与人员 / units and people', methods: Object.keys(rosterMethods) as ContractMethod[] },
  {
    key: 'imports',
    label: '表格导入导出 / spreadsheets in and out',
    methods: Object.keys(importsMethods) as ContractMethod[],
  },
  {
    key: 'years',
    label: '年度、期间、平时考核 / years, periods, ratings',
    methods: Object.keys(yearsMethods) as ContractMethod[],
  },
  {
    key: 'evidence',
    label: '事件与进度 / evidence and progress',
    methods: Object.keys(evidenceMethods) as ContractMethod[],
  },
  { key: 'yearend', label: '年终考核 / year end', methods: Object.keys(yearendMethods) as ContractMethod[] },
  { key: 'pack', label: '考核材料 / evaluation pack', methods: Object.keys(packMethods) as ContractMethod[] },
  {
    key: 'trust',
    label: '操作员、审计、备份 / operators, audit, backups',
    methods: Object.keys(trustMethods) as ContractMethod[],
  },
  {
    key: 'calendar',
    label: '工作日历 / working-day calendar',
    methods: Object.keys(calendarMethods) as ContractMethod[],
  },
];

/** A capability added to the contract but not named above still gets its commands. */
const unnamed = (Object.keys(contract) as ContractMethod[]).filter(
  (m) => !NAMED_CAPABILITIES.some((c) => c.methods.includes(m)),
);
export const CAPABILITIES: Capability[] = unnamed.length
  ? [...NAMED_CAPABILITIES, { key: 'other', label: '其他 / other', methods: unnamed }]
  : NAMED_CAPABILITIES;

/** Methods of a window session: listed in --help, refused on the command line with the reason. */
export const WINDOW_ONLY: Partial<Record<ContractMethod, string>> = {
  'desktop.pickOpenFile': '命令行直接写文件路径 / give the path on the command line',
  'desktop.pickSaveFile': '命令行直接写文件路径 / give the path on the command line',
  'desktop.pickFolder': '命令行直接写文件夹 / give the folder on the command line',
  'desktop.showInFolder': '命令行会打印文件路径 / the command line prints the path',
  'auth.lock': '每条命令单独登录，结束即退出 / each command signs in and out by itself',
  'auth.unlock': '每条命令单独登录，结束即退出 / each command signs in and out by itself',
  'auth.activity': '命令行没有空闲锁定 / no idle lock on the command line',
};

/** Permissions that only read: such methods may run as the read-only system identity. */
const READ_PERMISSIONS: readonly Permission[] = [
  'roster.read',
  'year.read',
  'ratings.read',
  'evidence.read',
  'yearend.read',
  'audit.read',
];
/**
 * Other methods that change nothing in the store. Those needing more than reading (operators.list…)
 * still go to dispatch as the read-only identity, whose refusal the audit then records under its name.
 */
const READ_METHODS = new Set<string>([
  'operators.list',
  'operators.units',
  'backup.list',
  'system.info',
  'auth.status',
  'auth.getSettings',
  'jobs.get',
  'templates.generate',
  'imports.getPreview',
]);

/** Input fields holding a path on this machine: made absolute, and granted as a dialog's choice would be. */
export const PATH_KEYS = new Set(['path', 'folder', 'file']);

export interface ContractCommand {
  method: ContractMethod;
  /** e.g. ['pack', 'form-options', 'get'] */
  words: string[];
  capability: Capability;
  fields: FieldSpec[];
  readOnly: boolean;
  /** the method starts a worker job: the command waits for it and prints its result */
  job: boolean;
  windowOnly: string | null;
  summary: string;
  /** the English half of the help line */
  summaryEn: string;
}

export const wordsOf = (method: string): string[] => method.split('.').map(kebab);

export const CONTRACT_COMMANDS: ContractCommand[] = CAPABILITIES.flatMap((capability) =>
  capability.methods.map((method) => {
    const spec = contract[method];
    return {
      method,
      words: wordsOf(method),
      capability,
      fields: fieldsOf(spec.input),
      readOnly: READ_PERMISSIONS.includes(spec.permission) || READ_METHODS.has(method),
      job: spec.output === jobState,
      windowOnly: WINDOW_ONLY[method] ?? null,
      summary: spec.summary,
      summaryEn: englishSummary(method),
    };
  }),
);

/** The contract command named by the first words of argv (or by the method name itself), with the rest. */
export function findContractCommand(argv: string[]): { command: ContractCommand; rest: string[] } | null {
  const direct = CONTRACT_COMMANDS.find((c) => c.method === argv[0]);
  if (direct) return { command: direct, rest: argv.slice(1) };
  let best: { command: ContractCommand; rest: string[] } | null = null;
  for (const c of CONTRACT_COMMANDS) {
    if (c.words.length > argv.length) continue;
    if (c.words.every((w, i) => argv[i] === w) && (!best || c.words.length > best.command.words.length))
      best = { command: c, rest: argv.slice(c.words.length) };
  }
  return best;
}

export function isContractGroup(word: string): boolean {
  return CONTRACT_COMMANDS.some((c) => c.words[0] === word);
}

function refHint(c: ContractCommand, f: FieldSpec): string | undefined {
  const kind = refKindOf(c.method, f.key);
  return kind ? REF_HINT[kind] : undefined;
}

/** Password fields are never flags: they come from the environment or the prompt (src/cli/contract/run.ts). */
export const isSecretField = (f: FieldSpec): boolean => /password$/i.test(f.key);

export function commandUsage(c: ContractCommand): string {
  return [c.words.join(' '), ...c.fields.filter((f) => !isSecretField(f)).map((f) => flagUsage(f, refHint(c, f)))].join(
    ' ',
  );
}

/** The variables a command reads its passwords from, for the help. */
export function secretVariables(c: ContractCommand): string[] {
  if (c.method === 'auth.setup') return ['DA_ADMIN_PASSWORD', 'DA_SECURITY_PASSWORD'];
  return c.fields.some((f) => isSecretField(f) && f.key !== 'oldPassword') ? ['DA_NEW_PASSWORD'] : [];
}

const SAMPLE_REF: Record<string, string> = {
  unit: '办公室',
  person: 'C001',
  year: '2025',
  period: '2025Q1',
  operator: 'jingban',
  objection: 'C001',
  redress: 'C001',
};
const SAMPLE_TEXT: Record<string, string> = {
  path: './人员名册.xlsx',
  folder: './考核材料',
  file: './backups/备份.sqlite',
  reason: '说明原因',
  name: '办公室',
  username: 'jingban',
  displayName: '张经办',
  password: '********',
  content: '对公示结果的意见',
  handling: '经核实，维持原结果',
  request: '申请复核',
};
const SAMPLE_DATE = /(On|Date|Start|from|to)$/;

function sample(c: ContractCommand, f: FieldSpec): string {
  const kind = refKindOf(c.method, f.key);
  if (kind) return f.kind === 'string-list' ? `${SAMPLE_REF[kind]},综合科` : SAMPLE_REF[kind]!;
  if (f.kind === 'enum') return f.choices[0] ?? '';
  if (f.kind === 'number') return f.key === 'year' ? '2025' : '1';
  if (f.kind === 'boolean') return '';
  if (f.kind === 'json') return "'{…}'";
  if (f.kind === 'string-list') return 'a,b';
  const text = SAMPLE_TEXT[f.key];
  if (text) return text;
  if (SAMPLE_DATE.test(f.key)) return '2026-01-05';
  return '文本';
}

/** One runnable example per command: its required flags with plausible values. */
export function commandExample(c: ContractCommand): string {
  if (c.method === 'auth.setup')
    return `DA_ADMIN_PASSWORD=… DA_SECURITY_PASSWORD=… npm run cli -- auth setup --admin '{"username":"guanli","displayName":"王管理"}' --security '{"username":"anquan","displayName":"李保密"}'`;
  const parts = [...secretVariables(c).map((v) => `${v}=…`), 'npm run cli --', ...c.words];
  for (const f of c.fields) {
    if (!f.required || isSecretField(f)) continue;
    const v = sample(c, f);
    parts.push(`--${f.flag}${v ? ' ' + v : ''}`);
  }
  if (!c.readOnly && contract[c.method].permission !== 'public') parts.push('--operator jingban');
  if (c.readOnly) parts.push('--json');
  return parts.join(' ');
}

/** Paths on the command line are the operator's choice, as a dialog's answer is in the window. */
export function absolutePaths(input: Record<string, unknown>): string[] {
  const granted: string[] = [];
  for (const key of PATH_KEYS) {
    const v = input[key];
    if (typeof v !== 'string' || v === '') continue;
    const abs = resolve(v);
    input[key] = abs;
    granted.push(abs);
  }
  return granted;
}
