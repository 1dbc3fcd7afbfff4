// `settings get|set|apply`: a year's settings from the command line. Reads through
// years.getSettings; writes build the whole settings object and send it to years.updateSettings,
// so the app's validation (Chinese messages naming the field), the lock after 定档 and the audit
// entry with its description of each change are the ones the settings page gets.
import { AppError } from '../../../shared/result';
import { call } from '../calls';
import { flagString, type CliCommand, type CommandEnv, type ParsedArgs } from '../command';
import { resolveRef } from '../contract/refs';
import { printValue } from '../contract/render';
import { EXIT_USAGE } from '../exit-codes';
import { resolveSettingsDepartments } from './settings-departments';
import { readSettingsFile } from './settings-file';

const USAGE = [
  'settings get --year 年度 [KEY] [--json]',
  'settings set --year 年度 KEY VALUE [--reason 文本]',
  'settings apply --year 年度 FILE.json|FILE.yaml [--reason 文本]',
];

type Json = unknown;

const segmentsOf = (key: string): string[] => key.split('.').filter((s) => s !== '');

function getAt(value: Json, path: string[]): Json {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !(seg in cur)) return undefined;
    cur = (cur as Record<string, Json>)[seg];
  }
  return cur;
}

/** A copy of `value` with the path replaced; the path must exist (no new keys by typo). */
function setAt(value: Json, path: string[], next: Json): Json {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  if (Array.isArray(value)) {
    const i = Number(head);
    if (!Number.isInteger(i) || i < 0 || i >= value.length) throw new Error(head);
    return (value as Json[]).map((v, j) => (j === i ? setAt(v, rest, next) : v));
  }
  if (value === null || typeof value !== 'object' || !(head in value)) throw new Error(head);
  return { ...(value as Record<string, Json>), [head]: setAt((value as Record<string, Json>)[head], rest, next) };
}

/** Objects merge key by key; anything else (numbers, lists) replaces what was there. */
function merge(base: Json, patch: Json): Json {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch) || !base || typeof base !== 'object') return patch;
  const out: Record<string, Json> = { ...(base as Record<string, Json>) };
  for (const [k, v] of Object.entries(patch as Record<string, Json>)) out[k] = merge(out[k], v);
  return out;
}

/** VALUE as JSON when it parses (0.3, true, ["事假"]), else as text (department). */
function parseValue(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

async function yearIdOf(env: CommandEnv, args: ParsedArgs): Promise<string> {
  const ref = flagString(args, 'year');
  if (!ref) throw new AppError('INVALID_INPUT', '请用 --year 指定年度，例如 --year 2025 或 --year 2025/单位名称');
  return resolveRef(env.core().db, 'year', ref);
}

async function save(env: CommandEnv, args: ParsedArgs, yearId: string, settings: Json, updatedAt: string) {
  const reason = flagString(args, 'reason');
  const r = await call(env, 'years.updateSettings', {
    yearId,
    settings: resolveSettingsDepartments(env.core().db, yearId, settings),
    expectedUpdatedAt: updatedAt,
    ...(reason ? { reason } : {}),
  });
  if (r.changes.length === 0) env.io.out('设置没有变化 / nothing changed');
  for (const c of r.changes) env.io.out(`已修改 / changed: ${c}`);
  return 0;
}

export const settingsCommands: CliCommand[] = [
  {
    name: 'settings',
    usage: 'settings get|set|apply --year 年度 …',
    summary: '年度设置：查看、修改一项或按 JSON/YAML 文件修改（校验与审计同设置页）/ show or change a year’s settings',
    example: 'settings set --year 2025 quota.pooling department --reason 按部门分配名额 --operator jingban',
    // `get` is a read; set and apply sign in (checked below, before anything is read)
    access: 'read',
    async run(args, env) {
      const [verb, ...rest] = args.positional;
      const { io } = env;
      if (verb !== 'get' && verb !== 'set' && verb !== 'apply') {
        io.err(`用法 / usage: ${USAGE.join(' | ')}`);
        return EXIT_USAGE;
      }
      if (verb !== 'get' && typeof args.flags.operator !== 'string' && !env.cli.vars.DA_OPERATOR) {
        throw new AppError(
          'UNAUTHENTICATED',
          `settings ${verb} 会修改年度设置，须加 --operator 用户名 / needs --operator`,
        );
      }
      const yearId = await yearIdOf(env, args);
      const current = await call(env, 'years.getSettings', { yearId });
      if (verb === 'get') {
        const value = rest[0] ? getAt(current.settings, segmentsOf(rest[0])) : current.settings;
        if (value === undefined) throw new AppError('INVALID_INPUT', `没有设置项“${rest[0]}” / no setting ${rest[0]}`);
        printValue(io, value, args.flags.json === true);
        return 0;
      }
      if (verb === 'set') {
        const [key, value] = rest;
        if (!key || value === undefined) {
          io.err(`用法 / usage: ${USAGE[1]}`);
          return EXIT_USAGE;
        }
        let next: Json;
        try {
          next = setAt(current.settings, segmentsOf(key), parseValue(value));
        } catch {
          const keys = Object.keys(current.settings).join('、');
          throw new AppError('INVALID_INPUT', `没有设置项“${key}”。顶层设置项有：${keys} / no setting ${key}`);
        }
        return save(env, args, yearId, next, current.updatedAt);
      }
      const file = rest[0];
      if (!file) {
        io.err(`用法 / usage: ${USAGE[2]}`);
        return EXIT_USAGE;
      }
      const patch = readSettingsFile(file);
      return save(env, args, yearId, merge(current.settings, patch), current.updatedAt);
    },
  },
];
