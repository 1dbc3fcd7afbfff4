// A meter per quota unit: excellent grades decided against the places allowed, red when full,
// with the base, share and rounding explained on hover; a unit whose places are shared out by largest
// remainder shows its fraction (份额) and says so.
import { Card, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { plainArrows } from '@shared/sheets/trace-sentence';
import type { UnitDto } from './types';
import { useT } from '../../i18n/language';

export function QuotaMeters({ units }: { units: UnitDto[] }) {
  const t = useT();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 12 }}>
      {units.map((u) => {
        const cap = Math.max(u.allowed + u.approvedOverrides, 1);
        const pct = Math.min(100, Math.round((u.used / cap) * 100));
        const color = u.over ? '#a8071a' : u.full ? '#cf1322' : '#389e0d';
        return (
          <Card
            key={u.key}
            size="small"
            style={{ minWidth: 300, flex: '1 1 300px', borderColor: u.full ? '#ffa39e' : undefined }}
            data-testid="quota-meter"
          >
            <Flex justify="space-between" align="center">
              <Typography.Text strong>{u.label}</Typography.Text>
              <Tooltip title={plainArrows(u.explanation)}>
                <Typography.Text style={{ color, fontSize: 16 }} strong data-testid="quota-figure">
                  {t('quota.figure', { used: u.used, allowed: u.allowed })}
                  {u.approvedOverrides ? t('quota.approved', { n: u.approvedOverrides }) : ''}
                </Typography.Text>
              </Tooltip>
            </Flex>
            <Progress percent={pct} showInfo={false} strokeColor={color} size="small" />
            <Flex gap={6} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('quota.base', { base: u.base, pct: Math.round(u.share * 1000) / 10 })}
                {u.sharing === 'largest_remainder' ? t('quota.exact', { exact: Math.round(u.exact * 100) / 100 }) : ''}
                {t('quota.candidates', { n: u.candidates })}
              </Typography.Text>
              {u.sharing === 'largest_remainder' ? (
                <Tooltip title={u.explanation}>
                  <Tag color="blue" data-testid="quota-shared">
                    {t('quota.shared')}
                  </Tag>
                </Tooltip>
              ) : null}
              {u.raised ? <Tag color="gold">{t('quota.raised', { doc: u.approvalDocNo })}</Tag> : null}
              {u.tooSmall ? <Tag color="default">{t('quota.tooSmall')}</Tag> : null}
              {u.full && !u.tooSmall ? <Tag color="red">{t('quota.full')}</Tag> : null}
              {u.excluded.superiorAssessed ? (
                <Tag>{t('quota.superior', { n: u.excluded.superiorAssessed })}</Tag>
              ) : null}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
