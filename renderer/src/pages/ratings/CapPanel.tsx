// The live share of 好 against the cap, for the department on screen and for the whole unit, with
// the missing count. Over the cap shows in the warning colour (orange when warned, red when blocked).
import { Flex, Progress, Tag, Typography } from 'antd';
import type { CapStandingDto, CapWarningDto, PeriodCapStatusDto } from '@shared/api/years';
import { percentLabel } from '@shared/ratings/cap';
import { useT } from '../../i18n/language';

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
  const t = useT();
  const overColor = status.enforcement === 'block' ? '#cf1322' : '#d46b08';
  const atCap = s.cap !== null && s.good === s.cap && s.cap > 0;
  const color = s.over && s.enforced ? overColor : s.over ? '#d48806' : atCap ? '#ad8b00' : '#389e0d';
  const pct = s.cap ? Math.min(100, Math.round((s.good / Math.max(s.cap, 1)) * 100)) : 0;
  return (
    <Flex vertical gap={2} style={{ minWidth: 230 }} data-testid={testId}>
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Text style={{ color }} data-testid={`${testId}-text`}>
        {t('cap.standing', { good: s.good, cap: s.cap ?? t('cap.noLimit') })}
        {s.cap !== null ? t('cap.share', { pct: percentLabel(s.goodShare) }) : ''}
        {s.over ? t(s.enforced ? 'cap.over' : 'cap.overInfo') : atCap ? t('cap.atCap') : ''}
      </Typography.Text>
      {s.cap !== null ? <Progress percent={pct} showInfo={false} size="small" strokeColor={color} /> : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cap.counts', { base: s.base, rated: s.rated })}
        <span style={{ color: s.missing ? '#cf1322' : undefined }} data-testid={`${testId}-missing`}>
          {t('cap.missing', { n: s.missing })}
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
  const t = useT();
  const dept = status.departments.find((d) => d.unitId === departmentId);
  return (
    <Flex
      gap={32}
      align="flex-start"
      wrap
      style={{ padding: '10px 14px', background: '#fff', border: '1px solid #f0f0f0', marginBottom: 12 }}
    >
      {dept ? (
        <Standing label={t('cap.department', { name: dept.unitName })} s={dept} status={status} testId="cap-dept" />
      ) : null}
      <Standing
        label={t('cap.agency', { name: status.agency.unitName })}
        s={status.agency}
        status={status}
        testId="cap-unit"
      />
      <Flex vertical gap={4}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {status.enabled
            ? t('cap.rule', {
                pct: percentLabel(status.share),
                scope: t(status.scope === 'department' ? 'cap.scope.department' : 'cap.scope.agency'),
                rounding: t(`cap.rounding.${status.rounding}`),
                enforcement: t(status.enforcement === 'warn' ? 'cap.enforce.warn' : 'cap.enforce.block'),
              })
            : t('cap.none')}
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
