// Creating an assessment year for an agency: the year and its period kind; periods follow from them.
import { useState } from 'react';
import { Button, Card, Flex, InputNumber, Radio, Select, Typography } from 'antd';
import type { PeriodKind } from '@shared/domain/types';
import { useAction, useQuery } from '../../hooks/useApi';
import { useCurrentYear } from '../../state/current-year';
import { useT } from '../../i18n/language';

/** `onCreated` lets a caller (the first-run wizard) move on once the year exists. */
export function CreateYearCard({ onCreated }: { onCreated?: () => void } = {}) {
  const agencies = useQuery('years.agencies', {});
  const { reload, setYearId } = useCurrentYear();
  const act = useAction();
  const t = useT();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(new Date().getFullYear());
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const chosen = unitId ?? agencies.data?.[0]?.id;

  const create = async () => {
    if (!chosen || !year) return;
    const r = await act('years.create', { unitId: chosen, year, periodKind: kind }, t('cy.created', { year }));
    if (r) {
      setYearId(r.year.id);
      reload();
      onCreated?.();
    }
  };

  return (
    <Card size="small" title={t('cy.title')} style={{ marginBottom: 16 }}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text>{t('cy.unit')}</Typography.Text>
        <Select
          aria-label={t('cy.unit')}
          style={{ width: 220 }}
          value={chosen}
          onChange={setUnitId}
          loading={agencies.loading}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          notFoundContent={t('cy.noUnit')}
        />
        <Typography.Text>{t('cy.year')}</Typography.Text>
        <InputNumber
          aria-label={t('cy.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={setYear}
          style={{ width: 100 }}
        />
        <Typography.Text>{t('cy.periods')}</Typography.Text>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as PeriodKind)}
          optionType="button"
          options={(['quarter', 'month', 'half'] as const).map((k) => ({ value: k, label: t(`periodKind.${k}`) }))}
        />
        <Button type="primary" disabled={!chosen || !year} onClick={() => void create()}>
          {t('cy.create')}
        </Button>
      </Flex>
    </Card>
  );
}
