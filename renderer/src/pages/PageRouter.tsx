// Maps a route to its page. Each area lives in its own folder under pages/.
import { Empty } from 'antd';
import type { RouteKey } from '../routes';

export function PageRouter({ route }: { route: RouteKey }) {
  switch (route) {
    default:
      return <Empty description="此功能正在建设中" />;
  }
}
