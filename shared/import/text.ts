// Text clean-up for cells typed by people: full-width forms, odd spaces, invisible characters.
// Pure: used by every import normalizer before a value is interpreted.

/** Full-width ASCII (！ to ～) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

// Zero-width characters and BOMs that Excel users paste in from web pages or chat tools.
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;
// Every kind of space (NBSP, thin spaces, tabs, line breaks inside a cell).
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f]+/g;

/** Trim, drop invisible characters, fold runs of spaces into one; keeps full-width CJK punctuation. */
export function cleanText(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** For codes, numbers and enumerations: half-width, and no spaces anywhere ("好 ", "2026 Q1"). */
export function compactText(s: string): string {
  return toHalfWidth(cleanText(s)).replace(/ /g, '');
}

/**
 * Chinese personal names: spaces typed to align two-character names ("张  三") are dropped; a
 * middle dot (少数民族 names) is normalised to one form. Latin names keep single spaces.
 */
export function cleanPersonName(s: string): string {
  const t = cleanText(s).replace(/[·•・．.]/g, '·');
  return /[\u4e00-\u9fff]/.test(t) ? t.replace(/ /g, '') : t;
}

/** Column letters of a 1-based column index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
