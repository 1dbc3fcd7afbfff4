// The agency's grades year by year, stacked (imported earlier years, the app's decided years, and
// this year so far marked as such), from yearend.gradeHistory: the store's counts, not recounted here.
import { useMemo } from 'react';
import type { OutputOf } from '@shared/api';
import { gradeLabel } from '@shared/domain/labels';
import { useDomainLabels, useT } from '../../i18n/language';
import { EChart, type ChartOption } from './EChart';
import { GRADE_COLOR, GRADES, OTHER_COLOR } from './grade-colors';

type History = OutputOf<'yearend.gradeHistory'>;

export function GradeYearsChart({ history }: { history: History }) {
  const t = useT();
  const labels = useDomainLabels();
  const option = useMemo<ChartOption>(() => {
    const ys = history.years;
    const note = { decided: '', provisional: t('chart.provisional'), imported: t('chart.imported') } as const;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: ys.map((y) => `${y.year}${note[y.source]}`) },
      yAxis: { type: 'value', name: t('chart.people'), minInterval: 1 },
      series: [
        ...GRADES.map((g) => ({
          type: 'bar' as const,
          name: labels.result(g, gradeLabel(g, 'civil_servant')),
          stack: 'grades',
          itemStyle: { color: GRADE_COLOR[g] },
          data: ys.map((y) => y.tally.grades[g]),
        })),
        {
          type: 'bar' as const,
          name: t('chart.ungraded'),
          stack: 'grades',
          itemStyle: { color: OTHER_COLOR },
          data: ys.map((y) => y.tally.commentsOnly + y.tally.deferred + y.tally.notAssessed),
        },
      ],
    };
  }, [history, t, labels]);
  return <EChart option={option} height={300} label={t('chart.yearsLabel', { unit: history.unitName })} />;
}
