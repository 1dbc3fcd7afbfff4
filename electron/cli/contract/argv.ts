// Reads a contract command's flags into the method's input object. Unknown flags, missing values
// and numbers that are not numbers are usage errors (exit 2) named in one Chinese line; everything
// else is left to the method's zod schema, which dispatch applies as for the window.
import { readFileSync } from 'node:fs';
import type { FieldSpec } from './fields';

/** Flags every command accepts besides its input fields. */
export const GLOBAL_FLAGS = ['data-dir', 'json', 'operator', 'help', 'input'] as const;
export type GlobalFlag = (typeof GLOBAL_FLAGS)[number];

export class UsageError extends Error {}

export interface ParsedInput {
  input: Record<string, unknown>;
  globals: Partial<Record<GlobalFlag, string | true>>;
  /** input keys given on the command line (flags or --input), so references resolve only those */
  given: Set<string>;
}

function readJson(text: string, what: string): unknown {
  const source = text.startsWith('@') ? readFileText(text.slice(1), what) : text;
  try {
    return JSON.parse(source) as unknown;
  } catch {
    throw new UsageError(`${what} 应为 JSON（或 @文件名），无法解析：${text.slice(0, 60)} / ${what} must be JSON`);
  }
}

function readFileText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${what}：读不到文件 ${path} / cannot read ${path}`);
  }
}

function convert(f: FieldSpec, raw: string, previous: unknown): unknown {
  const what = `--${f.flag}`;
  if (raw === 'null' && f.kind !== 'string-list') return null;
  switch (f.kind) {
    case 'string':
    case 'enum':
      return raw;
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n))
        throw new UsageError(`${what} 应为数字，收到“${raw}” / ${what} must be a number`);
      return n;
    }
    case 'boolean':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw new UsageError(`${what} 应为 true 或 false，收到“${raw}” / ${what} must be true or false`);
    case 'string-list': {
      const items = raw === '' ? [] : raw.split(',').map((s) => s.trim());
      return Array.isArray(previous) ? [...(previous as unknown[]), ...items] : items;
    }
    case 'json':
      return readJson(raw, what);
  }
}

export function parseInput(argv: string[], fields: FieldSpec[]): ParsedInput {
  const byFlag = new Map(fields.map((f) => [f.flag, f]));
  const input: Record<string, unknown> = {};
  const globals: ParsedInput['globals'] = {};
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new UsageError(`多余的参数“${a}”：参数须写成 --名称 值 / unexpected argument ${a}`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : undefined;
    const field = byFlag.get(name);
    const isGlobal = (GLOBAL_FLAGS as readonly string[]).includes(name);
    if (!field && !isGlobal)
      throw new UsageError(`未知参数 --${name} / unknown flag --${name}（用 --help 查看本命令的参数）`);
    const takesValue = field ? field.kind !== 'boolean' : !['json', 'help'].includes(name);
    if (value === undefined) {
      const next = argv[i + 1];
      if (takesValue) {
        if (next === undefined || next.startsWith('--'))
          throw new UsageError(`参数 --${name} 缺少值 / --${name} needs a value`);
        value = next;
        i++;
      } else if (next === 'true' || next === 'false') {
        value = next;
        i++;
      }
    }
    if (!field) {
      globals[name as GlobalFlag] = value ?? true;
      continue;
    }
    input[field.key] = value === undefined ? true : convert(field, value, input[field.key]);
    given.add(field.key);
  }
  if (typeof globals.input === 'string') {
    const base = readJson(globals.input, '--input');
    if (!base || typeof base !== 'object' || Array.isArray(base))
      throw new UsageError('--input 应为一个 JSON 对象 / --input must be a JSON object');
    for (const [k, v] of Object.entries(base as Record<string, unknown>)) {
      if (!(k in input)) input[k] = v;
      given.add(k);
    }
  }
  for (const f of fields) {
    if (f.key in input) continue;
    if (f.nullWhenOmitted) input[f.key] = null;
    // a list left out is an empty list (e.g. a clerk's unitScope: no restriction)
    else if (f.required && f.kind === 'string-list') input[f.key] = [];
  }
  return { input, globals, given };
}
