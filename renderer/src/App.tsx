// The app shell: navigation on the left, the current area on the right. The menu holds only the areas
// the operator's role may open, and an address of another area opens the first one allowed instead.
import { useEffect, useState } from 'react';
import { Layout, Menu, Typography } from 'antd';
import { ROUTES, allowedRoutes, type RouteKey } from './routes';
import { PageRouter } from './pages/PageRouter';
import { CurrentYearProvider } from './state/current-year';
import { YearPicker } from './components/YearPicker';
import { AuthGate } from './components/auth/AuthGate';
import { OperatorBar } from './components/auth/OperatorBar';
import { usePermissions } from './components/auth/usePermissions';
import { useT } from './i18n/language';
import { LanguageSwitch } from './i18n/LanguageSwitch';

function routeInHash(): RouteKey | null {
  const key = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return ROUTES.find((r) => r.key === key)?.key ?? null;
}

function Shell() {
  const { can } = usePermissions();
  const t = useT();
  const allowed = allowedRoutes(can);
  const [asked, setAsked] = useState<RouteKey | null>(routeInHash());
  useEffect(() => {
    const onHash = () => setAsked(routeInHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const route: RouteKey = allowed.find((r) => r.key === asked)?.key ?? allowed[0]?.key ?? 'system';
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #e8e8e8' }}>
        <Typography.Title level={4} style={{ margin: '16px 20px', color: '#b71c1c' }}>
          {t('app.title')}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[route]}
          items={allowed.map((r) => ({ key: r.key, label: t(r.label) }))}
          onClick={({ key }) => (window.location.hash = `#/${key}`)}
        />
        <OperatorBar />
        <div style={{ padding: '0 20px 12px' }}>
          <LanguageSwitch />
        </div>
      </Layout.Sider>
      <Layout.Content style={{ padding: 20, overflow: 'auto' }}>
        {can('year.read') ? <YearPicker /> : null}
        <PageRouter route={route} />
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  return (
    <AuthGate>
      <CurrentYearProvider>
        <Shell />
      </CurrentYearProvider>
    </AuthGate>
  );
}
