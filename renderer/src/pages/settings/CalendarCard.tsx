// 节假日日历: the official calendar the 公示 and every working-day count use. The office picks a year,
// sees its 放假 and 调休上班 days (shipped with the app, or entered here), edits them and saves the
// year as a whole, imports them from a small spreadsheet, or resets a year to the shipped table.
// Every save is audited; a decided year keeps the copy it was counted on.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { CalendarDayDto, CalendarYearDto } from '@shared/api/calendar';
import { CALENDAR_KIND_LABEL, isoWeekday } from '@shared/calendar/official-calendar';
import { isIsoDate } from '@shared/domain/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../api/client';
import { toApiError, useAction, useQuery } from '../../hooks/useApi';
import { CalendarImport } from './CalendarImport';
import { IsoDatePicker } from '../../components/IsoDatePicker';

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

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
        label: `${y} 年${o ? (o.source === 'office' ? '（本单位录入）' : '（内置）') : '（未录入）'}`,
      };
    });
  }, [overview.data, thisYear]);

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
      `已保存 ${year} 年节假日安排`,
    );
    if (r) reload();
  };

  const reset = async () => {
    try {
      // a year the app does not ship comes back as null (unknown again): that is a success too
      await call('calendar.reset', { year, reason });
      void message.success(current.data?.shipped ? `已恢复 ${year} 年的内置数据` : `已删除 ${year} 年安排`);
      setResetOpen(false);
      setReason('');
      reload();
    } catch (e) {
      void message.error({ content: toApiError(e).message, duration: 6 });
    }
  };

  const y = current.data;
  return (
    <Card title="节假日日历（法定节假日与调休）" size="small" style={{ marginTop: 16 }} data-testid="calendar-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        公示期等按工作日计算的期限，按此日历跳过放假日、计入调休上班日；复核、申诉期限的最后一日遇休息日顺延。 程序内置{' '}
        {overview.data ? `${overview.data.shippedFirst}–${overview.data.shippedLast}` : ''} 年的安排（
        {overview.data?.shippedSource}
        ）；以后年份请在国务院办公厅通知发布后在此录入或导入。已定档的年度沿用定档时的日历。
      </Typography.Paragraph>
      <ErrorAlert error={overview.error ?? current.error} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <span>年份</span>
        <Select
          style={{ width: 200 }}
          value={year}
          options={yearOptions}
          onChange={(v) => setYear(v)}
          data-testid="calendar-year"
        />
        <InputNumber
          min={1990}
          max={2200}
          placeholder="其他年份"
          onPressEnter={(e) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (v >= 1990 && v <= 2200) setYear(v);
          }}
        />
        {y ? (
          <Tag color={y.source === 'office' ? 'blue' : 'default'}>
            {y.source === 'office'
              ? `本单位录入${y.meta?.source === 'import' ? `（导入 ${y.meta.fileName ?? ''}）` : ''}`
              : '内置'}
          </Tag>
        ) : (
          !current.loading && <Tag color="orange">未录入</Tag>
        )}
        {canEdit && <CalendarImport onSaved={reload} />}
      </Flex>
      {!y && !current.loading && !editing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${year} 年的节假日安排尚未录入：公示等涉及该年的工作日无法计算。请按国务院办公厅通知逐日录入放假和调休上班日期。`}
        />
      )}
      {y && y.keptBy.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已定档的 ${y.keptBy.map((k) => `${k.unitName} ${k.year} 年度`).join('、')}沿用定档时的 ${year} 年日历，修改不影响其公示和期限。`}
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
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '星期', width: 70, render: (_: unknown, d) => WEEKDAY[isoWeekday(d.date)] },
          {
            title: '安排',
            width: 100,
            render: (_: unknown, d) => (
              <Tag color={d.kind === 'holiday' ? 'red' : 'green'}>{CALENDAR_KIND_LABEL[d.kind]}</Tag>
            ),
          },
          { title: '节日', dataIndex: 'name' },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, d: CalendarDayDto) => (
                    <a onClick={() => setDraft({ ...shown, days: shown.days.filter((x) => x.date !== d.date) })}>
                      删除
                    </a>
                  ),
                },
              ]
            : []),
        ]}
        locale={{ emptyText: '（该年没有放假或调休上班日期）' }}
      />
      {canEdit && (
        <>
          <Space wrap style={{ marginTop: 12 }}>
            <IsoDatePicker
              width={150}
              value={row.date}
              onChange={(date) => setRow({ ...row, date: date ?? '' })}
              data-testid="calendar-new-date"
            />
            <Select
              style={{ width: 120 }}
              value={row.kind}
              onChange={(kind) => setRow({ ...row, kind })}
              options={[
                { value: 'holiday', label: '放假' },
                { value: 'workday', label: '调休上班' },
              ]}
              data-testid="calendar-new-kind"
            />
            <Input
              style={{ width: 140 }}
              placeholder="节日，如 春节"
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
              添加
            </Button>
          </Space>
          <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
            <Input
              style={{ width: 360 }}
              placeholder="依据：通知文号或标题（如 国办发明电〔2026〕×号）"
              value={shown.basis}
              onChange={(e) => setDraft({ ...shown, basis: e.target.value })}
              data-testid="calendar-basis"
            />
            <Button type="primary" onClick={() => void save()} disabled={!editing} data-testid="calendar-save">
              保存 {year} 年安排
            </Button>
            {editing && <Button onClick={() => setDraft(null)}>放弃修改</Button>}
            {y?.source === 'office' && (
              <Button danger onClick={() => setResetOpen(true)} data-testid="calendar-reset">
                {y.shipped ? '恢复内置数据' : '删除本年安排'}
              </Button>
            )}
          </Flex>
        </>
      )}
      <Modal
        open={resetOpen}
        title={y?.shipped ? `恢复 ${year} 年的内置数据` : `删除本单位录入的 ${year} 年安排`}
        okText="确定"
        onOk={() => void reset()}
        onCancel={() => setResetOpen(false)}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
      >
        <Input.TextArea
          rows={2}
          placeholder="原因（记入审计日志）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
