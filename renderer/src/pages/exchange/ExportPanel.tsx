// 导出交换包: the unit (a department or the whole agency), the periods and the direction, then a
// file written in the background. Naming the receiving workstation keeps this as the last exchange
// with it, so its later edits are told apart from ours.
import { useMemo, useState } from 'react';
import { Alert, Button, Form, Progress, Radio, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { BUNDLE_EXTENSION, type BundleDirection } from '@shared/exchange/bundle';
import { ApiError, call } from '../../api/client';
import { useQuery, toApiError } from '../../hooks/useApi';
import { useCurrentYear } from '../../state/current-year';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, useJob } from '../../components/import/useJob';
import { useT } from '../../i18n/language';

export function ExportPanel({ onDone }: { onDone: () => void }) {
  const { year, periods } = useCurrentYear();
  const units = useQuery('units.tree', {});
  const senders = useQuery('exchange.senders', {});
  const [direction, setDirection] = useState<BundleDirection>('up');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [periodIds, setPeriodIds] = useState<string[]>([]);
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { job, follow } = useJob();
  const t = useT();

  const unitChoices = useMemo(() => {
    const all = units.data?.units ?? [];
    if (!year) return [];
    const below = new Set([year.unitId]);
    for (const u of all) if (u.parentId && below.has(u.parentId)) below.add(u.id);
    return all
      .filter((u) => below.has(u.id))
      .map((u) => ({
        value: u.id,
        label: `${'\u3000'.repeat(u.depth)}${u.name}${u.id === year.unitId ? t('xex.wholeUnit') : ''}`,
      }));
  }, [units.data, year, t]);

  const start = async () => {
    if (!year || !unitId) return;
    setError(null);
    setDone(null);
    try {
      const unit = units.data?.units.find((u) => u.id === unitId);
      const { path } = await call('desktop.pickSaveFile', {
        title: t('xex.saveTitle'),
        defaultName: `${unit?.name ?? t('xex.defaultBase')}-${year.year}-${t(direction === 'up' ? 'xex.up' : 'xex.down')}.${BUNDLE_EXTENSION}`,
        filters: [{ name: t('xex.fileType'), extensions: [BUNDLE_EXTENSION] }],
      });
      if (!path) return;
      const end = await follow(
        await call('exchange.export', {
          direction,
          unitId,
          yearId: year.id,
          periodIds: periodIds.length ? periodIds : undefined,
          toWorkstationId: to,
          path,
        }),
      );
      if (end.status === 'done') {
        setDone((end.value as { message: string }).message);
        onDone();
      } else if (end.status === 'failed') setError(new ApiError(end.error as never));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  if (!year) return <Alert type="info" showIcon message={t('xex.chooseYear')} />;
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('xex.direction')}>
        <Radio.Group value={direction} onChange={(e) => setDirection(e.target.value as BundleDirection)}>
          <Space direction="vertical">
            {(['up', 'down'] as const).map((d) => (
              <Radio key={d} value={d} data-testid={`exchange-direction-${d}`}>
                {t(`xch.dir.${d}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('xex.unit')} required>
        <Select
          value={unitId}
          onChange={setUnitId}
          options={unitChoices}
          placeholder={t('xex.unitPlaceholder')}
          data-testid="exchange-unit"
        />
      </Form.Item>
      <Form.Item label={t('xex.periods')} extra={direction === 'down' ? t('xex.downNote') : undefined}>
        <Select
          mode="multiple"
          value={periodIds}
          onChange={setPeriodIds}
          options={periods.map((p) => ({ value: p.id, label: t('xex.period', { label: p.label, code: p.code }) }))}
          placeholder={t('xex.allPeriods', { year: year.year })}
        />
      </Form.Item>
      <Form.Item label={t('xex.to')} extra={t('xex.toNote')}>
        <Select
          allowClear
          value={to}
          onChange={(v) => setTo(v ?? null)}
          options={(senders.data ?? []).map((s) => ({
            value: s.workstationId,
            label: t('xex.toOption', { unit: s.unitLabel, station: s.label || s.workstationId.slice(0, 13) }),
          }))}
        />
      </Form.Item>
      {job?.status === 'running' && <Progress percent={percent(job)} status="active" />}
      <ErrorAlert error={error} />
      {done && (
        <Alert type="success" showIcon message={done} style={{ marginBottom: 12 }} data-testid="exchange-exported" />
      )}
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        disabled={!unitId}
        onClick={() => void start()}
        data-testid="exchange-export"
      >
        {t('xex.export')}
      </Button>
    </Form>
  );
}
