// Characters no stored text may hold. Two kinds:
// - characters XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE,
//   U+FFFF and the other noncharacters; C1 controls too, which no keyboard types): exceljs writes them
//   raw, the sheet becomes malformed XML and LibreOffice silently stops printing at that row;
// - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C): invisible, they
//   reorder what is shown, so "\u202E五王" displays as 王五 while the store holds something else.
// Pure: used at the contract boundary, by every import and by the pack writer as its last guard.

export interface UnsafeChar {
  /** 0-based index in UTF-16 code units */
  index: number;
  codePoint: number;
  kind: 'control' | 'bidi';
}

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

function kindOf(c: number): UnsafeChar['kind'] | null {
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d ? null : 'control';
  if (c >= 0x7f && c <= 0x9f) return 'control';
  if (c >= 0xd800 && c <= 0xdfff) return 'control'; // only lone surrogates reach here (see below)
  if (c >= 0xfdd0 && c <= 0xfdef) return 'control';
  if ((c & 0xfffe) === 0xfffe) return 'control'; // U+FFFE, U+FFFF and U+nFFFE/U+nFFFF of every plane
  if (BIDI.has(c)) return 'bidi';
  return null;
}

/** The first character a stored text may not hold, or null. */
export function findUnsafeChar(s: string): UnsafeChar | null {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    // Fast path: ordinary printable text and CJK skip every test below.
    if ((c >= 0x20 && c < 0x7f) || (c >= 0x3000 && c < 0xd800)) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        const k = kindOf(c);
        if (k) return { index: i, codePoint: c, kind: k };
        i++;
        continue;
      }
    }
    const k = kindOf(c);
    if (k) return { index: i, codePoint: c, kind: k };
  }
  return null;
}

function hex(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A Chinese sentence on what was found and what to do, without echoing the character itself. */
export function unsafeCharProblem(u: UnsafeChar): string {
  const what =
    u.kind === 'bidi'
      ? `含有改变文字显示方向的隐藏字符 ${hex(u.codePoint)}（会使显示的内容与保存的不同）`
      : `含有不可打印的控制字符 ${hex(u.codePoint)}（会损坏导出的表格）`;
  return `第 ${u.index + 1} 个字符${what}，请删除该字符后重新输入（常见于从网页或聊天工具粘贴的文字）`;
}

/** Every string inside a value, with its path (for the contract boundary's walk over an input). */
export function findUnsafeInValue(
  value: unknown,
  path: string[] = [],
  depth = 0,
): { path: string[]; problem: UnsafeChar } | null {
  if (typeof value === 'string') {
    const u = findUnsafeChar(value);
    return u ? { path, problem: u } : null;
  }
  if (depth > 12 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && i < 100_000; i++) {
      const f = findUnsafeInValue(value[i], [...path, String(i)], depth + 1);
      if (f) return f;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const keyProblem = findUnsafeChar(k);
    if (keyProblem) return { path: [...path, k], problem: keyProblem };
    const f = findUnsafeInValue(v, [...path, k], depth + 1);
    if (f) return f;
  }
  return null;
}
