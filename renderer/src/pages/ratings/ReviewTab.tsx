// The office's quarterly review (复核): each department side by side — counts per rating, 好 share
// against the cap, missing, flags — with return (note), accept, confirm an excess over the cap with a
// reason, mark the period reviewed (only when nothing is left to do, which core checks again) and reopen.
import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ReviewOverviewDto } from '@shared/api/years';
import { percentLabel } from '@shared/ratings/cap';
import { useAction, useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';

type Dept = ReviewOverviewDto['departments'][number];
type Excess = ReviewOverviewDto['readiness']['excess'][number];

export function ReviewTab({ periodId, onChanged }: { periodId: string; onChanged(): void }) {
  const q = useQuery('review.overview', { periodId });
  const act = useAction();
  const [ask, setAsk] = useState<{
    kind: 'return' | 'reopen' | 'confirm';
    unit?: { unitId: string; unitName: string };
  } | null>(null);
  const [text, setText] = useState('');
  const data = q.data;
  const reviewed = data?.period.reviewStatus === 'reviewed';
  const after = () => {
    q.reload();
    onChanged();
  };

  const submitAsk = async () => {
    if (!ask) return;
    const ok =
      ask.kind === 'return'
        ? await act(
            'review.returnDepartment',
            { periodId, unitId: ask.unit!.unitId, note: text.trim() },
            `已退回${ask.unit!.unitName}`,
          )
        : ask.kind === 'confirm'
          ? await act(
              'review.confirmExcess',
              { periodId, unitId: ask.unit!.unitId, reason: text.trim() },
              `已确认${ask.unit!.unitName}超出上限`,
            )
          : await act('review.reopen', { periodId, reason: text.trim() }, '已重新打开该期间');
    if (ok) {
      setAsk(null);
      setText('');
      after();
    }
  };

  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {data ? (
        <>
          <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
            <Space wrap>
              <Typography.Text strong>
                {data.period.label}（{data.period.code}）
              </Typography.Text>
              {reviewed ? <Tag color="green">已复核</Tag> : <Tag color="blue">待复核</Tag>}
              <Typography.Text>
                全单位“好” {data.agency.good} 人 / 上限 {data.agency.cap ?? '不限'}，占已评{' '}
                {percentLabel(data.agency.rated ? data.agency.good / data.agency.rated : 0)}；未评{' '}
                <span style={{ color: data.agency.missing ? '#cf1322' : undefined }}>{data.agency.missing}</span> 人
              </Typography.Text>
            </Space>
            <Space>
              {reviewed ? (
                <Button onClick={() => setAsk({ kind: 'reopen' })} disabled={data.lockedReason !== null && !reviewed}>
                  重新打开
                </Button>
              ) : (
                <Popconfirm
                  disabled={data.readiness.blockers.length > 0}
                  title="标记本期已复核"
                  description={
                    data.agency.missing > 0
                      ? `全单位还有 ${data.agency.missing} 人未评。标记后各部门不能再修改本期结果（可由考核办重新打开）。仍要标记吗？`
                      : '标记后各部门不能再修改本期结果（可由考核办重新打开）。'
                  }
                  okText="标记"
                  cancelText="取消"
                  onConfirm={() =>
                    void act('review.markReviewed', { periodId }, '已标记本期复核完成').then((v) => v && after())
                  }
                >
                  <Button type="primary" disabled={data.readiness.blockers.length > 0}>
                    标记本期已复核
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Flex>
          {!reviewed && data.readiness.blockers.length ? (
            <Alert
              style={{ marginBottom: 12 }}
              type="info"
              showIcon
              message="标记本期已复核之前，还需要："
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {data.readiness.blockers.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {!reviewed && data.readiness.excess.some((e) => !e.confirmed) ? (
            <Space style={{ marginBottom: 12 }} wrap>
              {data.readiness.excess
                .filter((e: Excess) => !e.confirmed)
                .map((e: Excess) => (
                  <Button key={e.unitId} danger size="small" onClick={() => setAsk({ kind: 'confirm', unit: e })}>
                    确认{e.unitName}“好”超出上限（{e.good}/{e.cap}）
                  </Button>
                ))}
            </Space>
          ) : null}
          <Table<Dept>
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={data.departments}
            columns={[
              { title: '部门', dataIndex: 'unitName', width: 120 },
              { title: '应评', dataIndex: 'base', width: 56, align: 'right' },
              { title: '已评', dataIndex: 'rated', width: 56, align: 'right' },
              {
                title: '未评',
                dataIndex: 'missing',
                width: 56,
                align: 'right',
                render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span>,
              },
              { title: '好', width: 48, align: 'right', render: (_, d) => d.counts.good },
              { title: '较好', width: 52, align: 'right', render: (_, d) => d.counts.fair },
              { title: '一般', width: 52, align: 'right', render: (_, d) => d.counts.average },
              { title: '较差', width: 52, align: 'right', render: (_, d) => d.counts.poor },
              {
                title: '“好”占比 / 上限',
                width: 140,
                render: (_, d) => (
                  <span style={{ color: d.over ? '#cf1322' : undefined }}>
                    {percentLabel(d.rated ? d.good / d.rated : 0)}（{d.good}/{d.cap ?? '不限'}）
                  </span>
                ),
              },
              {
                title: '提示',
                render: (_, d) =>
                  d.flags.length ? (
                    <Space size={4} wrap>
                      {d.flags.map((f) => (
                        <Tag key={f.kind} color={f.kind === 'over_cap' ? 'red' : 'orange'}>
                          {f.message}
                        </Tag>
                      ))}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
              {
                title: '复核意见',
                width: 200,
                render: (_, d) =>
                  d.review ? (
                    <span>
                      <Tag color={d.review.status === 'returned' ? 'red' : 'green'}>
                        {d.review.status === 'returned' ? '已退回' : '已通过'}
                      </Tag>
                      {d.review.note}
                    </span>
                  ) : (
                    <Typography.Text type="secondary">{reviewed ? '随本期复核' : '未复核'}</Typography.Text>
                  ),
              },
              {
                title: '操作',
                width: 130,
                render: (_, d) => (
                  <Space size={4}>
                    <Button size="small" disabled={reviewed} onClick={() => setAsk({ kind: 'return', unit: d })}>
                      退回
                    </Button>
                    <Button
                      size="small"
                      disabled={reviewed}
                      onClick={() =>
                        void act('review.acceptDepartment', { periodId, unitId: d.unitId }, `已通过${d.unitName}`).then(
                          (v) => v && after(),
                        )
                      }
                    >
                      通过
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
          {data.overrides.length ? (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              message={`本期有 ${data.overrides.length} 次突破“好”比例上限`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {data.overrides.map((o) => (
                    <li key={o.id}>
                      {o.unitName}：“好” {o.good} 人 / 上限 {o.cap} 人 — {o.reason}（{o.createdAt.slice(0, 10)}）
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
        </>
      ) : null}
      <Modal
        open={ask !== null}
        title={
          ask?.kind === 'return'
            ? `退回“${ask.unit?.unitName ?? ''}”的结果`
            : ask?.kind === 'confirm'
              ? `确认“${ask.unit?.unitName ?? ''}”本期“好”超出上限`
              : '重新打开已复核的期间'
        }
        okText={ask?.kind === 'return' ? '退回' : ask?.kind === 'confirm' ? '确认超出' : '重新打开'}
        cancelText="取消"
        okButtonProps={{ disabled: text.trim().length < 2 }}
        onOk={() => void submitAsk()}
        onCancel={() => setAsk(null)}
        destroyOnHidden
      >
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={500}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={
            ask?.kind === 'return' ? '退回意见' : ask?.kind === 'confirm' ? '确认超出的理由' : '重新打开的原因'
          }
          placeholder={
            ask?.kind === 'return'
              ? '退回意见（部门评价人在录入表中可见），如：“好”比例过高，请重新评定'
              : ask?.kind === 'confirm'
                ? '确认超出上限的理由（记入审计日志），如：本季度承担专项任务，经考核委员会研究同意'
                : '重新打开的原因（记入审计日志）'
          }
        />
      </Modal>
    </>
  );
}
