// The expanded row: the trace line by line with the records each rule read, the frozen suggestion
// when it differs from today's, the decision's reason and the consequences that follow. The trace
// reads in the sentences the filed appendix prints (traceSentence), never in the engine's arrows.
import { Descriptions, Flex, List, Tag, Typography } from 'antd';
import { periodName, traceSentence, traceSentences } from '@shared/sheets/trace-sentence';
import type { RowDto } from './types';
import { PersonGrades } from './GradeCharts';
import { useDomainLabels, useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

const STEPS = ['suggestion', 'eligibility', 'cap', 'points', 'quota', 'note'];
const stepKey = (step: string) => (STEPS.includes(step) ? (`trace.step.${step}` as MessageKey) : null);

export function TraceView({ row, yearId }: { row: RowDto; yearId: string }) {
  const tr = useT();
  const labels = useDomainLabels();
  return (
    <Flex vertical gap={8} style={{ padding: '4px 8px' }} data-testid="trace">
      <List
        size="small"
        dataSource={row.trace}
        renderItem={(t) => (
          <List.Item style={{ padding: '4px 0' }}>
            <Flex gap={8} align="baseline">
              <Tag style={{ minWidth: 40, textAlign: 'center' }}>{stepKey(t.step) ? tr(stepKey(t.step)!) : t.step}</Tag>
              <Typography.Text>{traceSentence(t.text)}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={tr('trace.ratings')}>
          {row.ratings
            .map(
              (r) =>
                `${periodName(r.periodCode.slice(4))}${r.rating ? labels.rating[r.rating] : tr('wb.unrated')}${r.rating && !r.counts ? tr('trace.notCounted') : ''}`,
            )
            .join(tr('common.listSep'))}
        </Descriptions.Item>
        {row.frozen && row.snapshotChange !== 'none' ? (
          <Descriptions.Item label={tr('trace.frozen')}>
            <Typography.Text type="warning">
              {tr('trace.frozenText', {
                label: row.frozen.label,
                date: row.frozen.takenAt.slice(0, 10),
                now: row.suggestion.label,
              })}
            </Typography.Text>
            <pre style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', fontFamily: 'inherit', color: '#888' }}>
              {traceSentences(row.frozen.traceText).join('\n')}
            </pre>
          </Descriptions.Item>
        ) : null}
        {row.decision ? (
          <Descriptions.Item label={tr('trace.final')}>
            {row.decision.label}
            {row.decision.reason ? tr('trace.reason', { reason: row.decision.reason }) : ''}
            {row.decision.approvalDocNo ? tr('trace.docNo', { no: row.decision.approvalDocNo }) : ''}
            {tr('trace.decidedOn', { date: row.decision.decidedAt.slice(0, 10) })}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={tr('trace.history')}>
          <PersonGrades yearId={yearId} personId={row.person.id} />
        </Descriptions.Item>
        {row.consequences.length ? (
          <Descriptions.Item label={tr(row.decision ? 'trace.consequences' : 'trace.ifSuggested')}>
            {row.consequences.map((c) => (
              <Tag
                key={c.code}
                color={
                  c.code === 'dismiss_candidate' || c.code === 'demote'
                    ? 'red'
                    : c.code === 'merit_candidate' || c.code === 'commendation'
                      ? 'gold'
                      : 'default'
                }
                title={c.note}
              >
                {c.label}
              </Tag>
            ))}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Flex>
  );
}
