// The committee's side-by-side comparison of the candidates it picked in the candidates drawer: one
// column per person, one row per thing weighed (period ratings, 好 count, points with their sum,
// every commendation and every sanction of the year in full, earlier grades, 民主测评 votes, the
// suggestion and the decision), so two or three close cases are read across, not remembered.
import { Modal, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { OutputOf } from '@shared/api';
import { periodName, traceSentence } from '@shared/sheets/trace-sentence';
import { useDomainLabels, useT } from '../../i18n/language';
import { POINTS_PREFIX, ratingText, resultText } from './candidate-ratings';

type Candidate = OutputOf<'yearend.candidates'>['units'][number]['candidates'][number];
type T = ReturnType<typeof useT>;
type Labels = ReturnType<typeof useDomainLabels>;

interface Row {
  key: string;
  label: string;
  cell: (c: Candidate) => ReactNode;
}

/** "优秀 12 / 20（60%）" */
export function votesText(t: T, v: NonNullable<Candidate['votes']>): string {
  return t('cand.votes', {
    excellent: v.excellent,
    voters: v.voters,
    pct: Math.round((v.excellent / v.voters) * 100),
  });
}

const lines = (items: string[], empty: string) =>
  items.length ? items.map((l) => <div key={l}>{l}</div>) : <Typography.Text type="secondary">{empty}</Typography.Text>;

function rowsOf(t: T, labels: Labels, hasVotes: boolean): Row[] {
  const rows: Row[] = [
    {
      key: 'dept',
      label: t('cand.col.dept'),
      cell: (c) =>
        c.position ? t('cand.deptPosition', { dept: c.departmentName, position: c.position }) : c.departmentName,
    },
    {
      key: 'ratings',
      label: t('cand.col.ratings'),
      cell: (c) =>
        c.ratings
          .map(
            (r) =>
              t('cand.ratingOf', {
                period: periodName(r.periodCode.replace(/^\d{4}/, '')),
                rating: ratingText(t, labels, r.label),
              }) + (r.counts ? '' : t('cand.notCounted')),
          )
          .join(t('common.listSep')),
    },
    { key: 'good', label: t('cand.col.good'), cell: (c) => c.goodCount },
    {
      key: 'points',
      label: t('cand.col.points'),
      cell: (c) =>
        t('cand.pointsOf', {
          points: c.points,
          sum: traceSentence(c.pointsText.replace(POINTS_PREFIX, '')).replace(/\u3002$/, ''),
        }),
    },
    { key: 'merits', label: t('cand.col.merits'), cell: (c) => lines(c.merits, t('cand.none')) },
    { key: 'demerits', label: t('cand.col.demerits'), cell: (c) => lines(c.demerits, t('cand.none')) },
    {
      key: 'history',
      label: t('cand.col.history'),
      cell: (c) =>
        lines(
          c.history.map((h) => t('cand.historyOf', { year: h.year, grade: resultText(labels, h.label) })),
          t('cand.noHistory'),
        ),
    },
  ];
  if (hasVotes)
    rows.push({
      key: 'votes',
      label: t('cand.col.votes'),
      cell: (c) =>
        c.votes ? (
          <>
            <div>{votesText(t, c.votes)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cand.votesRest', {
                competent: c.votes.competent,
                basic: c.votes.basic,
                incompetent: c.votes.incompetent,
              })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('cand.notEntered')}</Typography.Text>
        ),
    });
  rows.push(
    {
      key: 'suggestion',
      label: t('cand.col.suggestion'),
      cell: (c) => (
        <>
          {resultText(labels, c.suggestion)}
          {c.maxGrade && c.maxGrade !== 'excellent' ? <Tag color="orange">{t('cand.noExcellent')}</Tag> : null}
        </>
      ),
    },
    {
      key: 'decision',
      label: t('cand.col.decision'),
      cell: (c) =>
        c.decision ? (
          resultText(labels, c.decision)
        ) : (
          <Typography.Text type="secondary">{t('cand.undecided')}</Typography.Text>
        ),
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
  const t = useT();
  const labels = useDomainLabels();
  const columns: ColumnsType<Row> = [
    { title: '', key: 'label', width: 112, render: (_v, r) => <Typography.Text strong>{r.label}</Typography.Text> },
    ...people.map((c) => ({
      title: t('cand.person', { name: c.name, personNo: c.personNo }),
      key: c.personId,
      render: (_v: unknown, r: Row) => r.cell(c),
    })),
  ];
  return (
    <Modal
      open
      title={t('cand.compareTitle', { n: people.length })}
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
        dataSource={rowsOf(t, labels, hasVotes)}
        pagination={false}
        aria-label={t('cand.compareAria')}
        scroll={{ y: 'calc(100vh - 260px)' }}
      />
    </Modal>
  );
}
