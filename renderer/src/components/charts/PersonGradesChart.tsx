// One person's result year by year, as a bar whose height is the grade (优秀 highest); a year without
// a grade (只写评语, 暂缓, 不参加) shows as a grey stub with its name. From yearend.gradeHistory.
import { useMemo } from 'react';
import type { OutputOf } from '@shared/api';
import type { Grade } from '@shared/domain/types';
import { EChart, type ChartOption } from './EChart';
import { GRADE_COLOR, OTHER_COLOR } from './grade-colors';
import { useT } from '../../i18n/language';

type PersonYears = NonNullable<OutputOf<'yearend.gradeHistory'>['person']>;

const LEVEL: Record<Grade, number> = { excellent: 4, competent: 3, basic: 2, incompetent: 1 };

export function PersonGradesChart({ person }: { person: PersonYears }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const note = { decided: '', provisional: t('chart.provisional'), imported: t('chart.imported') } as const;
    return {
      tooltip: { trigger: 'item', formatter: (p) => String((p as { name: string }).name) },
      grid: { left: 10, right: 10, top: 24, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: person.years.map((y) => `${y.year}${note[y.source]}`) },
      yAxis: { type: 'value', min: 0, max: 4, interval: 1, axisLabel: { show: false } },
      series: [
        {
          type: 'bar' as const,
          barMaxWidth: 36,
          label: { show: true, position: 'top', formatter: (p) => person.years[p.dataIndex]?.label ?? '' },
          data: person.years.map((y) =>
            y.grade && y.outcome === 'graded'
              ? { value: LEVEL[y.grade], itemStyle: { color: GRADE_COLOR[y.grade] } }
              : { value: 0.3, itemStyle: { color: OTHER_COLOR } },
          ),
        },
      ],
    };
  }, [person, t]);
  return <EChart option={option} height={180} label={t('chart.personLabel', { name: person.name })} />;
}
