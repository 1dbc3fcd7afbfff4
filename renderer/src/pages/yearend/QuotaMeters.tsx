// A meter per quota unit: excellent grades decided against the places allowed, red when full,
// with the base, share and rounding explained on hover; a unit whose places are shared out by largest
// remainder shows its fraction (份额) and says so.
import { Card, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { plainArrows } from '@shared/sheets/trace-sentence';
import type { UnitDto } from './types';

export function QuotaMeters({ units }: { units: UnitDto[] }) {
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
                  优秀 {u.used} / {u.allowed}
                  {u.approvedOverrides ? ` + 批准 ${u.approvedOverrides}` : ''}
                </Typography.Text>
              </Tooltip>
            </Flex>
            <Progress percent={pct} showInfo={false} strokeColor={color} size="small" />
            <Flex gap={6} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                基数 {u.base} 人 × {Math.round(u.share * 1000) / 10}%
                {u.sharing === 'largest_remainder' ? ` = 份额 ${Math.round(u.exact * 100) / 100}` : ''}；候选{' '}
                {u.candidates} 人
              </Typography.Text>
              {u.sharing === 'largest_remainder' ? (
                <Tooltip title={u.explanation}>
                  <Tag color="blue" data-testid="quota-shared">
                    全单位名额按最大余数法分配
                  </Tag>
                </Tooltip>
              ) : null}
              {u.raised ? <Tag color="gold">经批准提高 {u.approvalDocNo}</Tag> : null}
              {u.tooSmall ? <Tag color="default">人数过少，无优秀名额</Tag> : null}
              {u.full && !u.tooSmall ? <Tag color="red">名额已满</Tag> : null}
              {u.excluded.superiorAssessed ? <Tag>上级考核 {u.excluded.superiorAssessed} 人另计</Tag> : null}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
