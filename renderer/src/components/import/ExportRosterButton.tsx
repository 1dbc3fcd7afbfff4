// Exports the roster to xlsx (all columns, ID card masked) through a save dialog and a background job.
import { Button, App } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { useJob } from './useJob';
import { useT } from '../../i18n/language';

export function ExportRosterButton({ unitId, includeLeft }: { unitId?: string; includeLeft?: boolean }) {
  const { message } = App.useApp();
  const t = useT();
  const { job, follow } = useJob();
  const running = job?.status === 'running';
  const run = async () => {
    try {
      const { path } = await call('desktop.pickSaveFile', {
        title: t('exportRoster.title'),
        defaultName: t('exportRoster.file'),
        filters: [{ name: t('import.workbook'), extensions: ['xlsx'] }],
      });
      if (!path) return;
      const end = await follow(
        await call('imports.exportRoster', { path, unitId: unitId ?? null, includeLeft: includeLeft ?? false }),
      );
      if (end.status === 'done')
        void message.success(t('exportRoster.done', { n: (end.value as { people: number }).people, path }));
      else void message.error({ content: end.error?.message ?? t('exportRoster.failed'), duration: 6 });
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 6 });
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={running} onClick={() => void run()}>
      {t('exportRoster.button')}
    </Button>
  );
}
