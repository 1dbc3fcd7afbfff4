// 设定报送期限: per period a default due date for every department and, below it, any department's
// own date (left empty, the default holds). Saved in one call; a decided year shows them read-only.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Flex, Spin, Table, Typography } from 'antd';
import type { PeriodDeadlines } from '@shared/api/rounds';
import { call } from '../../api/client';
import { useQuery, toApiError } from '../../hooks/useApi';
import { useT } from '../../i18n/language';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { ErrorAlert } from '../../components/ErrorAlert';

export function DeadlinesDrawer({ yearId, onClose }: { yearId: string; onClose(saved: boolean): void }) {
  const t = useT();
  const { message } = App.useApp();
  const q = useQuery('rounds.deadlines', { yearId });
  const [draft, setDraft] = useState<PeriodDeadlines[] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (q.data) setDraft(q.data.periods);
  }, [q.data]);
  const locked = q.data?.locked ?? false;

  const update = (periodId: string, change: (p: PeriodDeadlines) => PeriodDeadlines) =>
    setDraft((d) => d && d.map((p) => (p.periodId === periodId ? change(p) : p)));

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      await call('rounds.setDeadlines', {
        yearId,
        periods: draft.map((p) => ({
          periodId: p.periodId,
          defaultDue: p.defaultDue,
          departments: p.departments.flatMap((d) => (d.due ? [{ unitId: d.unitId, due: d.due }] : [])),
        })),
      });
      void message.success(t('deadlines.saved'));
      onClose(true);
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 8 });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      size={640}
      title={t('deadlines.title', { year: q.data?.year ?? '' })}
      onClose={() => onClose(false)}
      data-testid="deadlines-drawer"
      extra={
        <Button type="primary" disabled={locked || !draft} loading={saving} onClick={() => void save()}>
          {t('deadlines.save')}
        </Button>
      }
    >
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {locked ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('deadlines.locked')} /> : null}
      <Typography.Paragraph type="secondary">{t('deadlines.hint')}</Typography.Paragraph>
      {!draft ? (
        <Spin />
      ) : (
        draft.map((p) => (
          <Card
            key={p.periodId}
            size="small"
            style={{ marginBottom: 12 }}
            title={`${p.label}（${p.code}）`}
            extra={
              <Typography.Text type="secondary">
                {t('deadlines.periodRange', { start: p.startDate, end: p.endDate })}
              </Typography.Text>
            }
          >
            <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
              <Typography.Text>{t('deadlines.default')}</Typography.Text>
              <IsoDatePicker
                width={160}
                disabled={locked}
                minDate={p.startDate}
                value={p.defaultDue}
                aria-label={t('deadlines.defaultOf', { period: p.label })}
                onChange={(v) => update(p.periodId, (x) => ({ ...x, defaultDue: v }))}
              />
            </Flex>
            <Table
              size="small"
              pagination={false}
              rowKey="unitId"
              dataSource={p.departments}
              columns={[
                { title: t('rounds.col.unit'), dataIndex: 'unitName' },
                {
                  title: t('deadlines.own'),
                  render: (_, d) => (
                    <IsoDatePicker
                      width={160}
                      disabled={locked}
                      minDate={p.startDate}
                      value={d.due}
                      placeholder={p.defaultDue ?? ''}
                      aria-label={t('deadlines.ownOf', { unit: d.unitName })}
                      onChange={(v) =>
                        update(p.periodId, (x) => ({
                          ...x,
                          departments: x.departments.map((y) => (y.unitId === d.unitId ? { ...y, due: v } : y)),
                        }))
                      }
                    />
                  ),
                },
              ]}
            />
          </Card>
        ))
      )}
    </Drawer>
  );
}
