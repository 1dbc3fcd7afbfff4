// 未评定名单: who is missing which period's rating, by department, and the export the office sends
// round to chase departments (a path chosen in the save dialog, written by a worker).
import { useState } from 'react';
import { App, Button, Flex, Progress, Select, Table } from 'antd';
import type { DashboardDto, MissingRow } from '@shared/api/evidence';
import { ApiError, call } from '../../api/client';
import { followJob } from '../../api/jobs';
import { useQuery } from '../../hooks/useApi';
import { useT } from '../../i18n/language';

export function MissingList({ dashboard, onPerson }: { dashboard: DashboardDto; onPerson(personId: string): void }) {
  const { message } = App.useApp();
  const t = useT();
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
        title: t('missing.exportTitle'),
        defaultName: t('missing.exportName', { unit: dashboard.year!.unitName, year: dashboard.year!.year }),
        filters: [{ name: t('missing.workbook'), extensions: ['xlsx'] }],
      });
      if (!path) return;
      setExporting(0);
      const job = await followJob(await call('progress.exportMissing', { yearId, path }), (s) =>
        setExporting(s.total > 0 ? Math.round((s.done / s.total) * 100) : 0),
      );
      if (job.status !== 'done')
        throw new ApiError({ code: 'INTERNAL', message: job.error?.message ?? t('missing.unfinished') });
      const rows = (job.value as { rows: number }).rows;
      void message.success({
        content: (
          <span>
            {t('missing.exported', { rows, path })}{' '}
            <a onClick={() => void call('desktop.showInFolder', { path })}>{t('missing.showInFolder')}</a>
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
          placeholder={t('missing.allPeriods')}
          aria-label={t('missing.periodAria')}
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
          placeholder={t('missing.allUnits')}
          aria-label={t('missing.unitAria')}
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
          {t('missing.export')}
        </Button>
      </Flex>
      <Table<MissingRow>
        size="small"
        rowKey={(r) => `${r.personId}|${r.periodId}`}
        loading={q.loading}
        dataSource={q.data?.rows ?? []}
        aria-label={t('missing.aria')}
        locale={{ emptyText: t('missing.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: q.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('missing.total', { n }),
          showSizeChanger: false,
        }}
        columns={[
          { title: t('missing.col.unit'), dataIndex: 'unitName' },
          {
            title: t('missing.col.period'),
            dataIndex: 'periodLabel',
            render: (v: string, r) => t('missing.periodCell', { label: v, code: r.periodCode }),
          },
          { title: t('missing.col.personNo'), dataIndex: 'personNo' },
          {
            title: t('missing.col.name'),
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
