// 优秀候选比较: for the committee, each quota unit's places (allowed, decided, left — the engine's
// figures) and its candidates side by side, sortable by points, 好 count, earlier excellent years and
// 民主测评 votes where recorded. Read-only: decisions stay on the workbench.
import { useMemo, useState } from 'react';
import { Alert, Descriptions, Drawer, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { OutputOf } from '@shared/api';
import { plainArrows } from '@shared/sheets/trace-sentence';
import { useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';

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

function listCell(items: string[], empty = '无') {
  if (!items.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Tooltip title={items.join('\n')} styles={{ root: { whiteSpace: 'pre-line', maxWidth: 420 } }}>
      <span>
        {items.length} 项：{(items[0] ?? '').replace(/^\d{4}-\d{2}-\d{2} /, '')}
        {items.length > 1 ? '等' : ''}
      </span>
    </Tooltip>
  );
}

function columns(hasVotes: boolean): ColumnsType<Candidate> {
  const cols: ColumnsType<Candidate> = [
    { title: '序', key: 'i', width: 44, render: (_v, _r, i) => i + 1 },
    {
      title: '姓名',
      key: 'name',
      width: 130,
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
      width: 190,
      render: (_v, c) => (
        <Space size={2} wrap>
          {c.ratings.map((r) => (
            <Tag key={r.periodCode} color={RATING_COLOR[r.label]} style={{ marginInlineEnd: 0 }}>
              {r.periodCode.replace(/^\d{4}/, '')} {r.label}
            </Tag>
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
        <Tooltip title={c.pointsText}>
          <span>{v}</span>
        </Tooltip>
      ),
    },
    { title: '奖励与实绩', key: 'merits', width: 130, render: (_v, c) => listCell(c.merits) },
    { title: '处分与问题', key: 'demerits', width: 120, render: (_v, c) => listCell(c.demerits) },
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
      title: '民主测评（优秀票）',
      key: 'votes',
      width: 110,
      align: 'center',
      sorter: (a, b) => (a.votes?.excellent ?? -1) - (b.votes?.excellent ?? -1),
      render: (_v, c) => (c.votes ? `${c.votes.excellent} / ${c.votes.total}` : '未录入'),
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
      width: 80,
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

function UnitView({ unit, hasVotes }: { unit: Unit; hasVotes: boolean }) {
  const cols = useMemo(() => columns(hasVotes), [hasVotes]);
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
      <Table<Candidate>
        size="small"
        rowKey="personId"
        columns={cols}
        dataSource={unit.candidates}
        pagination={false}
        scroll={{ y: 'calc(100vh - 330px)' }}
        aria-label="优秀候选人"
        locale={{ emptyText: '本考核单元没有优秀候选人' }}
      />
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
          message="本年度未录入民主测评结果；录入后在此按优秀票数比较。"
        />
      ) : null}
      {unit ? <UnitView unit={unit} hasVotes={!!q.data?.hasVotes} /> : null}
    </Drawer>
  );
}
