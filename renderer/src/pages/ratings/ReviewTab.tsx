// The office's quarterly review (复核): each department side by side — counts per rating, 好 share
// against the cap, missing, flags — with return (note), accept, confirm an excess over the cap with a
// reason, mark the period reviewed (only when nothing is left to do, which core checks again) and reopen.
import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ReviewOverviewDto } from '@shared/api/years';
import { percentLabel } from '@shared/ratings/cap';
import { useAction, useQuery } from '../../hooks/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDomainLabels, useT } from '../../i18n/language';

type Dept = ReviewOverviewDto['departments'][number];
type Excess = ReviewOverviewDto['readiness']['excess'][number];

export function ReviewTab({ periodId, onChanged }: { periodId: string; onChanged(): void }) {
  const t = useT();
  const labels = useDomainLabels();
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
            t('review.returnedDone', { unit: ask.unit!.unitName }),
          )
        : ask.kind === 'confirm'
          ? await act(
              'review.confirmExcess',
              { periodId, unitId: ask.unit!.unitId, reason: text.trim() },
              t('review.confirmedDone', { unit: ask.unit!.unitName }),
            )
          : await act('review.reopen', { periodId, reason: text.trim() }, t('review.reopened'));
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
                {t('review.period', { label: data.period.label, code: data.period.code })}
              </Typography.Text>
              {reviewed ? (
                <Tag color="green">{t('review.reviewed')}</Tag>
              ) : (
                <Tag color="blue">{t('review.pending')}</Tag>
              )}
              <Typography.Text>
                {t('review.agency', {
                  good: data.agency.good,
                  cap: data.agency.cap ?? t('cap.noLimit'),
                  pct: percentLabel(data.agency.rated ? data.agency.good / data.agency.rated : 0),
                })}
                <span style={{ color: data.agency.missing ? '#cf1322' : undefined }}>
                  {t('review.agencyMissing', { n: data.agency.missing })}
                </span>
              </Typography.Text>
            </Space>
            <Space>
              {reviewed ? (
                <Button onClick={() => setAsk({ kind: 'reopen' })} disabled={data.lockedReason !== null && !reviewed}>
                  {t('review.reopen')}
                </Button>
              ) : (
                <Popconfirm
                  disabled={data.readiness.blockers.length > 0}
                  title={t('review.mark')}
                  description={
                    data.agency.missing > 0 ? t('review.markMissing', { n: data.agency.missing }) : t('review.markNote')
                  }
                  okText={t('review.markOk')}
                  cancelText={t('review.cancel')}
                  onConfirm={() =>
                    void act('review.markReviewed', { periodId }, t('review.marked')).then((v) => v && after())
                  }
                >
                  <Button type="primary" disabled={data.readiness.blockers.length > 0}>
                    {t('review.mark')}
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
              message={t('review.blockers')}
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
                    {t('review.confirmExcess', { unit: e.unitName, good: e.good, cap: e.cap })}
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
              { title: t('review.col.department'), dataIndex: 'unitName', width: 120 },
              { title: t('review.col.base'), dataIndex: 'base', width: 56, align: 'right' },
              { title: t('review.col.rated'), dataIndex: 'rated', width: 56, align: 'right' },
              {
                title: t('review.col.missing'),
                dataIndex: 'missing',
                width: 56,
                align: 'right',
                render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span>,
              },
              { title: labels.rating.good, width: 48, align: 'right', render: (_, d) => d.counts.good },
              { title: labels.rating.fair, width: 52, align: 'right', render: (_, d) => d.counts.fair },
              { title: labels.rating.average, width: 52, align: 'right', render: (_, d) => d.counts.average },
              { title: labels.rating.poor, width: 52, align: 'right', render: (_, d) => d.counts.poor },
              {
                title: t('review.col.share'),
                width: 140,
                render: (_, d) => (
                  <span style={{ color: d.over ? '#cf1322' : undefined }}>
                    {t('review.shareOf', {
                      pct: percentLabel(d.rated ? d.good / d.rated : 0),
                      good: d.good,
                      cap: d.cap ?? t('cap.noLimit'),
                    })}
                  </span>
                ),
              },
              {
                title: t('review.col.flags'),
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
                title: t('review.col.opinion'),
                width: 200,
                render: (_, d) =>
                  d.review ? (
                    <span>
                      <Tag color={d.review.status === 'returned' ? 'red' : 'green'}>
                        {t(d.review.status === 'returned' ? 'review.returnedTag' : 'review.acceptedTag')}
                      </Tag>
                      {d.review.note}
                    </span>
                  ) : (
                    <Typography.Text type="secondary">
                      {t(reviewed ? 'review.withPeriod' : 'review.notReviewed')}
                    </Typography.Text>
                  ),
              },
              {
                title: t('review.col.actions'),
                width: 130,
                render: (_, d) => (
                  <Space size={4}>
                    <Button size="small" disabled={reviewed} onClick={() => setAsk({ kind: 'return', unit: d })}>
                      {t('review.return')}
                    </Button>
                    <Button
                      size="small"
                      disabled={reviewed}
                      onClick={() =>
                        void act(
                          'review.acceptDepartment',
                          { periodId, unitId: d.unitId },
                          t('review.acceptedDone', { unit: d.unitName }),
                        ).then((v) => v && after())
                      }
                    >
                      {t('review.accept')}
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
              message={t('review.overrides', { n: data.overrides.length })}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {data.overrides.map((o) => (
                    <li key={o.id}>
                      {t('review.overrideLine', {
                        unit: o.unitName,
                        good: o.good,
                        cap: o.cap,
                        reason: o.reason,
                        date: o.createdAt.slice(0, 10),
                      })}
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
            ? t('review.returnTitle', { unit: ask.unit?.unitName ?? '' })
            : ask?.kind === 'confirm'
              ? t('review.confirmTitle', { unit: ask.unit?.unitName ?? '' })
              : t('review.reopenTitle')
        }
        okText={t(
          ask?.kind === 'return' ? 'review.return' : ask?.kind === 'confirm' ? 'review.confirmOk' : 'review.reopen',
        )}
        cancelText={t('review.cancel')}
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
          aria-label={t(
            ask?.kind === 'return'
              ? 'review.returnAria'
              : ask?.kind === 'confirm'
                ? 'review.confirmAria'
                : 'review.reopenAria',
          )}
          placeholder={t(
            ask?.kind === 'return'
              ? 'review.returnPlaceholder'
              : ask?.kind === 'confirm'
                ? 'review.confirmPlaceholder'
                : 'review.reopenPlaceholder',
          )}
        />
      </Modal>
    </>
  );
}
