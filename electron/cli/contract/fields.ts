// A contract method's input fields as command-line flags, read off its zod schema: the flag names,
// value kinds and help text come from the contract itself, so a new field becomes a flag with no
// CLI change. The values are only converted from text here; the schema still validates them in dispatch.
import type { z } from 'zod';

/** How a flag's text becomes a value: the zod schema then checks it exactly as for the window. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'enum' | 'string-list' | 'json';

export interface FieldSpec {
  /** the input key, e.g. parentId */
  key: string;
  /** the flag, e.g. parent-id */
  flag: string;
  kind: FieldKind;
  /** must be given (no default, not optional, not nullable) */
  required: boolean;
  /** omitted = null (nullable and not optional: "none", e.g. an agency's parent) */
  nullWhenOmitted: boolean;
  choices: string[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

interface Unwrapped {
  core: z.ZodType;
  optional: boolean;
  nullable: boolean;
  hasDefault: boolean;
}

/** Peels optional / nullable / default / pipe wrappers off a field's schema. */
function unwrap(schema: z.ZodType): Unwrapped {
  let core = schema;
  let optional = false;
  let nullable = false;
  let hasDefault = false;
  for (let i = 0; i < 20; i++) {
    const d = defOf(core);
    if (d.type === 'optional') optional = true;
    else if (d.type === 'nullable') nullable = true;
    else if (d.type === 'default' || d.type === 'prefault') hasDefault = true;
    else if (d.type === 'pipe' && d.in) {
      core = d.in;
      continue;
    } else break;
    core = d.innerType!;
  }
  return { core, optional, nullable, hasDefault };
}

function kindOf(core: z.ZodType): { kind: FieldKind; choices: string[] } {
  const d = defOf(core);
  switch (d.type) {
    case 'string':
      return { kind: 'string', choices: [] };
    case 'number':
    case 'int':
      return { kind: 'number', choices: [] };
    case 'boolean':
      return { kind: 'boolean', choices: [] };
    case 'enum':
      return { kind: 'enum', choices: Object.values(d.entries ?? {}).map(String) };
    case 'literal':
      return { kind: 'enum', choices: (d.values ?? []).map(String) };
    case 'array': {
      const el = unwrap(d.element!).core;
      const ek = kindOf(el);
      return ek.kind === 'string' || ek.kind === 'enum'
        ? { kind: 'string-list', choices: ek.choices }
        : { kind: 'json', choices: [] };
    }
    default:
      return { kind: 'json', choices: [] };
  }
}

export const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** The flags of an input schema (a strict object in every contract method). */
export function fieldsOf(input: z.ZodType): FieldSpec[] {
  const d = defOf(unwrap(input).core);
  if (d.type !== 'object' || !d.shape) return [];
  return Object.entries(d.shape).map(([key, schema]) => {
    const u = unwrap(schema);
    const { kind, choices } = kindOf(u.core);
    return {
      key,
      flag: kebab(key),
      kind,
      required: !u.optional && !u.hasDefault && !u.nullable,
      nullWhenOmitted: u.nullable && !u.optional && !u.hasDefault,
      choices,
    };
  });
}

const KIND_HINT: Record<FieldKind, string> = {
  string: '文本',
  number: '数字',
  boolean: '',
  enum: '',
  'string-list': '逗号分隔',
  json: 'JSON',
};

/** e.g. `--parent-id <编号或名称>`, `[--limit <数字>]`, `--to review|notice|final` */
export function flagUsage(f: FieldSpec, refHint?: string): string {
  let value = '';
  if (f.kind === 'enum') value = ` ${f.choices.join('|')}`;
  else if (f.kind !== 'boolean')
    value = ` <${refHint ?? KIND_HINT[f.kind]}${f.choices.length ? `:${f.choices.join('|')}` : ''}>`;
  const text = `--${f.flag}${value}`;
  return f.required ? text : `[${text}]`;
}
