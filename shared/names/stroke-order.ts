// 姓氏笔画 order, the order an office lists people in when no rank applies: by the surname's stroke
// count, equal counts by the strokes in writing order compared as 横 < 竖 < 撇 < 点 < 折 (first
// stroke, then second, …), and then the same for each following character of the name. The one
// comparator every list and the pack use (lists sort in SQL on strokeKey, the pack in JS).
//
// Characters the table lacks (rare characters, letters, digits) come after every character it has,
// in code-point order; the middle dot and spaces of names like 买买提·艾力 are skipped.
import { STROKE_TABLE } from './stroke-table';
import type { PersonOrder } from './person-order';

let rank: Map<string, number> | null = null;

/** Each known character's place in 笔画 order: count, then stroke classes, then code point. */
function ranks(): Map<string, number> {
  if (rank) return rank;
  const entries: { ch: string; strokes: string }[] = [];
  for (const chunk of STROKE_TABLE) {
    for (const m of chunk.matchAll(/(\D)(\d+)/gu)) entries.push({ ch: m[1]!, strokes: m[2]! });
  }
  entries.sort(
    (a, b) =>
      a.strokes.length - b.strokes.length ||
      (a.strokes < b.strokes ? -1 : a.strokes > b.strokes ? 1 : 0) ||
      a.ch.codePointAt(0)! - b.ch.codePointAt(0)!,
  );
  rank = new Map(entries.map((e, i) => [e.ch, i]));
  return rank;
}

/** The stroke classes of a character (1 横 2 竖 3 撇 4 点 5 折), or null where the table lacks it. */
export function strokesOf(ch: string): string | null {
  for (const chunk of STROKE_TABLE) {
    const at = chunk.indexOf(ch);
    if (at >= 0) return /^\d+/.exec(chunk.slice(at + ch.length))?.[0] ?? null;
  }
  return null;
}

const SKIPPED = /[\s·•・.．]/u;
const UNKNOWN_BASE = 1_000_000; // above every table rank; + code point keeps unknowns in code order
const keys = new Map<string, string>();

/**
 * A string that sorts (by plain code-unit comparison, SQLite's BINARY too) in 姓氏笔画 order: seven
 * digits per character. Cached, since a list of 20,000 people asks for each name once per sort.
 */
export function strokeKey(name: string): string {
  const cached = keys.get(name);
  if (cached !== undefined) return cached;
  const table = ranks();
  let key = '';
  for (const ch of name.trim()) {
    if (SKIPPED.test(ch)) continue;
    const r = table.get(ch) ?? UNKNOWN_BASE + ch.codePointAt(0)!;
    key += String(r).padStart(7, '0');
  }
  if (keys.size > 100_000) keys.clear();
  keys.set(name, key);
  return key;
}

/** Compares two names in 姓氏笔画 order (0 only for names that read the same). */
export function compareByStrokes(a: string, b: string): number {
  const ka = strokeKey(a);
  const kb = strokeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The one person comparator of lists and the pack: 姓氏笔画 with 人员编号 breaking ties, or 人员编号
 * alone.
 */
export function comparePersons(
  order: PersonOrder,
  a: { name: string; personNo: string },
  b: { name: string; personNo: string },
): number {
  const byNo = a.personNo < b.personNo ? -1 : a.personNo > b.personNo ? 1 : 0;
  return order === 'strokes' ? compareByStrokes(a.name, b.name) || byNo : byNo;
}
