// 报送情况: per department and started period, complete or not, the due date, overdue days, when it
// was completed, how (template import, exchange bundle, typed in) and by whom, as the core reads
// them from the ratings' audit entries; the due dates editor and the reminder list to print.
import { useState } from 'react';
import { Alert, App, Button, Flex, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { DeliveryRow, DeliveryVia } from '@shared/api/rounds';
import { ApiError, call } from '../../api/client';
import { useQuery } from '../../hooks/useApi';
import { useT } from '../../i18n/language';
import { usePermissions } from '../../components/auth/usePermissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DeadlinesDrawer } from './DeadlinesDrawer';

const VIA_COLOR: Record<DeliveryVia, string> = { template: 'blue', bundle: 'purple', typed: 'green', other: 'default' };

export function DeliveryCard({ yearId, unitName, year }: { yearId: string; unitName: string; year: number }) {
  const t = useT();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const q = useQuery('rounds.status', { yearId });
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const rows = (q.data?.rows ?? []).filter((r) => !onlyOverdue || r.overdue);

  const exportReminders = async () => {
    try {
      const { path } = await call('desktop.pickSaveFile', {
        title: t('rounds.exportTitle'),
        defaultName: t('rounds.exportName', { unit: unitName, year }),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (!path) return;
      setExporting(true);
      const r = await call('rounds.exportReminders', { yearId, path });
      void message.success({
        content: (
          <span>
            {t('rounds.exported', { rows: r.rows, path: r.path })}{' '}
            <a onClick={() => void call('desktop.showInFolder', { path: r.path })}>{t('rounds.showInFolder')}</a>
          </span>
        ),
        duration: 8,
      });
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  const state = (r: DeliveryRow) => {
    if (r.delivered)
      return r.late ? (
        <Tag color="orange">{t('rounds.state.late')}</Tag>
      ) : (
        <Tag color="green">{t('rounds.state.delivered')}</Tag>
      );
    if (r.overdue)
      return <Tag color="red">{t('rounds.state.overdue', { days: r.daysOverdue, missing: r.missing })}</Tag>;
    return <Tag>{t('rounds.state.open', { rated: r.rated, expected: r.expected })}</Tag>;
  };

  return (
    <div data-testid="delivery-card">
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {q.data ? (
        q.data.overdue > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('rounds.overdueAlert', { n: q.data.overdue })}
            data-testid="overdue-alert"
          />
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('rounds.noneOverdue')} />
        )
      ) : null}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Switch size="small" checked={onlyOverdue} onChange={setOnlyOverdue} aria-label={t('rounds.onlyOverdue')} />
        <Typography.Text>{t('rounds.onlyOverdue')}</Typography.Text>
        <span style={{ flex: 1 }} />
        {can('year.write') ? <Button onClick={() => setEditing(true)}>{t('rounds.setDeadlines')}</Button> : null}
        <Button loading={exporting} onClick={() => void exportReminders()} data-testid="export-reminders">
          {t('rounds.exportReminders')}
        </Button>
      </Flex>
      <Table<DeliveryRow>
        size="small"
        rowKey={(r) => `${r.unitId}|${r.periodId}`}
        loading={q.loading}
        dataSource={rows}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        locale={{ emptyText: t('rounds.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('rounds.col.unit'), dataIndex: 'unitName' },
          { title: t('rounds.col.period'), dataIndex: 'periodLabel' },
          {
            title: t('rounds.col.due'),
            render: (_, r) => r.due ?? <Typography.Text type="secondary">{t('rounds.noDue')}</Typography.Text>,
          },
          { title: t('rounds.col.state'), render: (_, r) => state(r) },
          { title: t('rounds.col.deliveredOn'), render: (_, r) => r.deliveredOn ?? '' },
          {
            title: t('rounds.col.via'),
            render: (_, r) =>
              r.via ? (
                <Tooltip title={[r.viaDetail, t('rounds.viaMix', r.byVia)].filter(Boolean).join(' · ')}>
                  <Tag color={VIA_COLOR[r.via]}>{t(`rounds.via.${r.via}`)}</Tag>
                </Tooltip>
              ) : null,
          },
          { title: t('rounds.col.by'), render: (_, r) => r.deliveredBy ?? '' },
        ]}
      />
      {editing ? (
        <DeadlinesDrawer
          yearId={yearId}
          onClose={(saved) => {
            setEditing(false);
            if (saved) q.reload();
          }}
        />
      ) : null}
    </div>
  );
}
