// One audit entry opened: the fields it changed, before and after, under their names in the UI language, with the
// row ids in the copies replaced by what they name (a unit, a person, a period). The raw copy stays in
// the Excel export, whose hash chain is what an inspector verifies.
import { Table, Typography } from 'antd';
import type { AuditEntryDto } from '@shared/api/trust';
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';
import { useAuditLabels } from './labels';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { content: v };
  } catch {
    return { content: json };
  }
}

function show(v: unknown, names: Record<string, string>, t: (key: MessageKey) => string): string {
  if (v === undefined) return '';
  if (v === null || v === '') return t('audit.empty');
  if (v === true) return t('audit.yes');
  if (v === false) return t('audit.no');
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.replace(UUID, (id) => names[id] ?? t('audit.internalId'));
}

interface Line {
  field: string;
  before: string;
  after: string;
}

export function EntryDetails({ entry, names }: { entry: AuditEntryDto; names: Record<string, string> }) {
  const t = useT();
  const labels = useAuditLabels();
  const before = parse(entry.before);
  const after = parse(entry.after);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const lines: Line[] = keys
    .filter((k) => k !== 'id' && (!before || !after || JSON.stringify(before[k]) !== JSON.stringify(after[k])))
    .map((k) => ({
      field: labels.field(k),
      before: show(before?.[k], names, t),
      after: show(after?.[k], names, t),
    }));
  return (
    <div style={{ maxWidth: 1000 }}>
      {lines.length ? (
        <Table<Line>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={lines}
          aria-label={t('audit.changesAria')}
          columns={[
            { title: t('audit.col.field'), dataIndex: 'field', width: 140 },
            ...(before ? [{ title: t('audit.col.before'), dataIndex: 'before' }] : []),
            ...(after ? [{ title: t('audit.col.after'), dataIndex: 'after' }] : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.noChange')}</Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('audit.hash', { hash: entry.hash })}
      </Typography.Paragraph>
    </div>
  );
}
