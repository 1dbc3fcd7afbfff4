// The 好 share of each department (or the agency) per period against the cap line; bars over the
// cap in red, so the office's review starts where it should.
import { useMemo } from 'react';
import type { DashboardDto } from '@shared/api/evidence';
import { EChart, type ChartOption } from './EChart';
import { useT } from '../../i18n/language';

const SHADES = ['#13c2c2', '#36cfc9', '#5cdbd3', '#87e8de', '#08979c', '#006d75'];

export function GoodShareChart({ dashboard }: { dashboard: DashboardDto }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const { goodCap } = dashboard;
    const units = [...new Map(goodCap.rows.map((r) => [r.unitId, r.unitName])).entries()];
    const periods = dashboard.periods.filter((p) => goodCap.rows.some((r) => r.periodId === p.id));
    const capPct = Math.round(goodCap.share * 1000) / 10;
    const series: ChartOption['series'] = periods.map((p, i) => ({
      type: 'bar' as const,
      name: p.label,
      itemStyle: { color: SHADES[i % SHADES.length] },
      data: units.map(([id]) => {
        const r = goodCap.rows.find((x) => x.unitId === id && x.periodId === p.id);
        const v = r ? Math.round(r.goodShare * 1000) / 10 : 0;
        return r?.over ? { value: v, itemStyle: { color: '#f5222d' } } : v;
      }),
      ...(i === 0 && goodCap.enabled
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#cf1322', type: 'dashed' as const },
              label: { formatter: t('chart.capLine', { pct: capPct }) },
              data: [{ yAxis: capPct }],
            },
          }
        : {}),
    }));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
      legend: { top: 0 },
      grid: { left: 40, right: 60, top: 40, bottom: units.length > 10 ? 60 : 30, containLabel: true },
      xAxis: {
        type: 'category',
        data: units.map(([, name]) => name),
        axisLabel: { interval: 0, rotate: units.length > 5 ? 30 : 0 },
      },
      dataZoom: units.length > 10 ? [{ type: 'slider', start: 0, end: Math.round((10 / units.length) * 100) }] : [],
      yAxis: { type: 'value', name: t('chart.goodShareAxis'), max: 100 },
      series,
    };
  }, [dashboard, t]);
  return <EChart option={option} height={300} label={t('chart.goodShareLabel')} />;
}
