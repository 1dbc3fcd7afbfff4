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

export function CalendarImport({ onSaved }: { onSaved: () => void }) {
  const [file, setFile] = useState<CalendarFileDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState(false);
  const { job, follow } = useJob();
  const act = useAction();

  const start = async () => {
    setError(null);
    setFile(null);
    try {
      const { path } = await call('desktop.pickOpenFile', {
        title: '选择节假日安排表格',
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
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
      `已导入 ${file.years.map((y) => y.year).join('、')} 年节假日安排`,
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
        从表格导入
      </Button>
      <Modal
        open={open}
        width={720}
        title="导入节假日安排"
        onCancel={() => setOpen(false)}
        okText="保存导入的安排"
        onOk={() => void save()}
        okButtonProps={{ disabled: !clean }}
      >
        <Typography.Paragraph type="secondary">
          表格每行一天：日期、类型（放假 / 上班）、名称（如
          春节），可加“依据”列填写通知文号。导入的年份整年替换现有安排。
        </Typography.Paragraph>
        {job?.status === 'running' && <Progress percent={percent(job)} status="active" />}
        <ErrorAlert error={error} />
        {file && file.issues.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              message={`“${file.fileName}”有 ${file.issues.length} 处问题，未导入任何内容。请改正后重新导入。`}
              style={{ marginBottom: 8 }}
            />
            <Table<ImportIssue>
              size="small"
              rowKey={(i) => `${i.row}-${i.column}-${i.problem}`}
              pagination={false}
              dataSource={file.issues}
              columns={[
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '列', width: 90, render: (_: unknown, i) => `${i.column}${i.header ? ` ${i.header}` : ''}` },
                { title: '内容', dataIndex: 'value', width: 120 },
                { title: '问题', dataIndex: 'problem' },
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
                  `${y.year} 年：放假 ${y.days.filter((d) => d.kind === 'holiday').length} 天、调休上班 ${y.days.filter((d) => d.kind === 'workday').length} 天${y.basis ? `（${y.basis}）` : ''}`,
              )
              .join('；')}
          />
        )}
      </Modal>
    </>
  );
}
