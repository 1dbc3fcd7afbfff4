// One person's year in a drawer: each period's rating and the year's events in date order, voided
// events struck through with their reason, leave summed against the year's threshold.
import { Alert, Descriptions, Drawer, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import type { PersonTimeline as PersonTimelineDto, TimelineEntry } from '@shared/api/evidence';
import type { InvestigationOutcome } from '@shared/evidence/fields';
import { SUB_KIND } from '@shared/evidence/sub-kinds';
import { useDomainLabels, useT } from '../i18n/language';
import type { MessageKey } from '../i18n/zh';
import type { Params } from '../i18n/format';
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

type T = (key: MessageKey, params?: Params) => string;

/** An event's computed facts as lines; the 文号 last, left out where the list has its own column. */
export function evidenceFacts(
  item: Extract<TimelineEntry, { type: 'evidence' }>['item'],
  t: T,
  withDocNo = true,
): string[] {
  const facts: string[] = [];
  if (item.effectPeriod) facts.push(t('fact.effect', { ...item.effectPeriod }));
  if (item.kind === 'leave')
    facts.push(
      item.endDate
        ? t('fact.leaveSpan', { from: item.date, to: item.endDate, days: item.days ?? 0 })
        : t('fact.days', { days: item.days ?? 0 }),
    );
  if (item.kind === 'probation' && item.endDate) facts.push(t('fact.probation', { date: item.endDate }));
  if (item.kind === 'transfer') {
    const unit = detailText(item.details.otherUnit);
    facts.push(item.endDate ? t('fact.transferUntil', { unit, date: item.endDate }) : t('fact.transfer', { unit }));
  }
  if (item.kind === 'party_discipline' && item.details.termYears)
    facts.push(t('fact.partyTerm', { years: detailText(item.details.termYears), date: item.endDate ?? '' }));
  if (item.kind === 'investigation') {
    const outcome = item.details.closingOutcome as InvestigationOutcome | null | undefined;
    facts.push(
      item.endDate
        ? t('fact.closed', { date: item.endDate, outcome: outcome ? t(`fact.outcome.${outcome}`) : '' })
        : t('fact.notClosed'),
    );
  }
  if (item.kind === 'work' && item.subKind === SUB_KIND.trainingHours && item.days !== null)
    facts.push(t('fact.hours', { n: item.days }));
  if (item.kind === 'negative_list') facts.push(t('fact.item', { item: detailText(item.details.item) }));
  if (item.docNo && withDocNo) facts.push(t('fact.docNo', { no: item.docNo }));
  return facts;
}

/** A kind-specific detail as printed text (details are stored as plain JSON values). */
function detailText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function EntryView({ e, locked, reload }: { e: TimelineEntry; locked: boolean; reload(): void }) {
  const t = useT();
  const labels = useDomainLabels();
  if (e.type === 'rating') {
    return (
      <div data-testid="timeline-rating">
        <Flex gap={8} align="center">
          <Typography.Text strong>{e.periodLabel}</Typography.Text>
          <Typography.Text type="secondary">{e.periodCode}</Typography.Text>
          {e.rating ? (
            <Tag color={RATING_COLOR[e.rating]}>{labels.rating[e.rating]}</Tag>
          ) : (
            <Tag>{t('tl.unrated')}</Tag>
          )}
        </Flex>
        {e.workRecord ? (
          <Typography.Paragraph
            style={{ margin: '4px 0 0' }}
            ellipsis={{ rows: 2, expandable: true, symbol: t('tl.expand') }}
          >
            {t('tl.workRecord', { text: e.workRecord })}
          </Typography.Paragraph>
        ) : null}
        {e.comment ? <Typography.Text type="secondary">{t('tl.comment', { text: e.comment })}</Typography.Text> : null}
      </div>
    );
  }
  const i = e.item;
  const voided = i.status === 'voided';
  return (
    <div data-testid="timeline-evidence" style={voided ? { color: '#999' } : undefined}>
      <Flex gap={8} align="center" wrap>
        <Tag color={voided ? 'default' : KIND_COLOR[i.kind]}>{labels.evidenceKind[i.kind]}</Tag>
        <Typography.Text delete={voided} strong>
          {i.subKind}
        </Typography.Text>
        {voided ? <Tag>{t('ev.status.voided')}</Tag> : null}
        {i.investigationState === 'open' ? <Tag color="magenta">{t('ev.open')}</Tag> : null}
      </Flex>
      {evidenceFacts(i, t).map((f) => (
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
      {voided ? (
        <Typography.Text type="danger">{t('ev.voidReasonTip', { reason: i.voidReason ?? '' })}</Typography.Text>
      ) : null}
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
  const t = useT();
  const labels = useDomainLabels();
  const q = useQuery('evidence.timeline', personId ? { personId, year } : null);
  const tl: PersonTimelineDto | undefined = q.data && q.data.person.id === personId ? q.data : undefined;
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={720}
      title={tl ? t('tl.title', { name: tl.person.name, year }) : t('tl.titleYear', { year })}
      data-testid="person-timeline"
      destroyOnHidden
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!tl ? (
        <Spin />
      ) : (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('tl.personNo')}>{tl.person.personNo}</Descriptions.Item>
            <Descriptions.Item label={t('tl.department')}>{tl.person.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('tl.category')}>{labels.category[tl.person.category]}</Descriptions.Item>
            <Descriptions.Item label={t('tl.stage')}>
              {tl.assessmentYear ? labels.stage[tl.assessmentYear.stage] : t('tl.noYear')}
            </Descriptions.Item>
            <Descriptions.Item label={t('tl.leave')} span={2}>
              <span data-testid="timeline-leave">
                {t('tl.days', { n: tl.leaveDays })}
                {tl.leaveDays > tl.leaveThreshold ? (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    {t('tl.overLeave', { n: tl.leaveThreshold })}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">{t('tl.leaveThreshold', { n: tl.leaveThreshold })}</Typography.Text>
                )}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {tl.person.status === 'left' ? (
            <Alert type="info" showIcon message={t('tl.left')} style={{ marginBottom: 12 }} />
          ) : null}
          {tl.entries.length === 0 ? (
            <Empty description={t('tl.empty')} />
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
