// Maps a route to its page. Each area lives in its own folder under pages/ and is loaded when first
// opened: the log-in screen then needs only the shell's code, not every page's (charts, grids, forms),
// which keeps the first screen fast on an office workstation.
import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import type { RouteKey } from '../routes';

const DashboardPage = lazy(() => import('./dashboard').then((m) => ({ default: m.DashboardPage })));
const RosterPage = lazy(() => import('./roster').then((m) => ({ default: m.RosterPage })));
const RatingsPage = lazy(() => import('./ratings').then((m) => ({ default: m.RatingsPage })));
const EvidencePage = lazy(() => import('./evidence').then((m) => ({ default: m.EvidencePage })));
const YearEndPage = lazy(() => import('./yearend').then((m) => ({ default: m.YearEndPage })));
const PackPage = lazy(() => import('./pack').then((m) => ({ default: m.PackPage })));
const SettingsPage = lazy(() => import('./settings').then((m) => ({ default: m.SettingsPage })));
const AuditPage = lazy(() => import('./audit').then((m) => ({ default: m.AuditPage })));
const SystemPage = lazy(() => import('./system').then((m) => ({ default: m.SystemPage })));
const ExchangePage = lazy(() => import('./exchange').then((m) => ({ default: m.ExchangePage })));

const PAGES: Record<RouteKey, React.ComponentType> = {
  dashboard: DashboardPage,
  roster: RosterPage,
  ratings: RatingsPage,
  evidence: EvidencePage,
  yearend: YearEndPage,
  pack: PackPage,
  settings: SettingsPage,
  audit: AuditPage,
  system: SystemPage,
  exchange: ExchangePage,
};

export function PageRouter({ route }: { route: RouteKey }) {
  const Page = PAGES[route];
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
      <Page />
    </Suspense>
  );
}
