// Creating an assessment year for an agency: the year and its period kind; periods follow from them.
import { useState } from 'react';
import { Button, Card, Flex, InputNumber, Radio, Select, Typography } from 'antd';
import { PERIOD_KIND_LABEL } from '@shared/periods/calendar';
import type { PeriodKind } from '@shared/domain/types';
import { useAction, useQuery } from '../../hooks/useApi';
import { useCurrentYear } from '../../state/current-year';

/** `onCreated` lets a caller (the first-run wizard) move on once the year exists. */
export function CreateYearCard({ onCreated }: { onCreated?: () => void } = {}) {
  const agencies = useQuery('years.agencies', {});
  const { reload, setYearId } = useCurrentYear();
  const act = useAction();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(new Date().getFullYear());
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const chosen = unitId ?? agencies.data?.[0]?.id;

  const create = async () => {
    if (!chosen || !year) return;
    const r = await act('years.create', { unitId: chosen, year, periodKind: kind }, `已建立 ${year} 年度`);
    if (r) {
      setYearId(r.year.id);
      reload();
      onCreated?.();
    }
  };

  return (
    <Card size="small" title="建立考核年度" style={{ marginBottom: 16 }}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text>单位</Typography.Text>
        <Select
          aria-label="单位"
          style={{ width: 220 }}
          value={chosen}
          onChange={setUnitId}
          loading={agencies.loading}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          notFoundContent="还没有单位，请先在“人员名册”中建立"
        />
        <Typography.Text>年度</Typography.Text>
        <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={setYear} style={{ width: 100 }} />
        <Typography.Text>平时考核期间</Typography.Text>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as PeriodKind)}
          optionType="button"
          options={(['quarter', 'month', 'half'] as const).map((k) => ({ value: k, label: PERIOD_KIND_LABEL[k] }))}
        />
        <Button type="primary" disabled={!chosen || !year} onClick={() => void create()}>
          建立年度
        </Button>
      </Flex>
    </Card>
  );
}
