// 审计日志: who did what and when, filtered and paged from main; verify the hash chain; export to Excel.
import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Flex, Input, Select, Table, Tag } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AuditEntryDto, AuditFilterDto } from '@shared/api/trust';
import type { OutputOf } from '@shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction, useQuery } from '../../hooks/useApi';
import { followJob } from '../../api/jobs';
import { auditReasonText } from '@shared/audit/labels';
import { useT } from '../../i18n/language';
import { OUTCOME_COLORS, OUTCOMES, useAuditLabels } from './labels';
import { EntryDetails } from './EntryDetails';
import { VerifyResult } from './VerifyResult';

const PAGE_SIZE = 50;

function formatAt(at: string): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilterDto>({});
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const list = useQuery('audit.list', { filter, page, pageSize: PAGE_SIZE });
  const run = useAction();
  const { message } = App.useApp();
  const [verify, setVerify] = useState<OutputOf<'audit.verify'> | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [exporting, setExporting] = useState(false);
  const t = useT();
  const labels = useAuditLabels();

  const apply = (patch: Partial<AuditFilterDto>) => {
    setPage(1);
    setFilter((f) =>
      Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')),
    );
  };

  const exportXlsx = async () => {
    const picked = await run('desktop.pickSaveFile', {
      title: t('audit.exportTitle'),
      defaultName: t('audit.exportName'),
      filters: [{ name: t('audit.workbook'), extensions: ['xlsx'] }],
    });
    if (!picked?.path) return;
    setExporting(true);
    const started = await run('audit.export', { filter, path: picked.path });
    const job = started ? await followJob(started) : null;
    setExporting(false);
    if (job?.status === 'done')
      await run('desktop.showInFolder', { path: picked.path }, t('audit.exported', { path: picked.path }));
    else if (job) void message.error({ content: job.error?.message ?? t('audit.exportUnfinished'), duration: 6 });
  };

  const columns = useMemo(
    () => [
      { title: t('audit.col.seq'), dataIndex: 'seq', width: 80 },
      { title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (v: string) => formatAt(v) },
      { title: t('audit.col.operator'), dataIndex: 'operatorName', width: 120 },
      { title: t('audit.col.action'), dataIndex: 'action', width: 190, render: (v: string) => labels.action(v) },
      { title: t('audit.col.entity'), dataIndex: 'entity', width: 100, render: (v: string) => labels.entity(v) },
      { title: t('audit.col.entityName'), dataIndex: 'entityName', ellipsis: true },
      {
        title: t('audit.col.outcome'),
        dataIndex: 'outcome',
        width: 70,
        render: (v: string) => <Tag color={OUTCOME_COLORS[v]}>{labels.outcome(v)}</Tag>,
      },
      { title: t('audit.col.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string) => auditReasonText(v) },
    ],
    [t, labels],
  );

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <>
            <Button
              onClick={async () => {
                setVerifying(true);
                setVerify(await run('audit.verify', {}));
                setVerifying(false);
              }}
              loading={verifying}
            >
              {t('audit.verify')}
            </Button>
            <Button icon={<ExportOutlined />} onClick={() => void exportXlsx()} loading={exporting}>
              {t('audit.export')}
            </Button>
          </>
        }
      />
      {verify ? (
        <div style={{ marginBottom: 16 }}>
          <VerifyResult result={verify} />
        </div>
      ) : null}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          placeholder={[t('audit.from'), t('audit.to')]}
          onChange={(v: [Dayjs | null, Dayjs | null] | null) =>
            apply({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
          }
        />
        <Select
          allowClear
          placeholder={t('audit.filter.operator')}
          style={{ width: 150 }}
          options={(list.data?.operators ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v?: string) => apply({ operatorId: v })}
        />
        <Select
          allowClear
          showSearch
          placeholder={t('audit.filter.action')}
          style={{ width: 180 }}
          options={(list.data?.actions ?? []).map((a) => ({ value: a, label: labels.action(a) }))}
          onChange={(v?: string) => apply({ action: v })}
        />
        <Select
          allowClear
          placeholder={t('audit.filter.outcome')}
          style={{ width: 100 }}
          options={OUTCOMES.map((value) => ({ value, label: labels.outcome(value) }))}
          onChange={(v?: 'ok' | 'denied' | 'failed') => apply({ outcome: v })}
        />
        <Select
          allowClear
          placeholder={t('audit.filter.entity')}
          aria-label={t('audit.filter.entityAria')}
          style={{ width: 140 }}
          options={(list.data?.entities ?? []).map((e) => ({ value: e, label: labels.entity(e) }))}
          onChange={(v?: string) => apply({ entity: v })}
        />
        <Input.Search
          placeholder={t('audit.search')}
          style={{ width: 240 }}
          allowClear
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => apply({ text: v.trim() || undefined })}
        />
      </Flex>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<AuditEntryDto>
        rowKey="seq"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('audit.total', { n }),
          onChange: setPage,
        }}
        expandable={{
          expandedRowRender: (r) => <EntryDetails entry={r} names={list.data?.names ?? {}} />,
        }}
      />
    </>
  );
}
