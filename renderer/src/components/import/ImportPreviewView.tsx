// The preview of an import: counts, the bad cells (sheet / row / column / problem) and per-person
// changes, so the clerk sees exactly what will happen before anything is written.
import { Alert, Descriptions, Table, Tabs, Tag, Typography } from 'antd';
import type { ImportIssue, ImportPreview, ProbableDuplicate, RowChange } from '@shared/import/types';
import { useT } from '../../i18n/language';

const ACTION_COLOR: Record<RowChange['action'], string> = { add: 'green', change: 'orange', unchanged: 'default' };

export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const s = preview.summary;
  const issueCols = [
    { title: t('preview.col.sheet'), dataIndex: 'sheet', width: 110 },
    { title: t('preview.col.row'), dataIndex: 'row', width: 60 },
    {
      title: t('preview.col.column'),
      key: 'col',
      width: 120,
      render: (_: unknown, i: ImportIssue) =>
        i.column ? t('preview.col.columnOf', { column: i.column, header: i.header }) : i.header,
    },
    { title: t('preview.col.value'), dataIndex: 'value', width: 140, ellipsis: true },
    { title: t('preview.col.problem'), dataIndex: 'problem' },
  ];
  const changeCols = [
    { title: t('preview.col.personNo'), dataIndex: 'personNo', width: 100 },
    { title: t('preview.col.name'), dataIndex: 'name', width: 90 },
    {
      title: t('preview.col.action'),
      key: 'action',
      width: 70,
      render: (_: unknown, c: RowChange) => <Tag color={ACTION_COLOR[c.action]}>{t(`preview.action.${c.action}`)}</Tag>,
    },
    { title: t('preview.col.subject'), dataIndex: 'subject', width: 150 },
    {
      title: t('preview.col.fields'),
      key: 'fields',
      render: (_: unknown, c: RowChange) =>
        c.fields.length ? (
          <span>
            {c.fields.map((f, k) => (
              <div key={k}>
                {t('preview.fieldChange', { field: f.field })}
                {f.before ? <Typography.Text delete>{f.before.slice(0, 40)}</Typography.Text> : null}
                {f.before ? ' → ' : ''}
                {f.after.slice(0, 60) || t('preview.empty')}
              </div>
            ))}
          </span>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <div data-testid="import-preview">
      {preview.alreadyImportedAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('preview.alreadyImported', { at: preview.alreadyImportedAt.slice(0, 16).replace('T', ' ') })}
        />
      )}
      {preview.capWarnings.length > 0 && (
        <Alert
          type={preview.capBlocks ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="import-cap-warning"
          message={preview.capBlocks ? t('preview.capBlocks') : t('preview.capWarns')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {preview.capWarnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {preview.template && (
        <Alert
          type="success"
          style={{ marginBottom: 12 }}
          message={t('preview.template', {
            unit: preview.template.unitName,
            period: preview.template.periodCode ? ` · ${preview.template.periodCode}` : '',
            version: preview.template.version,
          })}
        />
      )}
      {preview.duplicates?.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="import-duplicates"
          message={t('preview.duplicates', { n: preview.duplicates.length })}
          description={
            <>
              <Table<ProbableDuplicate>
                size="small"
                rowKey={(d) => `${d.sheet}/${d.row}/${d.otherPersonNo}`}
                pagination={false}
                dataSource={preview.duplicates.slice(0, 20)}
                columns={[
                  { title: t('preview.col.row'), dataIndex: 'row', width: 50 },
                  { title: t('preview.col.personNo'), dataIndex: 'personNo', width: 90 },
                  { title: t('preview.col.name'), dataIndex: 'name', width: 80 },
                  {
                    title: t('preview.dupOther'),
                    key: 'other',
                    render: (_: unknown, d) =>
                      t('preview.dupOtherOf', { name: d.otherName, personNo: d.otherPersonNo, where: d.otherWhere }),
                  },
                ]}
              />
              <Typography.Text type="secondary">{t('preview.dupHint')}</Typography.Text>
            </>
          }
        />
      ) : null}
      <Descriptions size="small" column={4} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('preview.file')}>{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('preview.sheets')}>{preview.sheets.join(t('common.listSep'))}</Descriptions.Item>
        <Descriptions.Item label={t('preview.dataRows')}>{s.dataRows}</Descriptions.Item>
        <Descriptions.Item label={t('preview.people')}>{s.people}</Descriptions.Item>
        <Descriptions.Item label={t('preview.action.add')}>{s.add}</Descriptions.Item>
        <Descriptions.Item label={t('preview.action.change')}>{s.change}</Descriptions.Item>
        <Descriptions.Item label={t('preview.action.unchanged')}>{s.unchanged}</Descriptions.Item>
        <Descriptions.Item label={t('preview.errorRows')}>
          <Typography.Text type={s.errorRows ? 'danger' : undefined}>{s.errorRows}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        defaultActiveKey={preview.issueTotal ? 'issues' : 'changes'}
        items={[
          {
            key: 'issues',
            label: t('preview.issuesTab', { n: preview.issueTotal }),
            children: (
              <>
                {preview.issueTotal > preview.issues.length && (
                  <Alert
                    type="warning"
                    message={t('preview.issuesCut', { total: preview.issueTotal, shown: preview.issues.length })}
                    style={{ marginBottom: 8 }}
                  />
                )}
                <Table<ImportIssue>
                  size="small"
                  rowKey={(i) => `${i.sheet}/${i.row}/${i.column}/${i.problem}`}
                  columns={issueCols}
                  dataSource={preview.issues}
                  pagination={{ pageSize: 8, showSizeChanger: false }}
                  locale={{ emptyText: t('preview.noIssues') }}
                  data-testid="import-issues"
                />
              </>
            ),
          },
          {
            key: 'changes',
            label: t('preview.changesTab', { n: preview.changeTotal }),
            children: (
              <Table<RowChange>
                size="small"
                rowKey={(c) => `${c.sheet}/${c.row}`}
                columns={changeCols}
                dataSource={preview.changes}
                pagination={{ pageSize: 8, showSizeChanger: false }}
                locale={{ emptyText: t('preview.noChanges') }}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
