// The app shell: navigation on the left, the current area on the right.
import { useEffect, useState } from 'react';
import { Layout, Menu, Typography } from 'antd';
import { ROUTES, type RouteKey } from './routes';
import { PageRouter } from './pages/PageRouter';
import { CurrentYearProvider } from './state/current-year';
import { YearPicker } from './components/YearPicker';
import { AuthGate } from './components/auth/AuthGate';
import { OperatorBar } from './components/auth/OperatorBar';

function currentRoute(): RouteKey {
  const key = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return ROUTES.find((r) => r.key === key)?.key ?? 'dashboard';
}

export function App() {
  const [route, setRoute] = useState<RouteKey>(currentRoute());
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <AuthGate>
      <CurrentYearProvider>
        <Layout style={{ height: '100vh' }}>
          <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #e8e8e8' }}>
            <Typography.Title level={4} style={{ margin: '16px 20px', color: '#b71c1c' }}>
              动态考核
            </Typography.Title>
            <Menu
              mode="inline"
              selectedKeys={[route]}
              items={ROUTES.map((r) => ({ key: r.key, label: r.label }))}
              onClick={({ key }) => (window.location.hash = `#/${key}`)}
            />
            <OperatorBar />
          </Layout.Sider>
          <Layout.Content style={{ padding: 20, overflow: 'auto' }}>
            <YearPicker />
            <PageRouter route={route} />
          </Layout.Content>
        </Layout>
      </CurrentYearProvider>
    </AuthGate>
  );
}
