// People whose suggestion moved since it was frozen at review (a late evidence or rating change):
// shown side by side, so nothing changes silently under the committee.
import { useEffect } from 'react';
import { Alert, Table, Tag, Typography } from 'antd';
import { traceSentences } from '@shared/sheets/trace-sentence';
import { useQuery } from '../../hooks/useApi';

export function DiffPanel({ yearId, version }: { yearId: string; version: number }) {
  const diff = useQuery('yearend.snapshotDiff', { yearId });
  const { reload } = diff;
  // the workbench bumps `version` after every change; the diff follows it
  useEffect(() => reload(), [version, reload]);
  const rows = diff.data?.rows ?? [];
  if (!rows.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={`冻结建议后，${rows.length} 人的记录发生了变化（冻结于 ${diff.data?.snapshotAt?.slice(0, 10) ?? ''}）`}
      description={
        <Table
          size="small"
          rowKey="personId"
          pagination={rows.length > 10 ? { pageSize: 10 } : false}
          dataSource={rows}
          columns={[
            { title: '人员', width: 120, render: (_, r) => `${r.name}（${r.departmentName}）` },
            {
              title: '变化',
              dataIndex: 'change',
              width: 90,
              render: (c: string) => (
                <Tag color={c === 'grade' ? 'orange' : 'default'}>
                  {c === 'grade' ? '建议改变' : c === 'new' ? '新增人员' : '依据改变'}
                </Tag>
              ),
            },
            { title: '冻结时', width: 120, render: (_, r) => r.before?.label ?? '—' },
            { title: '当前', width: 120, render: (_, r) => r.after.label },
            { title: '已定结果', width: 100, render: (_, r) => r.decisionLabel ?? '未决定' },
            {
              title: '当前依据',
              render: (_, r) => (
                <Typography.Text style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
                  {traceSentences(r.after.traceText).join('\n')}
                </Typography.Text>
              ),
            },
          ]}
        />
      }
    />
  );
}
