// The eligibility rule table: each row can be switched on or off and its effect changed; the
// conditions themselves follow the national rules and are shown for reading.
import { Select, Switch, Table, Tag } from 'antd';
import type { EligibilityRule, EligibilityEffect } from '@shared/settings/year-settings';
import { EVIDENCE_KIND_LABEL } from '@shared/domain/labels';

export const EFFECT_OPTIONS: { value: EligibilityEffect; label: string }[] = [
  { value: 'not_assessed', label: '不参加考核' },
  { value: 'deferred', label: '暂缓确定等次' },
  { value: 'forced_incompetent', label: '直接确定为不称职（不合格）' },
  { value: 'comments_only', label: '只写评语，不定等次' },
  { value: 'max_incompetent', label: '不得确定为基本称职（基本合格）及以上' },
  { value: 'max_basic', label: '不得确定为称职（合格）及以上' },
  { value: 'max_competent', label: '不得确定为优秀' },
  { value: 'info', label: '仅提示' },
];

const POPULATION: Record<EligibilityRule['population'], string> = { all: '全部', civil: '公务员', institution: '事业' };

export function EligibilityTable({
  rules,
  disabled,
  onChange,
}: {
  rules: EligibilityRule[];
  disabled: boolean;
  onChange(rules: EligibilityRule[]): void;
}) {
  const patch = (id: string, p: Partial<EligibilityRule>) =>
    onChange(rules.map((r) => (r.id === id ? { ...r, ...p } : r)));
  return (
    <Table<EligibilityRule>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rules}
      columns={[
        {
          title: '启用',
          width: 64,
          render: (_, r) => (
            <Switch
              size="small"
              aria-label={`启用：${r.label}`}
              checked={r.enabled}
              disabled={disabled}
              onChange={(v) => patch(r.id, { enabled: v })}
            />
          ),
        },
        {
          title: '规则',
          dataIndex: 'label',
          render: (v: string, r) => <span style={{ color: r.enabled ? undefined : '#999' }}>{v}</span>,
        },
        { title: '适用人员', width: 80, render: (_, r) => POPULATION[r.population] },
        {
          title: '事件',
          width: 220,
          render: (_, r) => (
            <>
              <Tag>{EVIDENCE_KIND_LABEL[r.kind]}</Tag>
              {r.subKinds.join('、')}
            </>
          ),
        },
        {
          title: '影响',
          width: 280,
          render: (_, r) => (
            <Select
              size="small"
              aria-label={`影响：${r.label}`}
              style={{ width: 260 }}
              value={r.effect}
              disabled={disabled}
              onChange={(v: EligibilityEffect) => patch(r.id, { effect: v })}
              options={EFFECT_OPTIONS}
            />
          ),
        },
      ]}
    />
  );
}
