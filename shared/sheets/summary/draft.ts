// The personal summary without paperwork: drafts the 个人总结 box from the person's own period work
// records, key tasks and commendations, condensed to the box, whole sentences only, each traced.
import type { PackPeriod, PackPerson, SummarySentence } from '../pack-data';
import { linesFor, linesInHeight, textUnits, unitsPerLine } from '../text-fit';

const LATIN_RUN = /[A-Za-z0-9]{4}/;
import { chineseYearMonth } from '../format';

export interface SummaryBox {
  /** inner width of the box, points */
  widthPt: number;
  /** height available for text, points */
  heightPt: number;
  fontSize: number;
}

/** The paragraph indent printed before the summary (two full-width spaces, as offices write). */
export const SUMMARY_INDENT = '\u3000\u3000';

const SENTENCE_END = /[。！？；!?;]/;
const SENTENCE_END_CODES = new Set([...'。！？；!?;'].map((c) => c.charCodeAt(0)));

/** Splits free text into sentences, each ending in its own punctuation (a missing 。 is added). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const t = text.replace(/\r/g, '');
  // by UTF-16 unit: the stops and the line break are single units, so a cut never splits a pair
  const push = (from: number, to: number) => {
    const s = t.slice(from, to).trim();
    if (s) out.push(s);
  };
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x0a) {
      push(from, i);
      from = i + 1;
    } else if (SENTENCE_END_CODES.has(c)) {
      push(from, i + 1);
      from = i + 1;
    }
  }
  push(from, t.length);
  return out
    .map((s) => s.replace(/^[0-9一二三四五六七八九十]+[、.．)）]\s*/, '').trim())
    .filter((s) => s.length > 1)
    .map((s) => (SENTENCE_END.test(s.slice(-1)) ? s.replace(/[；;]$/, '。') : `${s}。`));
}

/** The text the box prints for a list of sentences. */
export function summaryText(sentences: readonly SummarySentence[]): string {
  return sentences.length ? SUMMARY_INDENT + sentences.map((s) => s.text).join('') : '';
}

export function summaryFits(sentences: readonly SummarySentence[], box: SummaryBox): boolean {
  return linesFor(summaryText(sentences), box.widthPt, box.fontSize) <= linesInHeight(box.heightPt, box.fontSize);
}

interface Candidate {
  sentence: SummarySentence;
  /** lower = more important */
  priority: number;
  /** position in the printed order */
  order: number;
}

function candidates(person: PackPerson, periods: readonly PackPeriod[], year: number): Candidate[] {
  const out: Candidate[] = [];
  let order = 0;
  const where = person.agencyLevel ? '' : `在${person.departmentName}`;
  const role = person.position ? `${where}担任${person.position}` : `${where || '在本单位'}工作`;
  const duties = person.duties?.trim();
  out.push({
    sentence: {
      text: `${year}年度，本人${role}${duties ? `，主要负责${duties.replace(/[。；;，,]+$/, '')}` : ''}。`,
      source: { kind: 'person', id: person.id, label: '人员名册：部门、职务职级、从事或分管工作' },
    },
    priority: 0,
    order: order++,
  });
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const ratings = [...person.ratings].sort(
    (a, b) => (periodById.get(a.periodId)?.seq ?? 0) - (periodById.get(b.periodId)?.seq ?? 0),
  );
  // the same routine sentence recorded in several quarters is told once
  const seen = new Set<string>();
  for (const r of ratings) {
    const period = periodById.get(r.periodId);
    const label = period?.label ?? '';
    const fresh = splitSentences(r.workRecord).filter((t) => !seen.has(t));
    fresh.forEach((t) => seen.add(t));
    fresh.forEach((text, i) => {
      out.push({
        sentence: {
          text: i === 0 && label ? `${label}，${text}` : text,
          source: { kind: 'period_rating', id: r.id, label: `${label || period?.code || ''}工作纪实` },
        },
        // the first sentences of every period come before the second sentences of any period
        priority: 10 + i,
        order: order++,
      });
    });
  }
  const keyTasks = person.evidence.filter(
    (e) => e.kind === 'work' && (e.subKind === '重点任务' || e.subKind === '督查通报表扬' || e.subKind === '群众表扬'),
  );
  for (const e of keyTasks) {
    const desc = e.description.trim().replace(/[。；;]+$/, '');
    if (!desc) continue;
    out.push({
      sentence: {
        text: `${chineseYearMonth(e.date)}，${desc}${e.subKind === '重点任务' ? '' : `，获${e.subKind}`}。`,
        source: { kind: 'evidence', id: e.id, label: `${e.subKind} ${e.date}` },
      },
      priority: 5,
      order: order++,
    });
  }
  for (const e of person.evidence.filter((x) => x.kind === 'commendation')) {
    const desc = e.description.trim().replace(/[。；;]+$/, '');
    const doc = e.docNo ? `（${e.docNo}）` : '';
    // a description that already names the award ("…给予嘉奖") is not followed by "获嘉奖" again
    const text = desc.includes(e.subKind)
      ? `${chineseYearMonth(e.date)}，${desc}${doc}。`
      : `${chineseYearMonth(e.date)}${desc ? `因${desc}` : ''}获${e.subKind}${doc}。`;
    out.push({
      sentence: {
        text,
        source: { kind: 'evidence', id: e.id, label: `${e.subKind} ${e.date}` },
      },
      priority: 3,
      order: order++,
    });
  }
  return out;
}

/**
 * Drafts the summary: the most important sentences that fit the box, printed in their natural
 * order. A sentence that does not fit is left out whole — never cut.
 */
export function draftSummary(
  person: PackPerson,
  periods: readonly PackPeriod[],
  year: number,
  box: SummaryBox,
): SummarySentence[] {
  const all = candidates(person, periods, year);
  const byPriority = [...all].sort((a, b) => a.priority - b.priority || a.order - b.order);
  // The box holds one paragraph, so its line count depends only on the total width units (and on
  // whether a Latin word may end a line early): count units incrementally instead of re-wrapping.
  const per = unitsPerLine(box.widthPt, box.fontSize);
  const maxLines = linesInHeight(box.heightPt, box.fontSize);
  const fitsUnits = (units: number, latin: boolean) =>
    Math.max(1, Math.ceil(units / Math.max(2, per - (latin ? 3 : 0)))) <= maxLines;
  const chosen: Candidate[] = [];
  let units = textUnits(SUMMARY_INDENT);
  let latin = false;
  for (const c of byPriority) {
    const u = textUnits(c.sentence.text);
    const l: boolean = latin || LATIN_RUN.test(c.sentence.text);
    if (!fitsUnits(units + u, l)) continue;
    chosen.push(c);
    units += u;
    latin = l;
  }
  const out = chosen.sort((a, b) => a.order - b.order).map((c) => c.sentence);
  // a Latin word formed across two sentences could cost a line: verify, and drop from the end if so
  while (out.length && !summaryFits(out, box)) out.pop();
  return out;
}

/** Keeps leading sentences of an (edited) summary while they fit; used when the box shrank. */
export function condenseToBox(sentences: readonly SummarySentence[], box: SummaryBox): SummarySentence[] {
  const kept: SummarySentence[] = [];
  for (const s of sentences) {
    if (!summaryFits([...kept, s], box)) break;
    kept.push(s);
  }
  return kept;
}
