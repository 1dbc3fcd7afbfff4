// 未评定名单: who is missing which period's rating, by department, and the export the office sends
// round to chase departments (a path chosen in the save dialog, written by a worker).
import { useState } from 'react';
import { App, Button, Flex, Progress, Select, Table } from 'antd';
import type { DashboardDto, MissingRow } from '@shared/api/evidence';
import { ApiError, call } from '../../api/client';
import { followJob } from '../../api/jobs';
import { useQuery } from '../../hooks/useApi';

export function MissingList({ dashboard, onPerson }: { dashboard: DashboardDto; onPerson(personId: string): void }) {
  const { message } = App.useApp();
  const yearId = dashboard.year!.id;
  const [periodId, setPeriodId] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState<number | null>(null);
  const pageSize = 10;
  const q = useQuery('progress.missing', {
    yearId,
    ...(periodId ? { periodId } : {}),
    ...(unitId ? { unitId } : {}),
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const units = [...new Map(dashboard.progress.map((r) => [r.unitId, r.unitName])).entries()];

  const exportXlsx = async () => {
    try {
      const { path } = await call('desktop.pickSaveFile', {
        title: '导出未评定名单',
        defaultName: `${dashboard.year!.unitName}${dashboard.year!.year}年度未评定名单.xlsx`,
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      });
      if (!path) return;
      setExporting(0);
      const job = await followJob(await call('progress.exportMissing', { yearId, path }), (s) =>
        setExporting(s.total > 0 ? Math.round((s.done / s.total) * 100) : 0),
      );
      if (job.status !== 'done') throw new ApiError({ code: 'INTERNAL', message: job.error?.message ?? '导出未完成' });
      const rows = (job.value as { rows: number }).rows;
      void message.success({
        content: (
          <span>
            已导出 {rows} 行到 {path} <a onClick={() => void call('desktop.showInFolder', { path })}>在文件夹中显示</a>
          </span>
        ),
        duration: 8,
      });
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部期间"
          aria-label="未评定名单按期间筛选"
          style={{ width: 150 }}
          value={periodId}
          onChange={(v: string | undefined) => {
            setPeriodId(v);
            setPage(1);
          }}
          options={dashboard.periods.filter((p) => p.state !== 'future').map((p) => ({ value: p.id, label: p.label }))}
        />
        <Select
          allowClear
          placeholder="全部部门"
          aria-label="未评定名单按部门筛选"
          style={{ width: 150 }}
          value={unitId}
          onChange={(v: string | undefined) => {
            setUnitId(v);
            setPage(1);
          }}
          options={units.map(([value, label]) => ({ value, label }))}
        />
        <div style={{ flex: 1 }} />
        {exporting !== null ? <Progress percent={exporting} size="small" style={{ width: 160 }} /> : null}
        <Button onClick={() => void exportXlsx()} loading={exporting !== null} disabled={dashboard.missingTotal === 0}>
          导出 Excel
        </Button>
      </Flex>
      <Table<MissingRow>
        size="small"
        rowKey={(r) => `${r.personId}|${r.periodId}`}
        loading={q.loading}
        dataSource={q.data?.rows ?? []}
        aria-label="未评定名单"
        locale={{ emptyText: '已开始的期间都已评定' }}
        pagination={{
          current: page,
          pageSize,
          total: q.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 人次`,
          showSizeChanger: false,
        }}
        columns={[
          { title: '部门', dataIndex: 'unitName' },
          { title: '期间', dataIndex: 'periodLabel', render: (v: string, r) => `${v}（${r.periodCode}）` },
          { title: '人员编号', dataIndex: 'personNo' },
          {
            title: '姓名',
            dataIndex: 'name',
            render: (v: string, r) => (
              <a onClick={() => onPerson(r.personId)} role="button">
                {v}
              </a>
            ),
          },
        ]}
      />
    </>
  );
}
