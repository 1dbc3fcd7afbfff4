// One audit entry opened: the fields it changed, before and after, under their Chinese names, with the
// row ids in the copies replaced by what they name (a unit, a person, a period). The raw copy stays in
// the Excel export, whose hash chain is what an inspector verifies.
import { Table, Typography } from 'antd';
import type { AuditEntryDto } from '@shared/api/trust';
import { FIELD_LABELS } from './labels';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { 内容: v };
  } catch {
    return { 内容: json };
  }
}

function show(v: unknown, names: Record<string, string>): string {
  if (v === undefined) return '';
  if (v === null || v === '') return '（空）';
  if (v === true) return '是';
  if (v === false) return '否';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.replace(UUID, (id) => names[id] ?? '（内部编号）');
}

interface Line {
  field: string;
  before: string;
  after: string;
}

export function EntryDetails({ entry, names }: { entry: AuditEntryDto; names: Record<string, string> }) {
  const before = parse(entry.before);
  const after = parse(entry.after);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines: Line[] = keys
    .filter((k) => k !== 'id' && (!before || !after || JSON.stringify(before[k]) !== JSON.stringify(after[k])))
    .map((k) => ({ field: FIELD_LABELS[k] ?? k, before: show(before?.[k], names), after: show(after?.[k], names) }));
  return (
    <div style={{ maxWidth: 1000 }}>
      {lines.length ? (
        <Table<Line>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={lines}
          aria-label="修改内容"
          columns={[
            { title: '项目', dataIndex: 'field', width: 140 },
            ...(before ? [{ title: '修改前', dataIndex: 'before' }] : []),
            ...(after ? [{ title: '修改后', dataIndex: 'after' }] : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">此条记录没有字段变化。</Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        校验哈希：{entry.hash}
      </Typography.Paragraph>
    </div>
  );
}
