// 节假日日历: the official calendar the 公示 and every working-day count use. The office picks a year,
// sees its 放假 and 调休上班 days (shipped with the app, or entered here), edits them and saves the
// year as a whole, imports them from a small spreadsheet, or resets a year to the shipped table.
// Every save is audited; a decided year keeps the copy it was counted on.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { CalendarDayDto, CalendarYearDto } from '@shared/api/calendar';
import { isoWeekday } from '@shared/calendar/official-calendar';
import { isIsoDate } from '@shared/domain/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../api/client';
import { toApiError, useAction, useQuery } from '../../hooks/useApi';
import { CalendarImport } from './CalendarImport';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

interface Draft {
  year: number;
  basis: string;
  days: CalendarDayDto[];
}

function draftOf(year: number, y: CalendarYearDto | null | undefined): Draft {
  return { year, basis: y?.source === 'office' ? y.basis : '', days: y ? [...y.days] : [] };
}

export function CalendarCard({ canEdit }: { canEdit: boolean }) {
  const overview = useQuery('calendar.overview', {});
  // next year is the one an office enters in late autumn; the clock is read once, not on every render
  const [thisYear] = useState(() => new Date().getFullYear());
  const [year, setYear] = useState<number>(thisYear + 1);
  const current = useQuery('calendar.get', { year });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [row, setRow] = useState<{ date: string; kind: 'holiday' | 'workday'; name: string }>({
    date: '',
    kind: 'holiday',
    name: '',
  });
  const [resetOpen, setResetOpen] = useState(false);
  const [reason, setReason] = useState('');
  const act = useAction();
  const { message } = App.useApp();
  const t = useT();

  const shown: Draft = draft && draft.year === year ? draft : draftOf(year, current.data);
  const editing = !!draft && draft.year === year;
  const reload = () => {
    setDraft(null);
    current.reload();
    overview.reload();
  };
  const yearOptions = useMemo(() => {
    const known = new Set((overview.data?.years ?? []).map((y) => y.year));
    const list = [...new Set([thisYear + 1, thisYear, ...known])].sort((a, b) => b - a);
    return list.map((y) => {
      const o = overview.data?.years.find((x) => x.year === y);
      return {
        value: y,
        label: t(o ? (o.source === 'office' ? 'cal.yearOffice' : 'cal.yearShipped') : 'cal.yearMissing', { year: y }),
      };
    });
  }, [overview.data, thisYear, t]);

  const addRow = () => {
    const date = row.date.trim();
    if (!isIsoDate(date) || !row.name.trim()) return;
    setDraft({
      ...shown,
      days: [...shown.days.filter((d) => d.date !== date), { date, kind: row.kind, name: row.name.trim() }].sort(
        (a, b) => (a.date < b.date ? -1 : 1),
      ),
    });
    setRow({ ...row, date: '' });
  };

  const save = async () => {
    const r = await act(
      'calendar.save',
      { source: 'manual', years: [{ year, basis: shown.basis, days: shown.days }] },
      t('cal.saved', { year }),
    );
    if (r) reload();
  };

  const reset = async () => {
    try {
      // a year the app does not ship comes back as null (unknown again): that is a success too
      await call('calendar.reset', { year, reason });
      void message.success(t(current.data?.shipped ? 'cal.restored' : 'cal.removed', { year }));
      setResetOpen(false);
      setReason('');
      reload();
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 6 });
    }
  };

  const y = current.data;
  return (
    <Card title={t('cal.title')} size="small" style={{ marginTop: 16 }} data-testid="calendar-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('cal.intro', {
          range: overview.data ? `${overview.data.shippedFirst}–${overview.data.shippedLast}` : '',
          source: overview.data?.shippedSource ?? '',
        })}
      </Typography.Paragraph>
      <ErrorAlert error={overview.error ?? current.error} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <span>{t('cal.year')}</span>
        <Select
          style={{ width: 200 }}
          value={year}
          options={yearOptions}
          onChange={(v) => setYear(v)}
          data-testid="calendar-year"
        />
        <InputNumber
          style={{ width: 120 }}
          min={1990}
          max={2200}
          placeholder={t('cal.otherYear')}
          onPressEnter={(e) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (v >= 1990 && v <= 2200) setYear(v);
          }}
        />
        {y ? (
          <Tag color={y.source === 'office' ? 'blue' : 'default'}>
            {y.source === 'office'
              ? y.meta?.source === 'import'
                ? t('cal.officeImported', { file: y.meta.fileName ?? '' })
                : t('cal.office')
              : t('cal.shipped')}
          </Tag>
        ) : (
          !current.loading && <Tag color="orange">{t('cal.missing')}</Tag>
        )}
        {canEdit && <CalendarImport onSaved={reload} />}
      </Flex>
      {!y && !current.loading && !editing && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('cal.missingAlert', { year })} />
      )}
      {y && y.keptBy.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('cal.keptBy', {
            years: y.keptBy.map((k) => t('cal.keptByYear', { unit: k.unitName, year: k.year })).join(t('cal.listSep')),
            year,
          })}
        />
      )}
      <Table<CalendarDayDto>
        size="small"
        rowKey="date"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={shown.days}
        data-testid="calendar-days"
        columns={[
          { title: t('cal.col.date'), dataIndex: 'date', width: 120 },
          {
            title: t('cal.col.weekday'),
            width: 70,
            render: (_: unknown, d) => t(`cal.weekday.${isoWeekday(d.date)}` as MessageKey),
          },
          {
            title: t('cal.col.kind'),
            width: 100,
            render: (_: unknown, d) => (
              <Tag color={d.kind === 'holiday' ? 'red' : 'green'}>{t(`cal.kind.${d.kind}`)}</Tag>
            ),
          },
          { title: t('cal.col.name'), dataIndex: 'name' },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, d: CalendarDayDto) => (
                    <a onClick={() => setDraft({ ...shown, days: shown.days.filter((x) => x.date !== d.date) })}>
                      {t('cal.delete')}
                    </a>
                  ),
                },
              ]
            : []),
        ]}
        locale={{ emptyText: t('cal.empty') }}
      />
      {canEdit && (
        <>
          <Space wrap style={{ marginTop: 12 }}>
            <IsoDatePicker
              width={180}
              value={row.date}
              onChange={(date) => setRow({ ...row, date: date ?? '' })}
              data-testid="calendar-new-date"
            />
            <Select
              style={{ width: 120 }}
              value={row.kind}
              onChange={(kind) => setRow({ ...row, kind })}
              options={[
                { value: 'holiday', label: t('cal.kind.holiday') },
                { value: 'workday', label: t('cal.kind.workday') },
              ]}
              data-testid="calendar-new-kind"
            />
            <Input
              style={{ width: 180 }}
              placeholder={t('cal.namePlaceholder')}
              value={row.name}
              onChange={(e) => setRow({ ...row, name: e.target.value })}
              onPressEnter={addRow}
              data-testid="calendar-new-name"
            />
            <Button
              onClick={addRow}
              disabled={!isIsoDate(row.date.trim()) || !row.name.trim()}
              data-testid="calendar-add"
            >
              {t('cal.add')}
            </Button>
          </Space>
          <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
            <Input
              style={{ width: 360 }}
              placeholder={t('cal.basisPlaceholder')}
              value={shown.basis}
              onChange={(e) => setDraft({ ...shown, basis: e.target.value })}
              data-testid="calendar-basis"
            />
            <Button type="primary" onClick={() => void save()} disabled={!editing} data-testid="calendar-save">
              {t('cal.save', { year })}
            </Button>
            {editing && <Button onClick={() => setDraft(null)}>{t('cal.discard')}</Button>}
            {y?.source === 'office' && (
              <Button danger onClick={() => setResetOpen(true)} data-testid="calendar-reset">
                {t(y.shipped ? 'cal.restore' : 'cal.remove')}
              </Button>
            )}
          </Flex>
        </>
      )}
      <Modal
        open={resetOpen}
        title={t(y?.shipped ? 'cal.restoreTitle' : 'cal.removeTitle', { year })}
        okText={t('cal.confirm')}
        onOk={() => void reset()}
        onCancel={() => setResetOpen(false)}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
      >
        <Input.TextArea
          rows={2}
          placeholder={t('cal.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
