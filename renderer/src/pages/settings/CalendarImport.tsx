// Imports holiday days from a small spreadsheet (日期, 类型 放假/上班, 名称, 依据): the file is read in
// the background with every bad cell named; a clean file shows its days by year and is saved, as a
// whole, only when the clerk confirms. A file with any error saves nothing.
import { useState } from 'react';
import { Alert, Button, Modal, Progress, Table, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { CalendarFileDto } from '@shared/api/calendar';
import type { ImportIssue } from '@shared/import/types';
import { ApiError, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, useJob } from '../../components/import/useJob';
import { toApiError, useAction } from '../../hooks/useApi';
import { useT } from '../../i18n/language';

export function CalendarImport({ onSaved }: { onSaved: () => void }) {
  const [file, setFile] = useState<CalendarFileDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState(false);
  const { job, follow } = useJob();
  const act = useAction();
  const t = useT();

  const start = async () => {
    setError(null);
    setFile(null);
    try {
      const { path } = await call('desktop.pickOpenFile', {
        title: t('calimp.pickTitle'),
        filters: [{ name: t('calimp.workbook'), extensions: ['xlsx'] }],
      });
      if (!path) return;
      setOpen(true);
      const end = await follow(await call('calendar.readFile', { path }));
      if (end.status === 'done') setFile(end.value as CalendarFileDto);
      else if (end.status === 'failed') setError(new ApiError(end.error as never));
      else setOpen(false);
    } catch (e) {
      setError(toApiError(e));
      setOpen(true);
    }
  };

  const save = async () => {
    if (!file) return;
    const r = await act(
      'calendar.save',
      { source: 'import', fileName: file.fileName, fileSha256: file.sha256, years: file.years },
      t('calimp.imported', { years: file.years.map((y) => y.year).join(t('cal.listSep')) }),
    );
    if (r) {
      setOpen(false);
      onSaved();
    }
  };

  const clean = !!file && file.issues.length === 0 && file.years.length > 0;
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => void start()} data-testid="calendar-import">
        {t('calimp.button')}
      </Button>
      <Modal
        open={open}
        width={720}
        title={t('calimp.title')}
        onCancel={() => setOpen(false)}
        okText={t('calimp.ok')}
        onOk={() => void save()}
        okButtonProps={{ disabled: !clean }}
      >
        <Typography.Paragraph type="secondary">{t('calimp.help')}</Typography.Paragraph>
        {job?.status === 'running' && <Progress percent={percent(job)} status="active" />}
        <ErrorAlert error={error} />
        {file && file.issues.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              message={t('calimp.problems', { file: file.fileName, n: file.issues.length })}
              style={{ marginBottom: 8 }}
            />
            <Table<ImportIssue>
              size="small"
              rowKey={(i) => `${i.row}-${i.column}-${i.problem}`}
              pagination={false}
              dataSource={file.issues}
              columns={[
                { title: t('calimp.col.row'), dataIndex: 'row', width: 60 },
                {
                  title: t('calimp.col.column'),
                  width: 90,
                  render: (_: unknown, i) => `${i.column}${i.header ? ` ${i.header}` : ''}`,
                },
                { title: t('calimp.col.value'), dataIndex: 'value', width: 120 },
                { title: t('calimp.col.problem'), dataIndex: 'problem' },
              ]}
              data-testid="calendar-import-issues"
            />
          </>
        )}
        {clean && (
          <Alert
            type="success"
            showIcon
            data-testid="calendar-import-summary"
            message={file.years
              .map(
                (y) =>
                  t('calimp.yearSummary', {
                    year: y.year,
                    holidays: y.days.filter((d) => d.kind === 'holiday').length,
                    workdays: y.days.filter((d) => d.kind === 'workday').length,
                  }) + (y.basis ? t('calimp.basis', { basis: y.basis }) : ''),
              )
              .join(t('calimp.sep'))}
          />
        )}
      </Modal>
    </>
  );
}
