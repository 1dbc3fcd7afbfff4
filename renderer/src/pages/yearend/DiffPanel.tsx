// People whose suggestion moved since it was frozen at review (a late evidence or rating change):
// shown side by side, so nothing changes silently under the committee.
import { useEffect } from 'react';
import { Alert, Table, Tag, Typography } from 'antd';
import { traceSentences } from '@shared/sheets/trace-sentence';
import { useQuery } from '../../hooks/useApi';
import { useT } from '../../i18n/language';

export function DiffPanel({ yearId, version }: { yearId: string; version: number }) {
  const t = useT();
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
      message={t('diff.message', { n: rows.length, date: diff.data?.snapshotAt?.slice(0, 10) ?? '' })}
      description={
        <Table
          size="small"
          rowKey="personId"
          pagination={rows.length > 10 ? { pageSize: 10 } : false}
          dataSource={rows}
          columns={[
            {
              title: t('diff.col.person'),
              width: 120,
              render: (_, r) => t('diff.person', { name: r.name, dept: r.departmentName }),
            },
            {
              title: t('diff.col.change'),
              dataIndex: 'change',
              width: 90,
              render: (c: string) => (
                <Tag color={c === 'grade' ? 'orange' : 'default'}>
                  {t(c === 'grade' ? 'diff.grade' : c === 'new' ? 'diff.new' : 'diff.basis')}
                </Tag>
              ),
            },
            { title: t('diff.col.before'), width: 120, render: (_, r) => r.before?.label ?? '—' },
            { title: t('diff.col.after'), width: 120, render: (_, r) => r.after.label },
            { title: t('diff.col.decided'), width: 100, render: (_, r) => r.decisionLabel ?? t('wb.undecided') },
            {
              title: t('diff.col.basis'),
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
