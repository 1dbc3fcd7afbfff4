// The year's grades per quota unit (each population apart when the year separates them), stacked,
// with the unit's 优秀 places beside them: where the excellent bar passes the places bar the unit is
// over its cap. Counts are the engine's (the quota units' tally: decisions, else suggestions).
import { useMemo } from 'react';
import type { UnitDto } from '../../pages/yearend/types';
import { gradeLabel } from '@shared/domain/labels';
import { useDomainLabels, useT } from '../../i18n/language';
import { EChart, type ChartOption } from './EChart';
import { GRADE_COLOR, GRADES, OTHER_COLOR } from './grade-colors';

export function GradeDistributionChart({ units }: { units: UnitDto[] }) {
  const t = useT();
  const labels = useDomainLabels();
  const option = useMemo<ChartOption>(() => {
    const names = units.map((u) => u.label);
    const grades: ChartOption['series'] = GRADES.map((g) => ({
      type: 'bar' as const,
      name: labels.result(g, gradeLabel(g, 'civil_servant')),
      stack: 'grades',
      itemStyle: { color: GRADE_COLOR[g] },
      data: units.map((u) => u.tally.grades[g]),
    }));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: units.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', name: t('chart.people'), minInterval: 1 },
      series: [
        ...grades,
        {
          type: 'bar' as const,
          name: t('chart.ungraded'),
          stack: 'grades',
          itemStyle: { color: OTHER_COLOR },
          data: units.map((u) => u.tally.commentsOnly + u.tally.deferred + u.tally.notAssessed),
        },
        {
          type: 'bar' as const,
          name: t('chart.places'),
          barGap: '10%',
          itemStyle: { color: '#fff', borderColor: GRADE_COLOR.excellent, borderType: 'dashed', borderWidth: 2 },
          label: { show: true, position: 'top', formatter: t('chart.placesLabel') },
          data: units.map((u) => u.allowed + u.approvedOverrides),
        },
      ],
    };
  }, [units, t, labels]);
  return <EChart option={option} height={300} label={t('chart.unitsLabel')} />;
}
