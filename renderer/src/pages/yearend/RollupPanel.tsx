// 全区汇总: the year across every agency of this store (those whose records came in exchange bundles
// included), one row per agency as its own statistics table counts it, and the total; the A4 sheet
// written where the clerk chooses. Collapsed until opened: counting every agency runs the engine, so
// both the roll-up and the export are jobs (a worker counts agency by agency, progress pushed, cancel).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Collapse, Progress, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { DistrictRollup, RollupCounts, RollupExportDto, RollupRow } from '@shared/api/rollup';
import type { JobStateDto } from '@shared/api/jobs';
import type { ErrorCode } from '@shared/result';
import { ApiError, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, useJob } from '../../components/import/useJob';
import { toApiError } from '../../hooks/useApi';
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

type Line = RollupCounts & { key: string; name: string; stage: string; source: string };

/** A job's end as the panel shows it: its value once done, its error otherwise (cancel is no error). */
function endOf<T>(end: JobStateDto): { value?: T; error?: ApiError } {
  if (end.status === 'done') return { value: end.value as T };
  if (end.status === 'cancelled') return {};
  return {
    error: new ApiError({
      code: (end.error?.code ?? 'INTERNAL') as ErrorCode,
      message: end.error?.message ?? end.message,
    }),
  };
}

export function RollupPanel({ year }: { year: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<DistrictRollup | null>(null);
  const [counting, setCounting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const job = useJob();
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const count = useCallback(async () => {
    setError(null);
    setCounting(true);
    try {
      const end = endOf<DistrictRollup>(await job.follow(await call('rollup.district', { year })));
      if (end.value) setData(end.value);
      if (end.error) setError(end.error);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setCounting(false);
      job.reset();
    }
    // job.follow / job.reset are stable; the roll-up is counted again for another year
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [year]);
  useEffect(() => {
    setData(null);
    if (open) void count();
  }, [open, count]);
  const source = (r: RollupRow) =>
    r.deliveries.length
      ? t('rollup.viaBundles', { list: r.deliveries.map((d) => `${d.workstation}（${d.unitLabel}）`).join('；') })
      : t('rollup.local');
  const lines: Line[] = data
    ? [
        ...data.rows.map((r) => ({
          ...r,
          key: r.agencyId,
          name: r.agencyName,
          // an open year counts by suggestion where nothing is decided yet: say how far it is
          stage:
            r.decided < r.due
              ? t('rollup.stageDecided', { stage: r.stageLabel, decided: r.decided, due: r.due })
              : r.stageLabel,
          source: source(r),
        })),
        { ...data.total, key: 'total', name: t('rollup.total'), stage: '', source: '' },
      ]
    : [];

  const exportSheet = async () => {
    setError(null);
    setSaved(null);
    try {
      const { path } = await call('desktop.pickSaveFile', {
        title: t('rollup.export'),
        defaultName: t('rollup.fileName', { year }),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (!path) return;
      setExporting(true);
      const end = endOf<RollupExportDto>(await job.follow(await call('rollup.exportDistrict', { year, path })));
      if (end.value) setSaved(t('rollup.saved', { path: end.value.path, pages: end.value.pages }));
      if (end.error) setError(end.error);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setExporting(false);
      job.reset();
    }
  };
  const busy = counting || exporting;

  const n = (k: keyof RollupCounts) => ({
    title: t(`rollup.col.${k}` as MessageKey),
    dataIndex: k,
    width: 72,
    align: 'center' as const,
  });
  return (
    <Collapse
      style={{ marginBottom: 12 }}
      activeKey={open ? ['rollup'] : []}
      onChange={(k) => setOpen(k.length > 0)}
      items={[
        {
          key: 'rollup',
          label: t('rollup.title', { year }),
          children: (
            <div data-testid="rollup-panel">
              {error ? <ErrorAlert error={error} onRetry={data ? undefined : () => void count()} /> : null}
              {saved ? <Alert type="success" showIcon message={saved} style={{ marginBottom: 8 }} /> : null}
              <Space style={{ marginBottom: 8 }} wrap>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => void exportSheet()}
                  disabled={!data || busy}
                  loading={exporting}
                >
                  {t('rollup.export')}
                </Button>
                {!busy && data ? <Button onClick={() => void count()}>{t('rollup.recount')}</Button> : null}
                <Typography.Text type="secondary">{t('rollup.hint')}</Typography.Text>
              </Space>
              {busy && job.job ? (
                <Space style={{ marginBottom: 8, width: '100%' }} data-testid="rollup-progress">
                  <Progress percent={percent(job.job)} size="small" style={{ width: 240 }} />
                  <Typography.Text>
                    {t('rollup.progress', { done: job.job.done, total: job.job.total, message: job.job.message })}
                  </Typography.Text>
                  <Button size="small" onClick={() => void job.cancel()}>
                    {t('rollup.cancel')}
                  </Button>
                </Space>
              ) : null}
              {data?.withoutYear.length ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={t('rollup.withoutYear', { year, names: data.withoutYear.join('、') })}
                />
              ) : null}
              <Table<Line>
                size="small"
                rowKey="key"
                loading={counting && !data}
                pagination={false}
                dataSource={lines}
                scroll={{ x: 1100 }}
                rowClassName={(r) => (r.key === 'total' ? 'rollup-total' : '')}
                columns={[
                  { title: t('rollup.col.agency'), dataIndex: 'name', fixed: 'left', width: 150 },
                  { title: t('rollup.col.stage'), dataIndex: 'stage', width: 130 },
                  n('due'),
                  n('assessed'),
                  n('excellent'),
                  n('competent'),
                  n('basic'),
                  n('incompetent'),
                  n('commentsOnly'),
                  n('deferred'),
                  n('notAssessed'),
                  n('excellentShare'),
                  {
                    title: t('rollup.col.places'),
                    width: 110,
                    align: 'center',
                    render: (_, r) =>
                      `${r.used} / ${r.allowed}${r.approvedOverrides ? ` + ${r.approvedOverrides}` : ''}`,
                  },
                  { title: t('rollup.col.source'), dataIndex: 'source', width: 240 },
                ]}
              />
            </div>
          ),
        },
      ]}
    />
  );
}
