// A seeded pseudo-random source for the demo: the same seed gives the same store, ids included,
// so tests and screenshots are reproducible. mulberry32 is small, fast and good enough for fiction.

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  shuffle<T>(list: T[]): T[];
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of pairs) {
        x -= w;
        if (x < 0) return v;
      }
      return pairs[pairs.length - 1]![0];
    },
    shuffle: (list) => {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    },
  };
  return rng;
}

/** UUIDv7-shaped ids from the seeded source: time-ordered from baseMs, deterministic per seed. */
export function seededIds(rng: Rng, baseMs: number): () => string {
  let n = 0;
  const hex = (bits: number) =>
    Math.floor(rng.next() * 2 ** bits)
      .toString(16)
      .padStart(bits / 4, '0');
  return () => {
    const ms = (baseMs + Math.floor(n / 4096)).toString(16).padStart(12, '0');
    const counter = (n++ % 4096).toString(16).padStart(3, '0');
    const variant = (8 + Math.floor(rng.next() * 4)).toString(16);
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${counter}-${variant}${hex(12)}-${hex(24)}${hex(24)}`;
  };
}
