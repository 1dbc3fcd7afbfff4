// Exports the roster to xlsx (all columns, ID card masked) through a save dialog and a background job.
import { Button, App } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { useJob } from './useJob';

export function ExportRosterButton({ unitId, includeLeft }: { unitId?: string; includeLeft?: boolean }) {
  const { message } = App.useApp();
  const { job, follow } = useJob();
  const running = job?.status === 'running';
  const run = async () => {
    try {
      const { path } = await call('desktop.pickSaveFile', {
        title: '导出人员名册',
        defaultName: '人员名册.xlsx',
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      });
      if (!path) return;
      const end = await follow(
        await call('imports.exportRoster', { path, unitId: unitId ?? null, includeLeft: includeLeft ?? false }),
      );
      if (end.status === 'done') void message.success(`已导出 ${(end.value as { people: number }).people} 人：${path}`);
      else void message.error({ content: end.error?.message ?? '导出失败', duration: 6 });
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 6 });
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={running} onClick={() => void run()}>
      导出名册
    </Button>
  );
}
