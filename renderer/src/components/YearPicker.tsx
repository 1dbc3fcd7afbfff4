// The assessment year chooser in the shell's header: which agency and year every page works on.
import { Flex, Select, Tag, Typography } from 'antd';
import { STAGE_LABEL } from '@shared/domain/labels';
import { useCurrentYear } from '../state/current-year';

export function YearPicker() {
  const { year, years = [], setYearId, loading, error } = useCurrentYear();
  // A role without access to years (the security administrator) has nothing to pick.
  if (error && years.length === 0) return null;
  return (
    <Flex justify="flex-end" align="center" gap={8} style={{ marginBottom: 8 }} data-testid="year-picker">
      <Typography.Text type="secondary">考核年度</Typography.Text>
      <Select
        aria-label="考核年度"
        size="small"
        style={{ minWidth: 220 }}
        loading={loading}
        value={year?.id}
        placeholder={years.length === 0 ? '尚未建立年度（在“年度设置”中建立）' : '请选择年度'}
        options={years.map((y) => ({ value: y.id, label: `${y.year} 年度 · ${y.unitName}` }))}
        onChange={(id: string) => setYearId(id)}
        notFoundContent="尚未建立考核年度"
      />
      {year ? <Tag color={year.stage === 'collecting' ? 'blue' : 'default'}>{STAGE_LABEL[year.stage]}</Tag> : null}
    </Flex>
  );
}
