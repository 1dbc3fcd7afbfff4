// 优秀候选比较: for the committee, each quota unit's places (allowed, decided, left — the engine's
// figures) and its candidates side by side, sortable by points, 好 count, commendations, sanctions,
// earlier excellent years and 民主测评 votes where recorded; the first rows as many as the places are
// tinted in whatever order is chosen, and the ones ticked open side by side (CandidatesCompare).
// Read-only: decisions stay on the workbench.
import { useMemo, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { OutputOf } from '@shared/api';
import { periodName, plainArrows, traceSentence } from '@shared/sheets/trace-sentence';
import { useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CandidatesCompare, votesText } from './CandidatesCompare';
import { useDomainLabels, useT } from '../../i18n/language';
import { ratingColor, ratingText, resultText } from './candidate-ratings';

type Dto = OutputOf<'yearend.candidates'>;
type Unit = Dto['units'][number];
type Candidate = Unit['candidates'][number];

type T = ReturnType<typeof useT>;
type Labels = ReturnType<typeof useDomainLabels>;

/** "嘉奖 2 次、记三等功 1 次": the kinds of the year's records ("2026-05-01 嘉奖（区〔2026〕1号）"), counted */
function kindsOf(t: T, items: string[]): string {
  const counts = new Map<string, number>();
  for (const line of items) {
    const kind = line.replace(/^\S+ /, '').replace(/（.*$/, '');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, n]) => t('cand.kindCount', { kind, n })).join(t('common.listSep'));
}

function listCell(t: T, items: string[]) {
  if (!items.length) return <Typography.Text type="secondary">{t('cand.none')}</Typography.Text>;
  return (
    <Tooltip title={items.join('\n')} styles={{ root: { whiteSpace: 'pre-line', maxWidth: 420 } }}>
      <span>{kindsOf(t, items)}</span>
    </Tooltip>
  );
}

/** the share of 优秀 votes, for sorting (a candidate without votes last) */
const share = (c: Candidate) => (c.votes ? c.votes.excellent / c.votes.voters : -1);

function columns(t: T, labels: Labels, hasVotes: boolean): ColumnsType<Candidate> {
  const cols: ColumnsType<Candidate> = [
    { title: t('cand.col.no'), key: 'i', width: 44, render: (_v, _r, i) => i + 1 },
    {
      title: t('cand.col.name'),
      key: 'name',
      width: 120,
      render: (_v, c) => (
        <>
          <div>{c.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.departmentName}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('cand.col.ratings'),
      key: 'ratings',
      width: 150,
      render: (_v, c) => (
        <Space size={2} wrap>
          {c.ratings.map((r) => (
            <Tooltip
              key={r.periodCode}
              title={`${periodName(r.periodCode.replace(/^\d{4}/, ''))}${r.counts ? '' : t('cand.notCounted')}`}
            >
              <Tag color={ratingColor(r.label)} style={{ marginInlineEnd: 0, opacity: r.counts ? 1 : 0.5 }}>
                {ratingText(t, labels, r.label, true)}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('cand.col.good'),
      dataIndex: 'goodCount',
      width: 84,
      align: 'center',
      sorter: (a, b) => a.goodCount - b.goodCount,
    },
    {
      title: t('cand.col.points'),
      dataIndex: 'points',
      width: 70,
      align: 'center',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.points - b.points || a.goodCount - b.goodCount,
      render: (v: number, c) => (
        <Tooltip title={traceSentence(c.pointsText)}>
          <span>{v}</span>
        </Tooltip>
      ),
    },
    {
      title: t('cand.col.merits'),
      key: 'merits',
      width: 150,
      sorter: (a, b) => a.merits.length - b.merits.length,
      render: (_v, c) => listCell(t, c.merits),
    },
    {
      title: t('cand.col.demerits'),
      key: 'demerits',
      width: 110,
      sorter: (a, b) => a.demerits.length - b.demerits.length,
      render: (_v, c) => listCell(t, c.demerits),
    },
    {
      title: t('cand.col.history'),
      key: 'history',
      width: 150,
      sorter: (a, b) => a.excellentYears - b.excellentYears,
      render: (_v, c) =>
        c.history.length ? (
          c.history
            .slice(0, 3)
            .map((h) => `${h.year} ${resultText(labels, h.label)}`)
            .join(t('common.listSep'))
        ) : (
          <Typography.Text type="secondary">{t('cand.noHistory')}</Typography.Text>
        ),
    },
  ];
  if (hasVotes)
    cols.push({
      title: t('cand.col.votes'),
      key: 'votes',
      width: 130,
      align: 'center',
      sorter: (a, b) => share(a) - share(b),
      render: (_v, c) =>
        c.votes ? (
          <span data-testid="candidate-votes">{votesText(t, c.votes)}</span>
        ) : (
          <Typography.Text type="secondary">{t('cand.notEntered')}</Typography.Text>
        ),
    });
  cols.push(
    {
      title: t('cand.col.suggestion'),
      key: 'suggestion',
      width: 80,
      render: (_v, c) => (
        <>
          {resultText(labels, c.suggestion)}
          {c.maxGrade && c.maxGrade !== 'excellent' ? (
            <div>
              <Tag color="orange">{t('cand.noExcellent')}</Tag>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('cand.col.decision'),
      key: 'decision',
      width: 64,
      render: (_v, c) =>
        c.decision ? (
          <Tag color={c.decidedExcellent ? 'red' : 'default'}>{resultText(labels, c.decision)}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('cand.undecided')}</Typography.Text>
        ),
    },
  );
  return cols;
}

/** Within the places: the first rows, as many as the unit's places, in the order now shown. */
const WITHIN = { background: '#fff7e6' };

function UnitView({ unit, hasVotes }: { unit: Unit; hasVotes: boolean }) {
  const t = useT();
  const labels = useDomainLabels();
  const cols = useMemo(() => columns(t, labels, hasVotes), [t, labels, hasVotes]);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const people = unit.candidates.filter((c) => picked.includes(c.personId));
  return (
    <>
      <Descriptions size="small" column={4} bordered style={{ marginBottom: 12 }} data-testid="candidates-places">
        <Descriptions.Item label={t('cand.places')}>{t('cand.count', { n: unit.allowed })}</Descriptions.Item>
        <Descriptions.Item label={t('cand.used')}>{t('cand.count', { n: unit.used })}</Descriptions.Item>
        <Descriptions.Item label={t('cand.left')}>
          <Typography.Text strong type={unit.left === 0 ? 'danger' : undefined} data-testid="candidates-left">
            {t('cand.count', { n: unit.left })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('cand.candidates')}>
          {t('cand.people', { n: unit.candidates.length })}
        </Descriptions.Item>
        <Descriptions.Item label={t('cand.explanation')} span={4}>
          {plainArrows(unit.explanation)}
          {unit.approvedOverrides ? t('cand.overrides', { n: unit.approvedOverrides }) : ''}
        </Descriptions.Item>
      </Descriptions>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('cand.hint', { n: unit.allowed })}</Typography.Text>
        <Button
          disabled={people.length < 2 || people.length > 5}
          onClick={() => setComparing(true)}
          data-testid="candidates-compare-open"
        >
          {t('cand.compare', { n: people.length })}
        </Button>
      </Flex>
      <Table<Candidate>
        size="small"
        rowKey="personId"
        columns={cols}
        dataSource={unit.candidates}
        pagination={false}
        rowSelection={{
          selectedRowKeys: picked,
          onChange: (keys) => setPicked(keys.map(String)),
          columnWidth: 36,
        }}
        onRow={(_c, i) => ({ style: (i ?? unit.allowed) < unit.allowed ? WITHIN : undefined })}
        scroll={{ y: 'calc(100vh - 380px)' }}
        aria-label={t('cand.tableAria')}
        locale={{ emptyText: t('cand.empty') }}
      />
      {comparing && people.length ? (
        <CandidatesCompare people={people} hasVotes={hasVotes} onClose={() => setComparing(false)} />
      ) : null}
    </>
  );
}

export function CandidatesPanel({ yearId, open, onClose }: { yearId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const q = useQuery('yearend.candidates', open ? { yearId } : null);
  const [key, setKey] = useState<string | null>(null);
  const units = q.data?.units ?? [];
  const unit = units.find((u) => u.key === key) ?? units[0];
  return (
    <Drawer
      title={t('cand.title')}
      open={open}
      onClose={onClose}
      width="min(1280px, 100vw)"
      destroyOnHidden
      data-testid="candidates"
    >
      <ErrorAlert error={q.error} />
      {units.length > 1 ? (
        <Segmented
          style={{ marginBottom: 12 }}
          value={unit?.key}
          onChange={(v) => setKey(String(v))}
          options={units.map((u) => ({ value: u.key, label: t('cand.unitOption', { unit: u.label, n: u.left }) }))}
        />
      ) : null}
      {q.data && !q.data.hasVotes ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="candidates-no-votes"
          message={q.data.appraisalEnabled ? t('cand.votesMissing') : t('cand.votesOff')}
        />
      ) : null}
      {unit ? <UnitView key={unit.key} unit={unit} hasVotes={!!q.data?.hasVotes} /> : null}
    </Drawer>
  );
}
