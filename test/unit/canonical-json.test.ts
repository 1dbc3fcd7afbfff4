// Every audit entry's and every sealed row's hash is taken over canonicalJson: the direct writer must
// give exactly the reference text (JSON.stringify with sorted keys) for whatever it is given, or
// existing chains would stop verifying. Random values of every shape, and the unusual ones.
import { describe, expect, it } from 'vitest';
import { canonicalJson, referenceCanonicalJson } from '../../electron/core/audit/audit-log';
import { mulberry32 } from '../../electron/core/demo/prng';

const seeded = mulberry32(20261203);
const rng = () => seeded.next();
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const KEYS = ['a', 'b', 'B', 'id', 'name', '人员', 'z_1', '__proto', 'é', '\u0000x', 'k"q', 'a\\b', '10x', '-1', '1.5'];
const STRINGS = ['', '王五', '\u202E五王', 'line\nbreak', 'tab\t', 'quote"', '\u2028', '\ud800', 'emoji😀', '<b>&'];

function value(depth: number): unknown {
  const r = rng();
  if (depth > 3 || r < 0.45) {
    return pick<unknown>([
      pick(STRINGS),
      Math.floor(rng() * 1e6) - 5e5,
      rng() * 100,
      -0,
      NaN,
      Infinity,
      true,
      false,
      null,
      undefined,
      1e21,
      5e-7,
    ]);
  }
  if (r < 0.7) return Array.from({ length: Math.floor(rng() * 5) }, () => value(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rng() * 6); i > 0; i--) o[pick(KEYS)] = value(depth + 1);
  return o;
}

describe('canonicalJson', () => {
  it('writes the reference text for 5,000 random values', () => {
    for (let i = 0; i < 5000; i++) {
      const v = value(0);
      expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
    }
  });

  it('hands unusual values to the reference', () => {
    const cases: unknown[] = [
      undefined,
      { at: new Date('2026-01-01T00:00:00Z') },
      { b: Buffer.from('ab') },
      { 2: 'x', 10: 'y', a: 1, 1: 'z' },
      [() => 1, Symbol('s'), undefined],
      { f: () => 1, s: Symbol('s'), u: undefined, ok: 1 },
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      new Map([['a', 1]]),
      { toJSON: () => ({ z: 1, a: 2 }) },
      JSON.parse('{"a":{"a":{"a":{"a":{"a":{"a":[[[[[[[[[1]]]]]]]]]}}}}}}') as unknown,
    ];
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { x: deep };
    cases.push(deep);
    for (const v of cases) expect(canonicalJson(v)).toBe(referenceCanonicalJson(v));
  });

  it('throws where the reference throws', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
    expect(() => canonicalJson({ n: 1n })).toThrow();
  });
});
