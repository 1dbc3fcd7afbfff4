// One person's year in a drawer: each period's rating and the year's events in date order, voided
// events struck through with their reason, leave summed against the year's threshold.
import { Alert, Descriptions, Drawer, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import type { PersonTimeline as PersonTimelineDto, TimelineEntry } from '@shared/api/evidence';
import { CATEGORY_LABEL, EVIDENCE_KIND_LABEL, RATING_LABEL, STAGE_LABEL } from '@shared/domain/labels';
import { INVESTIGATION_OUTCOME_LABEL, type InvestigationOutcome } from '@shared/evidence/fields';
import { useQuery } from '../hooks/useApi';
import { ErrorAlert } from './ErrorAlert';
import { AttachmentList } from './AttachmentList';

const RATING_COLOR = { good: 'green', fair: 'blue', average: 'orange', poor: 'red' } as const;
const KIND_COLOR: Partial<Record<string, string>> = {
  sanction: 'red',
  party_discipline: 'red',
  org_handling: 'volcano',
  investigation: 'magenta',
  commendation: 'gold',
  leave: 'cyan',
  probation: 'geekblue',
  transfer: 'purple',
  work: 'green',
};

export function evidenceFacts(item: Extract<TimelineEntry, { type: 'evidence' }>['item']): string[] {
  const facts: string[] = [];
  if (item.effectPeriod)
    facts.push(`处分期 ${item.effectPeriod.start} 至 ${item.effectPeriod.end}（${item.effectPeriod.months} 个月）`);
  if (item.kind === 'leave')
    facts.push(item.endDate ? `${item.date} 至 ${item.endDate}，${item.days ?? 0} 天` : `${item.days ?? 0} 天`);
  if (item.kind === 'probation' && item.endDate) facts.push(`试用期至 ${item.endDate}`);
  if (item.kind === 'transfer')
    facts.push(`对方单位：${detailText(item.details.otherUnit)}${item.endDate ? `，至 ${item.endDate}` : ''}`);
  if (item.kind === 'party_discipline' && item.details.termYears)
    facts.push(`察看期 ${detailText(item.details.termYears)} 年，至 ${item.endDate ?? ''}`);
  if (item.kind === 'investigation') {
    const outcome = item.details.closingOutcome as InvestigationOutcome | null | undefined;
    facts.push(
      item.endDate
        ? `${item.endDate} 结案：${outcome ? INVESTIGATION_OUTCOME_LABEL[outcome] : ''}`
        : '尚未结案（年底仍未结案则暂缓确定等次）',
    );
  }
  if (item.kind === 'work' && item.subKind === '培训学时' && item.days !== null) facts.push(`${item.days} 学时`);
  if (item.kind === 'negative_list') facts.push(`事项：${detailText(item.details.item)}`);
  if (item.docNo) facts.push(`文号：${item.docNo}`);
  return facts;
}

/** A kind-specific detail as printed text (details are stored as plain JSON values). */
function detailText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function EntryView({ e, locked, reload }: { e: TimelineEntry; locked: boolean; reload(): void }) {
  if (e.type === 'rating') {
    return (
      <div data-testid="timeline-rating">
        <Flex gap={8} align="center">
          <Typography.Text strong>{e.periodLabel}</Typography.Text>
          <Typography.Text type="secondary">{e.periodCode}</Typography.Text>
          {e.rating ? <Tag color={RATING_COLOR[e.rating]}>{RATING_LABEL[e.rating]}</Tag> : <Tag>未评定</Tag>}
        </Flex>
        {e.workRecord ? (
          <Typography.Paragraph style={{ margin: '4px 0 0' }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
            工作纪实：{e.workRecord}
          </Typography.Paragraph>
        ) : null}
        {e.comment ? <Typography.Text type="secondary">评语：{e.comment}</Typography.Text> : null}
      </div>
    );
  }
  const i = e.item;
  const voided = i.status === 'voided';
  return (
    <div data-testid="timeline-evidence" style={voided ? { color: '#999' } : undefined}>
      <Flex gap={8} align="center" wrap>
        <Tag color={voided ? 'default' : KIND_COLOR[i.kind]}>{EVIDENCE_KIND_LABEL[i.kind]}</Tag>
        <Typography.Text delete={voided} strong>
          {i.subKind}
        </Typography.Text>
        {voided ? <Tag>已作废</Tag> : null}
        {i.investigationState === 'open' ? <Tag color="magenta">未结案</Tag> : null}
      </Flex>
      {evidenceFacts(i).map((f) => (
        <div key={f}>
          <Typography.Text delete={voided} type="secondary">
            {f}
          </Typography.Text>
        </div>
      ))}
      {i.description ? (
        <div>
          <Typography.Text delete={voided}>{i.description}</Typography.Text>
        </div>
      ) : null}
      {voided ? <Typography.Text type="danger">作废原因：{i.voidReason}</Typography.Text> : null}
      <AttachmentList item={i} attachments={e.attachments} locked={locked} onChanged={reload} />
    </div>
  );
}

export function PersonTimeline({
  personId,
  year,
  onClose,
}: {
  personId: string | null;
  year: number;
  onClose(): void;
}) {
  const q = useQuery('evidence.timeline', personId ? { personId, year } : null);
  const tl: PersonTimelineDto | undefined = q.data && q.data.person.id === personId ? q.data : undefined;
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={720}
      title={tl ? `${tl.person.name} · ${year} 年度时间线` : `${year} 年度时间线`}
      data-testid="person-timeline"
      destroyOnHidden
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!tl ? (
        <Spin />
      ) : (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="人员编号">{tl.person.personNo}</Descriptions.Item>
            <Descriptions.Item label="部门">{tl.person.unitName}</Descriptions.Item>
            <Descriptions.Item label="人员类别">{CATEGORY_LABEL[tl.person.category]}</Descriptions.Item>
            <Descriptions.Item label="年度阶段">
              {tl.assessmentYear ? STAGE_LABEL[tl.assessmentYear.stage] : '尚未建立该年度'}
            </Descriptions.Item>
            <Descriptions.Item label="病事假合计" span={2}>
              <span data-testid="timeline-leave">
                {tl.leaveDays} 天
                {tl.leaveDays > tl.leaveThreshold ? (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    超过 {tl.leaveThreshold} 天：只写评语不定等次
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">（半年阈值 {tl.leaveThreshold} 天）</Typography.Text>
                )}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {tl.person.status === 'left' ? (
            <Alert type="info" showIcon message="此人已离开本单位" style={{ marginBottom: 12 }} />
          ) : null}
          {tl.entries.length === 0 ? (
            <Empty description="本年度尚无平时考核记录或事件" />
          ) : (
            <Timeline
              items={tl.entries.map((e, k) => ({
                key: k,
                color:
                  e.type === 'rating'
                    ? e.rating
                      ? 'blue'
                      : 'gray'
                    : e.item.status === 'voided'
                      ? 'gray'
                      : e.item.kind === 'sanction'
                        ? 'red'
                        : 'green',
                title: e.date,
                content: (
                  <EntryView
                    e={e}
                    locked={tl.assessmentYear?.stage === 'final' || tl.assessmentYear?.stage === 'archived'}
                    reload={q.reload}
                  />
                ),
              }))}
              mode="start"
              titleSpan="100px"
            />
          )}
        </>
      )}
    </Drawer>
  );
}
