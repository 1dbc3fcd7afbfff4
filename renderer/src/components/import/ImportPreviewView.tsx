// The preview of an import: counts, the bad cells (sheet / row / column / problem) and per-person
// changes, so the clerk sees exactly what will happen before anything is written.
import { Alert, Descriptions, Table, Tabs, Tag, Typography } from 'antd';
import type { ImportIssue, ImportPreview, ProbableDuplicate, RowChange } from '@shared/import/types';

const ACTION: Record<RowChange['action'], { label: string; color: string }> = {
  add: { label: '新增', color: 'green' },
  change: { label: '修改', color: 'orange' },
  unchanged: { label: '不变', color: 'default' },
};

export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const s = preview.summary;
  const issueCols = [
    { title: '工作表', dataIndex: 'sheet', width: 110 },
    { title: '行', dataIndex: 'row', width: 60 },
    {
      title: '列',
      key: 'col',
      width: 120,
      render: (_: unknown, i: ImportIssue) => (i.column ? `${i.column}（${i.header}）` : i.header),
    },
    { title: '填写内容', dataIndex: 'value', width: 140, ellipsis: true },
    { title: '问题', dataIndex: 'problem' },
  ];
  const changeCols = [
    { title: '人员编号', dataIndex: 'personNo', width: 100 },
    { title: '姓名', dataIndex: 'name', width: 90 },
    {
      title: '变化',
      key: 'action',
      width: 70,
      render: (_: unknown, c: RowChange) => <Tag color={ACTION[c.action].color}>{ACTION[c.action].label}</Tag>,
    },
    { title: '内容', dataIndex: 'subject', width: 150 },
    {
      title: '明细',
      key: 'fields',
      render: (_: unknown, c: RowChange) =>
        c.fields.length ? (
          <span>
            {c.fields.map((f, k) => (
              <div key={k}>
                {f.field}：{f.before ? <Typography.Text delete>{f.before.slice(0, 40)}</Typography.Text> : null}
                {f.before ? ' → ' : ''}
                {f.after.slice(0, 60) || '（空）'}
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
          message={`该文件已于 ${preview.alreadyImportedAt.slice(0, 16).replace('T', ' ')} 导入，没有新的变化。`}
        />
      )}
      {preview.capWarnings.length > 0 && (
        <Alert
          type={preview.capBlocks ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="import-cap-warning"
          message={
            preview.capBlocks
              ? '按此文件导入，“好”等次将超过比例上限；本年度设置为超出上限禁止保存，导入将被拒绝'
              : '按此文件导入，“好”等次将超过比例上限（本年度设置为提醒，仍可导入）'
          }
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
          message={`模板：${preview.template.unitName}${preview.template.periodCode ? ` · ${preview.template.periodCode}` : ''}（第 ${preview.template.version} 版）`}
        />
      )}
      {preview.duplicates?.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="import-duplicates"
          message={`${preview.duplicates.length} 行可能是名册中已有人员的重复记录（姓名、性别、出生年月相同，人员编号不同）`}
          description={
            <>
              <Table<ProbableDuplicate>
                size="small"
                rowKey={(d) => `${d.sheet}/${d.row}/${d.otherPersonNo}`}
                pagination={false}
                dataSource={preview.duplicates.slice(0, 20)}
                columns={[
                  { title: '行', dataIndex: 'row', width: 50 },
                  { title: '人员编号', dataIndex: 'personNo', width: 90 },
                  { title: '姓名', dataIndex: 'name', width: 80 },
                  {
                    title: '疑似同一人',
                    key: 'other',
                    render: (_: unknown, d) => `${d.otherName}（${d.otherPersonNo}，${d.otherWhere}）`,
                  },
                ]}
              />
              <Typography.Text type="secondary">
                如是同一人，请改用原人员编号后重新导入；导入后也可在人员名册的“疑似重复”中合并，或确认不是同一人。
              </Typography.Text>
            </>
          }
        />
      ) : null}
      <Descriptions size="small" column={4} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="文件">{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label="工作表">{preview.sheets.join('、')}</Descriptions.Item>
        <Descriptions.Item label="有数据的行">{s.dataRows}</Descriptions.Item>
        <Descriptions.Item label="涉及人员">{s.people}</Descriptions.Item>
        <Descriptions.Item label="新增">{s.add}</Descriptions.Item>
        <Descriptions.Item label="修改">{s.change}</Descriptions.Item>
        <Descriptions.Item label="不变">{s.unchanged}</Descriptions.Item>
        <Descriptions.Item label="有错误的行">
          <Typography.Text type={s.errorRows ? 'danger' : undefined}>{s.errorRows}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        defaultActiveKey={preview.issueTotal ? 'issues' : 'changes'}
        items={[
          {
            key: 'issues',
            label: `错误（${preview.issueTotal}）`,
            children: (
              <>
                {preview.issueTotal > preview.issues.length && (
                  <Alert
                    type="warning"
                    message={`共 ${preview.issueTotal} 处错误，这里列出前 ${preview.issues.length} 处；完整清单请导出错误报告。`}
                    style={{ marginBottom: 8 }}
                  />
                )}
                <Table<ImportIssue>
                  size="small"
                  rowKey={(i) => `${i.sheet}/${i.row}/${i.column}/${i.problem}`}
                  columns={issueCols}
                  dataSource={preview.issues}
                  pagination={{ pageSize: 8, showSizeChanger: false }}
                  locale={{ emptyText: '没有发现错误' }}
                  data-testid="import-issues"
                />
              </>
            ),
          },
          {
            key: 'changes',
            label: `变化（${preview.changeTotal}）`,
            children: (
              <Table<RowChange>
                size="small"
                rowKey={(c) => `${c.sheet}/${c.row}`}
                columns={changeCols}
                dataSource={preview.changes}
                pagination={{ pageSize: 8, showSizeChanger: false }}
                locale={{ emptyText: '没有可导入的行' }}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
