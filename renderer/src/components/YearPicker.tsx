// The assessment year chooser in the shell's header: which agency and year every page works on.
import { Flex, Select, Tag, Typography } from 'antd';
import { useCurrentYear } from '../state/current-year';
import { useDomainLabels, useT } from '../i18n/language';

export function YearPicker() {
  const { year, years = [], setYearId, loading, error } = useCurrentYear();
  const t = useT();
  const labels = useDomainLabels();
  // A role without access to years (the security administrator) has nothing to pick.
  if (error && years.length === 0) return null;
  return (
    <Flex justify="flex-end" align="center" gap={8} style={{ marginBottom: 8 }} data-testid="year-picker">
      <Typography.Text type="secondary">{t('year.label')}</Typography.Text>
      <Select
        aria-label={t('year.label')}
        size="small"
        style={{ minWidth: 220 }}
        loading={loading}
        value={year?.id}
        placeholder={years.length === 0 ? t('year.none') : t('year.choose')}
        options={years.map((y) => ({ value: y.id, label: t('year.option', { year: y.year, unit: y.unitName }) }))}
        onChange={(id: string) => setYearId(id)}
        notFoundContent={t('year.notFound')}
      />
      {year ? <Tag color={year.stage === 'collecting' ? 'blue' : 'default'}>{labels.stage[year.stage]}</Tag> : null}
    </Flex>
  );
}
