// How many events of each kind the year holds (voided ones stacked apart, in grey).
import { useMemo } from 'react';
import type { DashboardDto } from '@shared/api/evidence';
import { EChart, type ChartOption } from './EChart';
import { useDomainLabels, useT } from '../../i18n/language';

export function EvidenceKindChart({ dashboard }: { dashboard: DashboardDto }) {
  const t = useT();
  const labels = useDomainLabels();
  const option = useMemo<ChartOption>(() => {
    const kinds = [...dashboard.evidenceByKind].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 16, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: kinds.map((k) => labels.evidenceKind[k.kind]) },
      series: [
        {
          type: 'bar',
          name: t('chart.active'),
          stack: 'n',
          itemStyle: { color: '#722ed1' },
          data: kinds.map((k) => k.active),
          label: { show: true, position: 'right', formatter: (p) => (Number(p.value) > 0 ? `${Number(p.value)}` : '') },
        },
        {
          type: 'bar',
          name: t('chart.voided'),
          stack: 'n',
          itemStyle: { color: '#bfbfbf' },
          data: kinds.map((k) => k.voided),
        },
      ],
    };
  }, [dashboard, t, labels]);
  return <EChart option={option} height={300} label={t('chart.kindsLabel')} />;
}
