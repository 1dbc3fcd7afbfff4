// Chinese line-breaking rules (禁则) for wrapped cells on paper. LibreOffice, Excel and WPS wrap a
// cell by their own metrics and, in a cell not marked as Asian text, happily start a line with "，"
// or "）". The writer therefore breaks long text itself, a little narrower than the cell so no reader
// wraps it again: a line never starts with closing punctuation and never ends with an opening one.
import { charUnits, textUnits, unitsPerLine } from './text-fit';

/** Characters a line may not start with: closing punctuation, pauses and stops. */
const NO_START = new Set([...'，。、；：！？）》」』】〕〉”’…—·%％,.;:!?)]}']);
/** Characters a line may not end with: opening brackets and quotes. */
const NO_END = new Set([...'（《「『【〔〈“‘([{']);
/** Units kept free on each line: readers' fonts differ a little from our estimate. */
const SLACK_UNITS = 2;

/** Opening brackets whose group ("（合格）") is kept on one line where it fits. */
const OPEN_GROUP: Record<string, string> = { '（': '）', '《': '》', '〔': '〕', '(': ')' };

/**
 * Where to start the next line when `chars[i]` no longer fits: a short bracketed group the break
 * would cut ("称职（合格" / "）") goes over whole ("称职" / "（合格）") when it fits on one line.
 */
function groupStart(chars: readonly string[], lineStart: number, i: number, per: number): number | null {
  for (let k = i - 1; k > lineStart; k--) {
    const close = OPEN_GROUP[chars[k]!];
    if (!close) continue;
    const end = chars.indexOf(close, k);
    if (end < i) return null; // the group closes before the break: nothing to keep
    let units = 0;
    for (let j = k; j <= end; j++) units += charUnits(chars[j]!);
    return units <= per ? k : null;
  }
  return null;
}

/** Splits one paragraph into lines of at most `per` units, moving characters so no rule is broken. */
function breakParagraph(para: string, per: number): string[] {
  const chars = [...para];
  const lines: string[][] = [];
  let line: string[] = [];
  let lineStart = 0;
  let used = 0;
  chars.forEach((ch, i) => {
    const u = charUnits(ch);
    if (used + u > per && line.length) {
      const g = groupStart(chars, lineStart, i, per);
      const carry: string[] = g === null ? [] : line.splice(g - lineStart);
      // move the tail to the new line while it would start with NO_START or end with NO_END
      while (line.length > 1 && (NO_START.has(carry[0] ?? ch) || NO_END.has(line[line.length - 1] ?? '')))
        carry.unshift(line.pop()!);
      lines.push(line);
      line = carry;
      lineStart = i - carry.length;
      used = carry.reduce((a, c) => a + charUnits(c), 0);
    }
    line.push(ch);
    used += u;
  });
  if (line.length) lines.push(line);
  return lines.map((l) => l.join(''));
}

/**
 * The text with explicit line breaks for a wrapped cell `widthPt` wide at `fontSize`; text that fits
 * on one line, holds Latin words (which must not be cut) or no punctuation is returned as it is.
 */
export function breakForPrint(text: string, widthPt: number, fontSize: number): string {
  const full = unitsPerLine(widthPt, fontSize);
  const per = full - (full >= 16 ? SLACK_UNITS : 1);
  if (per < 4 || /[A-Za-z]{3}/.test(text)) return text;
  // text without such punctuation breaks no rule wherever a reader wraps it (应参加考核人数)
  if (![...text].some((c) => NO_START.has(c) || NO_END.has(c))) return text;
  // a paragraph that fits the cell's width stays whole: only text that wraps anyway is broken
  return text
    .split('\n')
    .map((para) => (textUnits(para) <= full ? para : breakParagraph(para, per).join('\n')))
    .join('\n');
}
