// The live share of 好 against the cap, for the department on screen and for the whole unit, with
// the missing count. Over the cap shows in the warning colour (orange when warned, red when blocked).
import { Flex, Progress, Tag, Typography } from 'antd';
import type { CapStandingDto, CapWarningDto, PeriodCapStatusDto } from '@shared/api/years';
import { ROUNDING_LABEL, percentLabel } from '@shared/ratings/cap';

function Standing({
  label,
  s,
  status,
  testId,
}: {
  label: string;
  s: CapStandingDto;
  status: PeriodCapStatusDto;
  testId: string;
}) {
  const overColor = status.enforcement === 'block' ? '#cf1322' : '#d46b08';
  const atCap = s.cap !== null && s.good === s.cap && s.cap > 0;
  const color = s.over && s.enforced ? overColor : s.over ? '#d48806' : atCap ? '#ad8b00' : '#389e0d';
  const pct = s.cap ? Math.min(100, Math.round((s.good / Math.max(s.cap, 1)) * 100)) : 0;
  return (
    <Flex vertical gap={2} style={{ minWidth: 230 }} data-testid={testId}>
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Text style={{ color }} data-testid={`${testId}-text`}>
        “好” {s.good} 人 / 上限 {s.cap ?? '不限'}
        {s.cap !== null ? ` 人（占 ${percentLabel(s.goodShare)}）` : ''}
        {s.over ? (s.enforced ? '，已超出' : '，超出（参考）') : atCap ? '，已达上限' : ''}
      </Typography.Text>
      {s.cap !== null ? <Progress percent={pct} showInfo={false} size="small" strokeColor={color} /> : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        应评 {s.base} 人，已评 {s.rated} 人，
        <span style={{ color: s.missing ? '#cf1322' : undefined }} data-testid={`${testId}-missing`}>
          未评 {s.missing} 人
        </span>
      </Typography.Text>
    </Flex>
  );
}

export function CapPanel({
  status,
  departmentId,
  warnings,
}: {
  status: PeriodCapStatusDto;
  departmentId: string;
  warnings: CapWarningDto[];
}) {
  const dept = status.departments.find((d) => d.unitId === departmentId);
  return (
    <Flex
      gap={32}
      align="flex-start"
      wrap
      style={{ padding: '10px 14px', background: '#fff', border: '1px solid #f0f0f0', marginBottom: 12 }}
    >
      {dept ? <Standing label={`本部门：${dept.unitName}`} s={dept} status={status} testId="cap-dept" /> : null}
      <Standing label={`全单位：${status.agency.unitName}`} s={status.agency} status={status} testId="cap-unit" />
      <Flex vertical gap={4}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {status.enabled
            ? `“好”比例上限 ${percentLabel(status.share)}，按${status.scope === 'department' ? '部门' : '全单位'}计算，${ROUNDING_LABEL[status.rounding]}，超出时${status.enforcement === 'warn' ? '提醒' : '禁止保存（可填写理由突破）'}`
            : '本年度未设“好”比例上限'}
        </Typography.Text>
        {warnings.map((w) => (
          <Tag key={w.unitId} color="warning" style={{ whiteSpace: 'normal' }}>
            {w.message}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
