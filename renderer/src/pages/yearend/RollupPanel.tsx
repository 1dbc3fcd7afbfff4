// 全区汇总: the year across every agency of this store (those whose records came in exchange bundles
// included), one row per agency as its own statistics table counts it, and the total; the A4 sheet
// written where the clerk chooses. Collapsed until opened: counting every agency runs the engine.
import { useState } from 'react';
import { Alert, Button, Collapse, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { RollupCounts, RollupRow } from '@shared/api/rollup';
import { type ApiError, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, useQuery } from '../../hooks/useApi';
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

type Line = RollupCounts & { key: string; name: string; stage: string; source: string };

export function RollupPanel({ year }: { year: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const q = useQuery('rollup.district', open ? { year } : null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const source = (r: RollupRow) =>
    r.deliveries.length
      ? t('rollup.viaBundles', { list: r.deliveries.map((d) => `${d.workstation}（${d.unitLabel}）`).join('；') })
      : t('rollup.local');
  const lines: Line[] = q.data
    ? [
        ...q.data.rows.map((r) => ({
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
        { ...q.data.total, key: 'total', name: t('rollup.total'), stage: '', source: '' },
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
      const r = await call('rollup.exportDistrict', { year, path });
      setSaved(t('rollup.saved', { path: r.path, pages: r.pages }));
    } catch (e) {
      setError(toApiError(e));
    }
  };

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
              {q.error ? <ErrorAlert error={q.error} onRetry={q.reload} /> : null}
              {error ? <ErrorAlert error={error} /> : null}
              {saved ? <Alert type="success" showIcon message={saved} style={{ marginBottom: 8 }} /> : null}
              <Space style={{ marginBottom: 8 }} wrap>
                <Button icon={<DownloadOutlined />} onClick={() => void exportSheet()} disabled={!q.data}>
                  {t('rollup.export')}
                </Button>
                <Typography.Text type="secondary">{t('rollup.hint')}</Typography.Text>
              </Space>
              {q.data?.withoutYear.length ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={t('rollup.withoutYear', { year, names: q.data.withoutYear.join('、') })}
                />
              ) : null}
              <Table<Line>
                size="small"
                rowKey="key"
                loading={q.loading}
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
