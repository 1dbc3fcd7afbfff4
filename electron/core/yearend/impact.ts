// How the suggestions would change under proposed settings: counts per result before and after,
// and the people whose suggestion changes (the settings page shows this before saving).
import type { YearSettings } from '../../../shared/settings/year-settings';
import type { SettingsImpactDto } from '../../../shared/api/yearend';
import type { Ctx } from '../context';
import { evaluateStoredYear } from './evaluate';

/** Steps of the job: the year as set, the year as proposed, the comparison. */
export const IMPACT_STEPS = 3;

const MAX_LISTED = 500;

export function settingsImpact(
  ctx: Pick<Ctx, 'db' | 'now'>,
  yearId: string,
  proposed: YearSettings,
  /** after each step (a job's progress and its cancel check) */
  step: (done: number, message: string) => void = () => undefined,
): SettingsImpactDto {
  step(0, '正在按现行设置计算建议等次');
  const before = evaluateStoredYear(ctx, yearId);
  step(1, '正在按修改后的设置计算建议等次');
  const after = evaluateStoredYear(ctx, yearId, proposed);
  step(2, '正在比较');
  const countBy = (labels: string[]) =>
    labels.reduce<Record<string, number>>((m, l) => ((m[l] = (m[l] ?? 0) + 1), m), {});
  const changed: {
    personId: string;
    personNo: string;
    name: string;
    departmentName: string;
    before: string;
    after: string;
    reason: string;
  }[] = [];
  let changedTotal = 0;
  const afterById = new Map(after.evaluation.results.map((r) => [r.personId, r]));
  before.evaluation.results.forEach((b, i) => {
    const a = afterById.get(b.personId);
    if (!a || (a.suggestion.outcome === b.suggestion.outcome && a.suggestion.grade === b.suggestion.grade)) return;
    changedTotal++;
    if (changed.length >= MAX_LISTED) return;
    const p = before.people[i]!;
    changed.push({
      personId: p.id,
      personNo: p.personNo,
      name: p.name,
      departmentName: p.unitName,
      before: b.suggestion.label,
      after: a.suggestion.label,
      reason:
        a.traceText
          .split('\n')
          .filter((l) => !b.traceText.includes(l))
          .join('；') ||
        a.traceText.split('\n')[0] ||
        '',
    });
  });
  const units = (u: typeof before.evaluation.units) =>
    u.map((x) => ({ key: x.key, label: x.label, allowed: x.allowed }));
  return {
    people: before.evaluation.results.length,
    before: countBy(before.evaluation.results.map((r) => r.suggestion.label)),
    after: countBy(after.evaluation.results.map((r) => r.suggestion.label)),
    changedTotal,
    changed,
    unitsBefore: units(before.evaluation.units),
    unitsAfter: units(after.evaluation.units),
  };
}
