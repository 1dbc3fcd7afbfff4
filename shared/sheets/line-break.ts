// Chinese line-breaking rules (禁则) for wrapped cells on paper. LibreOffice, Excel and WPS wrap a
// cell by their own metrics and, in a cell not marked as Asian text, happily start a line with "，"
// or "）". The writer therefore breaks long text itself, a little narrower than the cell so no reader
// wraps it again: a line never starts with closing punctuation and never ends with an opening one.
// Runs on every wrapped cell of a pack (two million at 20,000 people): it works on code points and
// indices, not arrays of one-character strings, and remembers the texts that repeat (labels, notes).
import { codePointUnits, unitsPerLine } from './text-fit';

const codes = (s: string) => new Set([...s].map((c) => c.codePointAt(0)!));
/** Characters a line may not start with: closing punctuation, pauses and stops. */
const NO_START = codes('，。、；：！？）》」』】〕〉”’…—·%％,.;:!?)]}');
/** Characters a line may not end with: opening brackets and quotes. */
const NO_END = codes('（《「『【〔〈“‘([{');
/** Units kept free on each line: readers' fonts differ a little from our estimate. */
const SLACK_UNITS = 2;

/** Opening brackets whose group ("（合格）") is kept on one line where it fits, with their closers. */
const OPEN_GROUP = new Map(
  [...'（）《》〔〕()'.matchAll(/(.)(.)/gu)].map((m) => [m[1]!.codePointAt(0)!, m[2]!.codePointAt(0)!]),
);

/**
 * Where to start the next line when `cps[i]` no longer fits: a short bracketed group the break
 * would cut ("称职（合格" / "）") goes over whole ("称职" / "（合格）") when it fits on one line.
 * Only the nearest opening bracket after the line's first character counts.
 */
function groupStart(cps: readonly number[], units: readonly number[], lineStart: number, i: number, per: number) {
  for (let k = i - 1; k > lineStart; k--) {
    const close = OPEN_GROUP.get(cps[k]!);
    if (close === undefined) continue;
    // the group from k to its closer: kept whole only if it closes at or after the break and fits
    let u = 0;
    for (let j = k; j < cps.length; j++) {
      u += units[j]!;
      if (u > per) return null;
      if (cps[j] === close) return j < i ? null : k;
    }
    return null;
  }
  return null;
}

/** Splits one paragraph into lines of at most `per` units, moving characters so no rule is broken. */
function breakParagraph(para: string, per: number): string[] {
  const cps: number[] = [];
  const offsets: number[] = []; // each code point's start in UTF-16 units, and the end
  for (let o = 0; o < para.length;) {
    const cp = para.codePointAt(o)!;
    cps.push(cp);
    offsets.push(o);
    o += cp > 0xffff ? 2 : 1;
  }
  offsets.push(para.length);
  const units = cps.map(codePointUnits);
  const lines: string[] = [];
  let start = 0; // the current line is cps[start..i-1]
  let used = 0;
  for (let i = 0; i < cps.length; i++) {
    const u = units[i]!;
    if (used + u > per && i > start) {
      let cut = groupStart(cps, units, start, i, per) ?? i;
      // move the tail to the new line while it would start with NO_START or end with NO_END
      while (cut - start > 1 && (NO_START.has(cps[cut]!) || NO_END.has(cps[cut - 1]!))) cut--;
      lines.push(para.slice(offsets[start], offsets[cut]));
      used = 0;
      for (let j = cut; j < i; j++) used += units[j]!;
      start = cut;
    }
    used += u;
  }
  if (cps.length > start) lines.push(para.slice(offsets[start]));
  return lines;
}

/** Each paragraph's width units, and whether the text holds a character the rules concern. */
function scan(text: string): { paraUnits: number[]; ruled: boolean } {
  const paraUnits = [0];
  let ruled = false;
  for (let o = 0; o < text.length;) {
    const cp = text.codePointAt(o)!;
    o += cp > 0xffff ? 2 : 1;
    if (cp === 0x0a) {
      paraUnits.push(0);
      continue;
    }
    paraUnits[paraUnits.length - 1]! += codePointUnits(cp);
    if (!ruled && (NO_START.has(cp) || NO_END.has(cp))) ruled = true;
  }
  return { paraUnits, ruled };
}

function breakText(text: string, per: number, full: number): string {
  if (per < 4 || /[A-Za-z]{3}/.test(text)) return text;
  const { paraUnits, ruled } = scan(text);
  // text without such punctuation breaks no rule wherever a reader wraps it (应参加考核人数)
  if (!ruled) return text;
  // a paragraph that fits the cell's width stays whole: only text that wraps anyway is broken
  if (paraUnits.every((u) => u <= full)) return text;
  return text
    .split('\n')
    .map((para, p) => (paraUnits[p]! <= full ? para : breakParagraph(para, per).join('\n')))
    .join('\n');
}

/**
 * Results by line width and text, for short texts: labels, notes and sign lines repeat on every
 * form; a person's own long text (a summary, a record) is met once and not kept.
 */
const memo = new Map<number, Map<string, string>>();
const MEMO_MAX = 20_000;
const MEMO_TEXT_MAX = 120;
let memoSize = 0;

/**
 * The text with explicit line breaks for a wrapped cell `widthPt` wide at `fontSize`; text that fits
 * on one line, holds Latin words (which must not be cut) or no punctuation is returned as it is.
 */
export function breakForPrint(text: string, widthPt: number, fontSize: number): string {
  const full = unitsPerLine(widthPt, fontSize);
  const per = full - (full >= 16 ? SLACK_UNITS : 1);
  if (text.length > MEMO_TEXT_MAX) return breakText(text, per, full);
  let byText = memo.get(full);
  if (!byText) memo.set(full, (byText = new Map<string, string>()));
  const known = byText.get(text);
  if (known !== undefined) return known;
  const out = breakText(text, per, full);
  if (memoSize >= MEMO_MAX) {
    memo.clear();
    memoSize = 0;
    memo.set(full, (byText = new Map<string, string>()));
  }
  byText.set(text, out);
  memoSize++;
  return out;
}
