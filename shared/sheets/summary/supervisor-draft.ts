// The supervisor-comment box (主管领导评语) without paperwork: drafted from the year's quarterly
// comments (评语) the supervisor already wrote, in period order, whole sentences only, each traced to
// the period rating it came from; the same sentence written in several quarters is told once.
import type { PackPeriod, PackPerson, SummarySentence } from '../pack-data';
import { condenseToBox, splitSentences, type SummaryBox } from './draft';

export function supervisorCandidates(person: PackPerson, periods: readonly PackPeriod[]): SummarySentence[] {
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const ratings = [...person.ratings].sort(
    (a, b) => (periodById.get(a.periodId)?.seq ?? 0) - (periodById.get(b.periodId)?.seq ?? 0),
  );
  const seen = new Set<string>();
  const out: SummarySentence[] = [];
  for (const r of ratings) {
    const period = periodById.get(r.periodId);
    const label = period?.label ?? period?.code ?? '';
    const fresh = splitSentences(r.comment).filter((t) => !seen.has(t));
    fresh.forEach((t) => seen.add(t));
    fresh.forEach((text, i) =>
      out.push({
        text: i === 0 && label ? `${label}，${text}` : text,
        source: { kind: 'period_rating', id: r.id, label: `${label}评语` },
      }),
    );
  }
  return out;
}

/**
 * The draft: the quarters' comments in order while they fit the box (a sentence that does not fit is
 * left out whole, never cut); empty when no comment was written, so the box prints blank for the hand.
 */
export function draftSupervisorComment(
  person: PackPerson,
  periods: readonly PackPeriod[],
  box: SummaryBox,
): SummarySentence[] {
  return condenseToBox(supervisorCandidates(person, periods), box);
}
