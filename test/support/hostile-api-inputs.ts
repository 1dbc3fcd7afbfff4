// Hostile inputs for the contract, generated from each method's zod schema: a valid base input,
// then one field at a time replaced by a wrong type, a 1 MB string, an extreme number or date, null,
// an array…; plus top-level garbage and unknown fields. Also a lint of the schemas' bounds.
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
type Schema = z.core.$ZodType;

function def(s: Schema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

function checks(s: Schema): { check: string; [k: string]: unknown }[] {
  return ((def(s).checks as { _zod: { def: { check: string } } }[] | undefined) ?? []).map((c) => c._zod.def);
}

function valid(s: Schema, v: unknown): boolean {
  return (s as unknown as z.ZodType).safeParse(v).success;
}

const STRING_SAMPLES = [
  '测试内容',
  'abc',
  '2026-03-31',
  '2026-03',
  '2026-11-25T02:00:00Z',
  '2026Q1',
  'Abc#12345x',
  '0198a0b2-7c4e-7000-8000-000000000000',
  'a.xlsx',
  '/tmp/a.xlsx',
  'a',
];
const NUMBER_SAMPLES = [1, 0, 2026, 5, 10, 100, 0.5, -1];

/** A best-effort valid value for a schema (used as the base that one field at a time is broken in). */
export function sampleOf(s: Schema, depth = 0): unknown {
  const d = def(s);
  if (depth > 8) return undefined;
  switch (d.type) {
    case 'string': {
      const min = checks(s).find((c) => c.check === 'min_length')?.minimum as number | undefined;
      const cands = [...STRING_SAMPLES, 'x'.repeat(Math.max(1, min ?? 1))];
      return cands.find((c) => valid(s, c)) ?? cands.at(-1);
    }
    case 'number': {
      const lo = checks(s).find((c) => c.check === 'greater_than')?.value as number | undefined;
      const cands = [...NUMBER_SAMPLES, ...(lo !== undefined ? [lo, lo + 1] : [])];
      return cands.find((c) => valid(s, c)) ?? 1;
    }
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0];
    case 'literal':
      return (d.values as unknown[])[0];
    case 'null':
      return null;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return sampleOf(d.innerType as Schema, depth + 1);
    case 'pipe':
      return sampleOf(d.in as Schema, depth + 1);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, Schema>)) out[k] = sampleOf(v, depth + 1);
      return out;
    }
    case 'array': {
      const min = checks(s).find((c) => c.check === 'min_length')?.minimum as number | undefined;
      return min ? Array.from({ length: min }, () => sampleOf(d.element as Schema, depth + 1)) : [];
    }
    case 'union': {
      for (const o of d.options as Schema[]) {
        const v = sampleOf(o, depth + 1);
        if (valid(o, v)) return v;
      }
      return sampleOf((d.options as Schema[])[0]!, depth + 1);
    }
    case 'record':
      return {};
    case 'tuple':
      return (d.items as Schema[]).map((i) => sampleOf(i, depth + 1));
    default:
      return {};
  }
}

const MB = 'x'.repeat(1_000_001);

/** Replacement values for one field: wrong types, huge, extreme, out-of-range dates, null, arrays. */
export const FIELD_POISONS: { label: string; value: unknown }[] = [
  { label: 'null', value: null },
  { label: 'number', value: 12345 },
  { label: 'negative', value: -1 },
  { label: 'huge number', value: 1e308 },
  { label: '-huge number', value: -1e308 },
  { label: 'NaN', value: Number.NaN },
  { label: 'Infinity', value: Number.POSITIVE_INFINITY },
  { label: 'fraction', value: 0.000001 },
  { label: 'string', value: 'x' },
  { label: 'empty string', value: '' },
  { label: '1 MB string', value: MB },
  { label: 'date out of range', value: '9999-99-99' },
  { label: 'impossible date', value: '2026-02-30' },
  { label: 'ancient date', value: '1066-10-14' },
  { label: 'boolean', value: true },
  { label: 'array', value: [1, 'a', null] },
  { label: 'huge array', value: Array.from({ length: 100_000 }, () => 'x') },
  { label: 'object', value: { nested: { deeper: 1 } } },
  { label: 'prototype', value: JSON.parse('{"__proto__":{"polluted":true}}') as unknown },
];

export const TOP_LEVEL_POISONS: { label: string; value: unknown }[] = [
  { label: 'string', value: 'x' },
  { label: 'number', value: 42 },
  { label: 'boolean', value: true },
  { label: 'array', value: [] },
  { label: 'array of objects', value: [{}, {}] },
  { label: '1 MB string', value: MB },
  {
    label: 'prototype pollution',
    value: JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}') as unknown,
  },
];

export interface HostileInput {
  label: string;
  input: unknown;
}

/** Every hostile input for one method's schema (some may still be valid: the caller filters). */
export function hostileInputs(schema: Schema): HostileInput[] {
  const out: HostileInput[] = TOP_LEVEL_POISONS.map((p) => ({ label: `top-level ${p.label}`, input: p.value }));
  const base = sampleOf(schema);
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  out.push({ label: 'unknown field', input: { ...obj, zzUnknownField: 1 } });
  out.push({ label: 'unknown field (1 MB)', input: { ...obj, zzUnknownField: MB } });
  const walk = (
    value: Record<string, unknown>,
    path: string[],
    set: (v: Record<string, unknown>) => unknown,
    depth: number,
  ) => {
    for (const key of Object.keys(value)) {
      for (const p of FIELD_POISONS)
        out.push({ label: `${[...path, key].join('.')} = ${p.label}`, input: set({ ...value, [key]: p.value }) });
      out.push({
        label: `${[...path, key].join('.')} missing`,
        input: set(Object.fromEntries(Object.entries(value).filter(([k]) => k !== key))),
      });
      const inner = value[key];
      if (depth < 2 && inner && typeof inner === 'object' && !Array.isArray(inner)) {
        walk(inner as Record<string, unknown>, [...path, key], (v) => set({ ...value, [key]: v }), depth + 1);
      }
    }
  };
  walk(obj, [], (v) => v, 0);
  return out;
}

/** Fields a hostile page could abuse: strings and arrays without a maximum, objects that accept unknown keys. */
export function unboundedFields(schema: Schema, path = '(input)', depth = 0): string[] {
  const d = def(schema);
  if (depth > 10) return [];
  switch (d.type) {
    case 'string': {
      const c = checks(schema);
      // A maximum, a fixed format, an anchored regex without open-ended repeats, or a refinement
      // (e.g. isIsoDate) all bound what the field accepts; the hostile run above proves 1 MB is refused.
      const anchored = (x: { check: string; [k: string]: unknown }) =>
        x.pattern instanceof RegExp && /^\^.*\$$/.test(x.pattern.source) && !/[*+]|\{\d+,\}/.test(x.pattern.source);
      const bounded =
        c.some((x) => x.check === 'max_length' || x.check === 'length_equals' || x.check === 'custom') ||
        c.some((x) => x.check === 'string_format' && (x.format !== 'regex' || anchored(x)));
      return bounded ? [] : [`${path}: text without a maximum length`];
    }
    case 'array': {
      const bounded = checks(schema).some((x) => x.check === 'max_length' || x.check === 'length_equals');
      return [
        ...(bounded ? [] : [`${path}: list without a maximum size`]),
        ...unboundedFields(d.element as Schema, `${path}[]`, depth + 1),
      ];
    }
    case 'object': {
      const strict = (d.catchall as Schema | undefined) && def(d.catchall as Schema).type === 'never';
      return [
        ...(strict ? [] : [`${path}: object accepts unknown fields (use z.strictObject)`]),
        ...Object.entries(d.shape as Record<string, Schema>).flatMap(([k, v]) =>
          unboundedFields(v, path === '(input)' ? k : `${path}.${k}`, depth + 1),
        ),
      ];
    }
    case 'record': {
      const keyType = def(d.keyType as Schema).type;
      const keys =
        keyType === 'enum' || keyType === 'literal' ? [] : [`${path}: record with free keys (no bound on how many)`];
      return [...keys, ...unboundedFields(d.valueType as Schema, `${path}{}`, depth + 1)];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return unboundedFields(d.innerType as Schema, path, depth + 1);
    case 'pipe':
      return unboundedFields(d.in as Schema, path, depth + 1);
    case 'union':
      return (d.options as Schema[]).flatMap((o) => unboundedFields(o, path, depth + 1));
    default:
      return [];
  }
}
