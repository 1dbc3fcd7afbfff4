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

type Dto = OutputOf<'yearend.candidates'>;
type Unit = Dto['units'][number];
type Candidate = Unit['candidates'][number];

const RATING_COLOR: Record<string, string> = {
  好: 'red',
  较好: 'blue',
  一般: 'orange',
  较差: 'volcano',
  未评: 'default',
};

/** "嘉奖 2 次、记三等功 1 次": the kinds of the year's records ("2026-05-01 嘉奖（区〔2026〕1号）"), counted */
function kindsOf(items: string[]): string {
  const counts = new Map<string, number>();
  for (const line of items) {
    const kind = line.replace(/^\S+ /, '').replace(/（.*$/, '');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n} 次`).join('、');
}

function listCell(items: string[], empty = '无') {
  if (!items.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Tooltip title={items.join('\n')} styles={{ root: { whiteSpace: 'pre-line', maxWidth: 420 } }}>
      <span>{kindsOf(items)}</span>
    </Tooltip>
  );
}

/** the share of 优秀 votes, for sorting (a candidate without votes last) */
const share = (c: Candidate) => (c.votes ? c.votes.excellent / c.votes.voters : -1);

function columns(hasVotes: boolean): ColumnsType<Candidate> {
  const cols: ColumnsType<Candidate> = [
    { title: '序', key: 'i', width: 44, render: (_v, _r, i) => i + 1 },
    {
      title: '姓名',
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
      title: '平时考核',
      key: 'ratings',
      width: 150,
      render: (_v, c) => (
        <Space size={2}>
          {c.ratings.map((r) => (
            <Tooltip
              key={r.periodCode}
              title={`${periodName(r.periodCode.replace(/^\d{4}/, ''))}${r.counts ? '' : '（不计）'}`}
            >
              <Tag color={RATING_COLOR[r.label]} style={{ marginInlineEnd: 0, opacity: r.counts ? 1 : 0.5 }}>
                {r.label}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: '“好”次数',
      dataIndex: 'goodCount',
      width: 84,
      align: 'center',
      sorter: (a, b) => a.goodCount - b.goodCount,
    },
    {
      title: '积分',
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
      title: '奖励与实绩',
      key: 'merits',
      width: 150,
      sorter: (a, b) => a.merits.length - b.merits.length,
      render: (_v, c) => listCell(c.merits),
    },
    {
      title: '处分与问题',
      key: 'demerits',
      width: 110,
      sorter: (a, b) => a.demerits.length - b.demerits.length,
      render: (_v, c) => listCell(c.demerits),
    },
    {
      title: '历年等次',
      key: 'history',
      width: 150,
      sorter: (a, b) => a.excellentYears - b.excellentYears,
      render: (_v, c) =>
        c.history.length ? (
          c.history
            .slice(0, 3)
            .map((h) => `${h.year} ${h.label}`)
            .join('、')
        ) : (
          <Typography.Text type="secondary">无记录</Typography.Text>
        ),
    },
  ];
  if (hasVotes)
    cols.push({
      title: '民主测评',
      key: 'votes',
      width: 130,
      align: 'center',
      sorter: (a, b) => share(a) - share(b),
      render: (_v, c) =>
        c.votes ? (
          <span data-testid="candidate-votes">{votesText(c.votes)}</span>
        ) : (
          <Typography.Text type="secondary">未录入</Typography.Text>
        ),
    });
  cols.push(
    {
      title: '建议',
      key: 'suggestion',
      width: 80,
      render: (_v, c) => (
        <>
          {c.suggestion}
          {c.maxGrade && c.maxGrade !== 'excellent' ? (
            <div>
              <Tag color="orange">不得评优</Tag>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: '已定',
      key: 'decision',
      width: 64,
      render: (_v, c) =>
        c.decision ? (
          <Tag color={c.decidedExcellent ? 'red' : 'default'}>{c.decision}</Tag>
        ) : (
          <Typography.Text type="secondary">未定</Typography.Text>
        ),
    },
  );
  return cols;
}

/** Within the places: the first rows, as many as the unit's places, in the order now shown. */
const WITHIN = { background: '#fff7e6' };

function UnitView({ unit, hasVotes }: { unit: Unit; hasVotes: boolean }) {
  const cols = useMemo(() => columns(hasVotes), [hasVotes]);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const people = unit.candidates.filter((c) => picked.includes(c.personId));
  return (
    <>
      <Descriptions size="small" column={4} bordered style={{ marginBottom: 12 }} data-testid="candidates-places">
        <Descriptions.Item label="优秀名额">{unit.allowed} 名</Descriptions.Item>
        <Descriptions.Item label="已定优秀">{unit.used} 名</Descriptions.Item>
        <Descriptions.Item label="剩余名额">
          <Typography.Text strong type={unit.left === 0 ? 'danger' : undefined} data-testid="candidates-left">
            {unit.left} 名
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="候选人">{unit.candidates.length} 人</Descriptions.Item>
        <Descriptions.Item label="名额计算" span={4}>
          {plainArrows(unit.explanation)}
          {unit.approvedOverrides ? `；经批准超出 ${unit.approvedOverrides} 名` : ''}
        </Descriptions.Item>
      </Descriptions>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          点列名排序；按当前顺序，前 {unit.allowed} 人（优秀名额数）以底色标出。勾选 2 至 5 人可并列比较。
        </Typography.Text>
        <Button
          disabled={people.length < 2 || people.length > 5}
          onClick={() => setComparing(true)}
          data-testid="candidates-compare-open"
        >
          比较所选（{people.length}）
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
        aria-label="优秀候选人"
        locale={{ emptyText: '本考核单元没有优秀候选人' }}
      />
      {comparing && people.length ? (
        <CandidatesCompare people={people} hasVotes={hasVotes} onClose={() => setComparing(false)} />
      ) : null}
    </>
  );
}

export function CandidatesPanel({ yearId, open, onClose }: { yearId: string; open: boolean; onClose: () => void }) {
  const q = useQuery('yearend.candidates', open ? { yearId } : null);
  const [key, setKey] = useState<string | null>(null);
  const units = q.data?.units ?? [];
  const unit = units.find((u) => u.key === key) ?? units[0];
  return (
    <Drawer
      title="优秀候选比较"
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
          options={units.map((u) => ({ value: u.key, label: `${u.label}（剩 ${u.left} 名）` }))}
        />
      ) : null}
      {q.data && !q.data.hasVotes ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="candidates-no-votes"
          message={
            q.data.appraisalEnabled
              ? '本年度启用了民主测评，尚未导入票数：在本页“从表格导入”民主测评票数后，此处可按优秀票比较。'
              : '本年度未启用民主测评（年度设置中可启用）；启用并导入票数后，此处可按优秀票比较。'
          }
        />
      ) : null}
      {unit ? <UnitView key={unit.key} unit={unit} hasVotes={!!q.data?.hasVotes} /> : null}
    </Drawer>
  );
}
