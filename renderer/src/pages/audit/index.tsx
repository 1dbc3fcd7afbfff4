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
import { actionLabel, entityLabel, OUTCOME_LABELS } from './labels';
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

  const apply = (patch: Partial<AuditFilterDto>) => {
    setPage(1);
    setFilter((f) =>
      Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')),
    );
  };

  const exportXlsx = async () => {
    const picked = await run('desktop.pickSaveFile', {
      title: '导出审计日志',
      defaultName: '审计日志.xlsx',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    if (!picked?.path) return;
    setExporting(true);
    const started = await run('audit.export', { filter, path: picked.path });
    const job = started ? await followJob(started) : null;
    setExporting(false);
    if (job?.status === 'done')
      await run('desktop.showInFolder', { path: picked.path }, `已导出审计日志：${picked.path}`);
    else if (job) void message.error({ content: job.error?.message ?? '导出未完成', duration: 6 });
  };

  const columns = useMemo(
    () => [
      { title: '序号', dataIndex: 'seq', width: 80 },
      { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatAt(v) },
      { title: '操作员', dataIndex: 'operatorName', width: 120 },
      { title: '操作', dataIndex: 'action', width: 190, render: (v: string) => actionLabel(v) },
      { title: '对象', dataIndex: 'entity', width: 100, render: (v: string) => entityLabel(v) },
      { title: '对象名称', dataIndex: 'entityName', ellipsis: true },
      {
        title: '结果',
        dataIndex: 'outcome',
        width: 70,
        render: (v: string) => <Tag color={OUTCOME_LABELS[v]?.color}>{OUTCOME_LABELS[v]?.text ?? v}</Tag>,
      },
      { title: '原因', dataIndex: 'reason', ellipsis: true, render: (v: string) => auditReasonText(v) },
    ],
    [],
  );

  return (
    <>
      <PageHeader
        title="审计日志"
        subtitle="每一次修改、登录和越权尝试都记录在此；记录只能追加，且以哈希链相连，改动或删除会被发现。"
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
              校验审计链
            </Button>
            <Button icon={<ExportOutlined />} onClick={() => void exportXlsx()} loading={exporting}>
              导出 Excel
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
          placeholder={['开始日期', '结束日期']}
          onChange={(v: [Dayjs | null, Dayjs | null] | null) =>
            apply({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
          }
        />
        <Select
          allowClear
          placeholder="操作员"
          style={{ width: 150 }}
          options={(list.data?.operators ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v?: string) => apply({ operatorId: v })}
        />
        <Select
          allowClear
          showSearch
          placeholder="操作"
          style={{ width: 180 }}
          options={(list.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
          onChange={(v?: string) => apply({ action: v })}
        />
        <Select
          allowClear
          placeholder="结果"
          style={{ width: 100 }}
          options={Object.entries(OUTCOME_LABELS).map(([value, o]) => ({ value, label: o.text }))}
          onChange={(v?: 'ok' | 'denied' | 'failed') => apply({ outcome: v })}
        />
        <Select
          allowClear
          placeholder="对象"
          aria-label="对象类别"
          style={{ width: 140 }}
          options={(list.data?.entities ?? []).map((e) => ({ value: e, label: entityLabel(e) }))}
          onChange={(v?: string) => apply({ entity: v })}
        />
        <Input.Search
          placeholder="搜索内容、原因、操作员"
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
          showTotal: (n) => `共 ${n} 条`,
          onChange: setPage,
        }}
        expandable={{
          expandedRowRender: (r) => <EntryDetails entry={r} names={list.data?.names ?? {}} />,
        }}
      />
    </>
  );
}
