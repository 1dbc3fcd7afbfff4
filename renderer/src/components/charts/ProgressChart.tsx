// Rated / missing per department, one stacked bar per started period, so a clerk sees at a glance
// which department is behind in which quarter.
import { useMemo } from 'react';
import type { DashboardDto } from '@shared/api/evidence';
import { EChart, type ChartOption } from './EChart';
import { useT } from '../../i18n/language';

const RATED = ['#1677ff', '#4096ff', '#69b1ff', '#91caff', '#0958d9', '#003eb3'];
const MISSING = '#fa8c16';

export function ProgressChart({ dashboard }: { dashboard: DashboardDto }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const units = [...new Map(dashboard.progress.map((r) => [r.unitId, r.unitName])).entries()];
    const periods = dashboard.periods.filter((p) => p.state !== 'future');
    const cell = (unitId: string, periodId: string) =>
      dashboard.progress.find((r) => r.unitId === unitId && r.periodId === periodId);
    const series: ChartOption['series'] = periods.flatMap((p, i) => [
      {
        type: 'bar' as const,
        name: t('chart.rated', { period: p.label }),
        stack: p.id,
        itemStyle: { color: RATED[i % RATED.length] },
        data: units.map(([id]) => cell(id, p.id)?.rated ?? 0),
      },
      {
        type: 'bar' as const,
        name: t('chart.missing', { period: p.label }),
        stack: p.id,
        itemStyle: { color: MISSING, opacity: 0.55 + 0.1 * (i % 4) },
        data: units.map(([id]) => cell(id, p.id)?.missing ?? 0),
      },
    ]);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 40, bottom: units.length > 12 ? 60 : 30, containLabel: true },
      xAxis: {
        type: 'category',
        data: units.map(([, name]) => name),
        axisLabel: { interval: 0, rotate: units.length > 8 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: t('chart.people'), minInterval: 1 },
      dataZoom: units.length > 12 ? [{ type: 'slider', start: 0, end: Math.round((12 / units.length) * 100) }] : [],
      series,
    };
  }, [dashboard, t]);
  return <EChart option={option} height={340} label={t('chart.progressLabel')} />;
}
