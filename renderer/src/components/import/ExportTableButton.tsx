// 导出 Excel for a list on screen: asks where to save, then the core writes the rows the list shows
// (imports.exportTable) — in the list's own order and filter, so the file matches the screen.
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/useApi';
import { useT } from '../../i18n/language';

export interface TableData {
  columns: string[];
  rows: (string | number | null)[][];
}

export function ExportTableButton(props: {
  title: string;
  fileName: string;
  table: () => TableData | Promise<TableData>;
}) {
  const { message } = App.useApp();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { path } = await call('desktop.pickSaveFile', {
        title: props.title,
        defaultName: `${props.fileName}.xlsx`,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (!path) return;
      const data = await props.table();
      const { rows } = await call('imports.exportTable', { path, title: props.title, ...data });
      void message.success(t('common.exported', { rows, path }));
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 6 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} data-testid="export-table">
      {busy ? t('common.exporting') : t('common.exportExcel')}
    </Button>
  );
}
