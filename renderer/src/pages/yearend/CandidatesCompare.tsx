// The committee's side-by-side comparison of the candidates it picked in the candidates drawer: one
// column per person, one row per thing weighed (period ratings, 好 count, points with their sum,
// every commendation and every sanction of the year in full, earlier grades, 民主测评 votes, the
// suggestion and the decision), so two or three close cases are read across, not remembered.
import { Modal, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { OutputOf } from '@shared/api';
import { periodName, traceSentence } from '@shared/sheets/trace-sentence';

type Candidate = OutputOf<'yearend.candidates'>['units'][number]['candidates'][number];

interface Row {
  key: string;
  label: string;
  cell: (c: Candidate) => ReactNode;
}

/** "优秀 12 / 20（60%）" */
export function votesText(v: NonNullable<Candidate['votes']>): string {
  return `优秀 ${v.excellent} / ${v.voters}（${Math.round((v.excellent / v.voters) * 100)}%）`;
}

const lines = (items: string[], empty: string) =>
  items.length ? items.map((t) => <div key={t}>{t}</div>) : <Typography.Text type="secondary">{empty}</Typography.Text>;

function rowsOf(hasVotes: boolean): Row[] {
  const rows: Row[] = [
    { key: 'dept', label: '部门', cell: (c) => `${c.departmentName}${c.position ? `，${c.position}` : ''}` },
    {
      key: 'ratings',
      label: '平时考核',
      cell: (c) =>
        c.ratings
          .map((r) => `${periodName(r.periodCode.replace(/^\d{4}/, ''))}${r.label}${r.counts ? '' : '（不计）'}`)
          .join('、'),
    },
    { key: 'good', label: '“好”次数', cell: (c) => c.goodCount },
    {
      key: 'points',
      label: '积分',
      cell: (c) => `${c.points}（${traceSentence(c.pointsText.replace(/^积分：/, '')).replace(/。$/, '')}）`,
    },
    { key: 'merits', label: '奖励与实绩', cell: (c) => lines(c.merits, '无') },
    { key: 'demerits', label: '处分与问题', cell: (c) => lines(c.demerits, '无') },
    {
      key: 'history',
      label: '历年等次',
      cell: (c) =>
        lines(
          c.history.map((h) => `${h.year} 年 ${h.label}`),
          '无记录',
        ),
    },
  ];
  if (hasVotes)
    rows.push({
      key: 'votes',
      label: '民主测评',
      cell: (c) =>
        c.votes ? (
          <>
            <div>{votesText(c.votes)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              称职 {c.votes.competent}、基本称职 {c.votes.basic}、不称职 {c.votes.incompetent}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">未录入</Typography.Text>
        ),
    });
  rows.push(
    {
      key: 'suggestion',
      label: '建议',
      cell: (c) => (
        <>
          {c.suggestion}
          {c.maxGrade && c.maxGrade !== 'excellent' ? <Tag color="orange">不得评优</Tag> : null}
        </>
      ),
    },
    {
      key: 'decision',
      label: '已定',
      cell: (c) => (c.decision ? c.decision : <Typography.Text type="secondary">未定</Typography.Text>),
    },
  );
  return rows;
}

export function CandidatesCompare({
  people,
  hasVotes,
  onClose,
}: {
  people: Candidate[];
  hasVotes: boolean;
  onClose: () => void;
}) {
  const columns: ColumnsType<Row> = [
    { title: '', key: 'label', width: 96, render: (_v, r) => <Typography.Text strong>{r.label}</Typography.Text> },
    ...people.map((c) => ({
      title: `${c.name}（${c.personNo}）`,
      key: c.personId,
      render: (_v: unknown, r: Row) => r.cell(c),
    })),
  ];
  return (
    <Modal
      open
      title={`比较 ${people.length} 名候选人`}
      onCancel={onClose}
      footer={null}
      width="min(1200px, calc(100vw - 48px))"
      data-testid="candidates-compare"
    >
      <Table<Row>
        size="small"
        bordered
        rowKey="key"
        columns={columns}
        dataSource={rowsOf(hasVotes)}
        pagination={false}
        aria-label="候选人比较"
        scroll={{ y: 'calc(100vh - 260px)' }}
      />
    </Modal>
  );
}
