// 导出交换包: the unit (a department or the whole agency), the periods and the direction, then a
// file written in the background. Naming the receiving workstation keeps this as the last exchange
// with it, so its later edits are told apart from ours.
import { useMemo, useState } from 'react';
import { Alert, Button, Form, Progress, Radio, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { DIRECTION_LABEL, BUNDLE_EXTENSION, type BundleDirection } from '@shared/exchange/bundle';
import { ApiError, call } from '../../api/client';
import { useQuery, toApiError } from '../../hooks/useApi';
import { useCurrentYear } from '../../state/current-year';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, useJob } from '../../components/import/useJob';

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

  const unitChoices = useMemo(() => {
    const all = units.data?.units ?? [];
    if (!year) return [];
    const below = new Set([year.unitId]);
    for (const u of all) if (u.parentId && below.has(u.parentId)) below.add(u.id);
    return all
      .filter((u) => below.has(u.id))
      .map((u) => ({
        value: u.id,
        label: `${'　'.repeat(u.depth)}${u.name}${u.id === year.unitId ? '（全单位）' : ''}`,
      }));
  }, [units.data, year]);

  const start = async () => {
    if (!year || !unitId) return;
    setError(null);
    setDone(null);
    try {
      const unit = units.data?.units.find((u) => u.id === unitId);
      const { path } = await call('desktop.pickSaveFile', {
        title: '保存数据交换包',
        defaultName: `${unit?.name ?? '交换包'}-${year.year}-${direction === 'up' ? '报送' : '下发'}.${BUNDLE_EXTENSION}`,
        filters: [{ name: '数据交换包', extensions: [BUNDLE_EXTENSION] }],
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

  if (!year) return <Alert type="info" showIcon message="请先在页面顶部选择考核年度。" />;
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label="交换方向">
        <Radio.Group value={direction} onChange={(e) => setDirection(e.target.value as BundleDirection)}>
          <Space direction="vertical">
            {(['up', 'down'] as const).map((d) => (
              <Radio key={d} value={d} data-testid={`exchange-direction-${d}`}>
                {DIRECTION_LABEL[d]}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item label="单位或部门" required>
        <Select
          value={unitId}
          onChange={setUnitId}
          options={unitChoices}
          placeholder="选择部门，或选择单位导出全单位"
          data-testid="exchange-unit"
        />
      </Form.Item>
      <Form.Item label="考核期间" extra={direction === 'down' ? '下发时只包含已复核期间的平时考核结果。' : undefined}>
        <Select
          mode="multiple"
          value={periodIds}
          onChange={setPeriodIds}
          options={periods.map((p) => ({ value: p.id, label: `${p.label}（${p.code}）` }))}
          placeholder={`不选则为 ${year.year} 年度全部期间`}
        />
      </Form.Item>
      <Form.Item label="接收工作站（可不选）" extra="选中后，本次导出记为与该工作站的最近一次交换。">
        <Select
          allowClear
          value={to}
          onChange={(v) => setTo(v ?? null)}
          options={(senders.data ?? []).map((s) => ({
            value: s.workstationId,
            label: `${s.unitLabel}（${s.label || s.workstationId.slice(0, 13)}）`,
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
        导出交换包
      </Button>
    </Form>
  );
}
