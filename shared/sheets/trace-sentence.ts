// The engine's trace ("Q1 较好, Q2 好 → 不符合以上各条 → 称职") is terse, in codes and arrows. People
// read it as plain Chinese sentences ("第一季度较好、第二季度好，按规则确定为称职。"): the filed
// appendix prints them and the workbench shows the same sentences (one function for both, so the
// screen and the paper never say it differently). Text only, so a frozen pack kept by an older
// release prints the same way.
import { chineseDatesIn } from './format';

const QUARTER = ['一', '二', '三', '四'];
const RATINGS = '好|较好|一般|较差|未评';
const RESULTS = new Set(['优秀', '称职', '基本称职', '不称职', '合格', '基本合格', '不合格']);
/** the suggestion table's catch-all row: on paper it says nothing the result does not */
const CATCH_ALL = '不符合以上各条';

/** Q1 → 第一季度, H2 → 下半年, M03 → 3月 (the engine's short period codes). */
export function periodName(code: string): string {
  const q = /^Q([1-4])$/.exec(code);
  if (q) return `第${QUARTER[Number(q[1]) - 1]}季度`;
  if (code === 'H1') return '上半年';
  if (code === 'H2') return '下半年';
  const m = /^M(0[1-9]|1[0-2])$/.exec(code);
  if (m) return `${Number(m[1])}月`;
  return code;
}

function namePeriods(text: string): string {
  return (
    text
      .replace(/(?<![A-Za-z0-9])(Q[1-4]|H[12]|M(?:0[1-9]|1[0-2]))(?![A-Za-z0-9])/g, (c) => periodName(c))
      // "第一季度 好" → "第一季度好", "第四季度 尚未复核" → "第四季度尚未复核"
      .replace(/(季度|半年|\d月) (?=[\u4e00-\u9fff])/g, '$1')
      // the suggestion table's counts: "3×好" → "好 3 次", "1×较差" → "较差 1 次"
      .replace(new RegExp(`(\\d+)×(${RATINGS})`, 'g'), '$2 $1 次')
      // the list of periods with 、 as Chinese lists are written
      .replace(/, /g, '、')
  );
}

/** One trace line as a clause: the arrows become the steps of a sentence. */
function lineClause(line: string): string {
  const steps = namePeriods(line.trim())
    .split(/\s*→\s*/)
    .map((s) => s.trim())
    .filter((s) => s && s !== CATCH_ALL);
  if (steps.length < 2) return steps.join('');
  const last = steps.pop()!;
  let end: string;
  if (RESULTS.has(last)) end = `按规则确定为${last}`;
  else if (last.endsWith('候选')) end = `列为${last}`;
  else if (/^\d+ 名/.test(last)) end = `为 ${last}`;
  else end = last;
  // "……，向下取整" + "为 4 名" reads as one clause, without a comma between
  return end.startsWith('为 ') ? `${steps.join('，')}${end}` : `${steps.join('，')}，${end}`;
}

/** The whole trace as sentences: one clause per line, joined with ；, ending with 。, dates in Chinese. */
export function traceSentence(trace: string): string {
  const clauses = trace
    .split('\n')
    .map(lineClause)
    .map((c) => c.replace(/[。；，\s]+$/, ''))
    .filter(Boolean);
  if (!clauses.length) return '';
  return chineseDatesIn(`${clauses.join('；')}。`);
}

/** A quota explanation on paper: "……，向下取整 → 18 名" reads "……，向下取整为 18 名". */
export function plainArrows(text: string): string {
  return text.replace(/\s*→\s*(\d+ 名)/g, '为 $1').replace(/\s*→\s*/g, '，');
}

/** The trace line by line, each as its own sentence (the workbench lists them one under another). */
export function traceSentences(trace: string): string[] {
  return trace
    .split('\n')
    .map((line) => traceSentence(line))
    .filter(Boolean);
}
