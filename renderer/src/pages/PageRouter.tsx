// Maps a route to its page. Each area lives in its own folder under pages/.
import { DashboardPage } from './dashboard';
import { RosterPage } from './roster';
import { RatingsPage } from './ratings';
import { EvidencePage } from './evidence';
import { YearEndPage } from './yearend';
import { PackPage } from './pack';
import { SettingsPage } from './settings';
import { AuditPage } from './audit';
import { SystemPage } from './system';
import { ExchangePage } from './exchange';
import type { RouteKey } from '../routes';

export function PageRouter({ route }: { route: RouteKey }) {
  switch (route) {
    case 'dashboard':
      return <DashboardPage />;
    case 'roster':
      return <RosterPage />;
    case 'ratings':
      return <RatingsPage />;
    case 'evidence':
      return <EvidencePage />;
    case 'yearend':
      return <YearEndPage />;
    case 'pack':
      return <PackPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditPage />;
    case 'system':
      return <SystemPage />;
    case 'exchange':
      return <ExchangePage />;
  }
}
