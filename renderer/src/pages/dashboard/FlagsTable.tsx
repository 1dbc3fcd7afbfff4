// 需关注人员: long leave nearing or over the threshold, open investigations, sanctions in force,
// probation running — each with its reason; a name opens the person's timeline.
import { useState } from 'react';
import { Segmented, Table, Tag, Typography } from 'antd';
import type { DashboardDto } from '@shared/api/evidence';

type Flag = DashboardDto['flags'][number];

export const FLAG_LABEL: Record<Flag['flag'], { label: string; color: string }> = {
  leave_over: { label: '病事假超半年', color: 'red' },
  leave_near: { label: '病事假接近半年', color: 'orange' },
  investigation_open: { label: '立案未结', color: 'magenta' },
  sanction_in_force: { label: '处分期内', color: 'volcano' },
  probation: { label: '试用期', color: 'geekblue' },
};

export function FlagsTable({ dashboard, onPerson }: { dashboard: DashboardDto; onPerson(personId: string): void }) {
  const [only, setOnly] = useState<Flag['flag'] | 'all'>('all');
  const rows = only === 'all' ? dashboard.flags : dashboard.flags.filter((f) => f.flag === only);
  const kinds = Object.keys(FLAG_LABEL) as Flag['flag'][];
  return (
    <>
      <Segmented<Flag['flag'] | 'all'>
        style={{ marginBottom: 12 }}
        value={only}
        onChange={setOnly}
        options={[
          { value: 'all', label: `全部 ${dashboard.flags.length}` },
          ...kinds.map((k) => ({ value: k, label: `${FLAG_LABEL[k].label} ${dashboard.flagCounts[k] ?? 0}` })),
        ]}
      />
      {dashboard.flagsTruncated ? (
        <Typography.Paragraph type="secondary">
          人数较多，仅列出前 {dashboard.flags.length} 人；各类人数为全部人数。
        </Typography.Paragraph>
      ) : null}
      <Table<Flag>
        size="small"
        rowKey={(r) => `${r.personId}|${r.flag}|${r.detail}`}
        dataSource={rows}
        aria-label="需关注人员"
        pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无需关注人员' }}
        columns={[
          {
            title: '提示',
            dataIndex: 'flag',
            width: 128,
            render: (f: Flag['flag']) => <Tag color={FLAG_LABEL[f].color}>{FLAG_LABEL[f].label}</Tag>,
          },
          {
            title: '姓名',
            dataIndex: 'name',
            width: 80,
            render: (v: string, r) => (
              <a onClick={() => onPerson(r.personId)} role="button">
                {v}
              </a>
            ),
          },
          { title: '人员编号', dataIndex: 'personNo', width: 90 },
          { title: '部门', dataIndex: 'unitName', width: 100, ellipsis: true },
          { title: '说明', dataIndex: 'detail' },
        ]}
      />
    </>
  );
}
