// 需关注人员: long leave nearing or over the threshold, open investigations, sanctions in force,
// probation running — each with its reason; a name opens the person's timeline.
import { useState } from 'react';
import { Segmented, Table, Tag, Typography } from 'antd';
import type { DashboardDto } from '@shared/api/evidence';
import { useT } from '../../i18n/language';

type Flag = DashboardDto['flags'][number];

/** Each flag's colour; its name is the catalogue's `flags.<flag>`. */
const FLAG_COLOR: Record<Flag['flag'], string> = {
  leave_over: 'red',
  leave_near: 'orange',
  investigation_open: 'magenta',
  sanction_in_force: 'volcano',
  probation: 'geekblue',
};

export function FlagsTable({ dashboard, onPerson }: { dashboard: DashboardDto; onPerson(personId: string): void }) {
  const t = useT();
  const [only, setOnly] = useState<Flag['flag'] | 'all'>('all');
  const rows = only === 'all' ? dashboard.flags : dashboard.flags.filter((f) => f.flag === only);
  const kinds = Object.keys(FLAG_COLOR) as Flag['flag'][];
  return (
    <>
      <Segmented<Flag['flag'] | 'all'>
        style={{ marginBottom: 12 }}
        value={only}
        onChange={setOnly}
        options={[
          { value: 'all', label: t('flags.all', { n: dashboard.flags.length }) },
          ...kinds.map((k) => ({
            value: k,
            label: t('flags.count', { label: t(`flags.${k}`), n: dashboard.flagCounts[k] ?? 0 }),
          })),
        ]}
      />
      {dashboard.flagsTruncated ? (
        <Typography.Paragraph type="secondary">
          {t('flags.truncated', { n: dashboard.flags.length })}
        </Typography.Paragraph>
      ) : null}
      <Table<Flag>
        size="small"
        rowKey={(r) => `${r.personId}|${r.flag}|${r.detail}`}
        dataSource={rows}
        aria-label={t('flags.aria')}
        pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('flags.empty') }}
        columns={[
          {
            title: t('flags.col.flag'),
            dataIndex: 'flag',
            width: 140,
            render: (f: Flag['flag']) => <Tag color={FLAG_COLOR[f]}>{t(`flags.${f}`)}</Tag>,
          },
          {
            title: t('flags.col.name'),
            dataIndex: 'name',
            width: 80,
            render: (v: string, r) => (
              <a onClick={() => onPerson(r.personId)} role="button">
                {v}
              </a>
            ),
          },
          { title: t('flags.col.personNo'), dataIndex: 'personNo', width: 90 },
          { title: t('flags.col.unit'), dataIndex: 'unitName', width: 100, ellipsis: true },
          { title: t('flags.col.detail'), dataIndex: 'detail' },
        ]}
      />
    </>
  );
}
