// How many events of each kind the year holds (voided ones stacked apart, in grey).
import { useMemo } from 'react';
import type { DashboardDto } from '@shared/api/evidence';
import { EVIDENCE_KIND_LABEL } from '@shared/domain/labels';
import { EChart, type ChartOption } from './EChart';

export function EvidenceKindChart({ dashboard }: { dashboard: DashboardDto }) {
  const option = useMemo<ChartOption>(() => {
    const kinds = [...dashboard.evidenceByKind].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 16, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: kinds.map((k) => EVIDENCE_KIND_LABEL[k.kind]) },
      series: [
        {
          type: 'bar',
          name: '有效',
          stack: 'n',
          itemStyle: { color: '#722ed1' },
          data: kinds.map((k) => k.active),
          label: { show: true, position: 'right', formatter: (p) => (Number(p.value) > 0 ? `${Number(p.value)}` : '') },
        },
        { type: 'bar', name: '已作废', stack: 'n', itemStyle: { color: '#bfbfbf' }, data: kinds.map((k) => k.voided) },
      ],
    };
  }, [dashboard]);
  return <EChart option={option} height={300} label="事件按类别统计" />;
}
