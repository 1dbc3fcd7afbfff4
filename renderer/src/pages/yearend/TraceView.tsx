// The expanded row: the trace line by line with the records each rule read, the frozen suggestion
// when it differs from today's, the decision's reason and the consequences that follow. The trace
// reads in the sentences the filed appendix prints (traceSentence), never in the engine's arrows.
import { Descriptions, Flex, List, Tag, Typography } from 'antd';
import { RATING_LABEL } from '@shared/domain/labels';
import { periodName, traceSentence, traceSentences } from '@shared/sheets/trace-sentence';
import type { RowDto } from './types';
import { PersonGrades } from './GradeCharts';

const STEP_LABEL: Record<string, string> = {
  suggestion: '建议',
  eligibility: '资格',
  cap: '限制',
  points: '积分',
  quota: '名额',
  note: '提示',
};

export function TraceView({ row, yearId }: { row: RowDto; yearId: string }) {
  return (
    <Flex vertical gap={8} style={{ padding: '4px 8px' }} data-testid="trace">
      <List
        size="small"
        dataSource={row.trace}
        renderItem={(t) => (
          <List.Item style={{ padding: '4px 0' }}>
            <Flex gap={8} align="baseline">
              <Tag style={{ minWidth: 40, textAlign: 'center' }}>{STEP_LABEL[t.step] ?? t.step}</Tag>
              <Typography.Text>{traceSentence(t.text)}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="平时考核">
          {row.ratings
            .map(
              (r) =>
                `${periodName(r.periodCode.slice(4))}${r.rating ? RATING_LABEL[r.rating] : '未评'}${r.rating && !r.counts ? '（不计）' : ''}`,
            )
            .join('、')}
        </Descriptions.Item>
        {row.frozen && row.snapshotChange !== 'none' ? (
          <Descriptions.Item label="冻结时的建议">
            <Typography.Text type="warning">
              {row.frozen.label}（{row.frozen.takenAt.slice(0, 10)} 冻结），按当前记录为 {row.suggestion.label}
            </Typography.Text>
            <pre style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', fontFamily: 'inherit', color: '#888' }}>
              {traceSentences(row.frozen.traceText).join('\n')}
            </pre>
          </Descriptions.Item>
        ) : null}
        {row.decision ? (
          <Descriptions.Item label="最终结果">
            {row.decision.label}
            {row.decision.reason ? `；理由：${row.decision.reason}` : ''}
            {row.decision.approvalDocNo ? `；文号：${row.decision.approvalDocNo}` : ''}（
            {row.decision.decidedAt.slice(0, 10)}）
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="历年等次">
          <PersonGrades yearId={yearId} personId={row.person.id} />
        </Descriptions.Item>
        {row.consequences.length ? (
          <Descriptions.Item label={row.decision ? '相应待遇' : '若按建议'}>
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
