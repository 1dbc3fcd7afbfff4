// The eligibility rule table: each row can be switched on or off and its effect changed; the
// conditions themselves follow the national rules and are shown for reading.
import { Select, Switch, Table, Tag } from 'antd';
import type { EligibilityRule, EligibilityEffect } from '@shared/settings/year-settings';
import { useDomainLabels, useT } from '../../i18n/language';

/** The effects in the order offered; each one's name is the catalogue's `elig.effect.<effect>`. */
export const EFFECTS: readonly EligibilityEffect[] = [
  'not_assessed',
  'deferred',
  'forced_incompetent',
  'comments_only',
  'max_incompetent',
  'max_basic',
  'max_competent',
  'info',
];

export function EligibilityTable({
  rules,
  disabled,
  onChange,
}: {
  rules: EligibilityRule[];
  disabled: boolean;
  onChange(rules: EligibilityRule[]): void;
}) {
  const t = useT();
  const domain = useDomainLabels();
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
          title: t('elig.col.on'),
          width: 64,
          render: (_, r) => (
            <Switch
              size="small"
              aria-label={t('elig.onOf', { rule: r.label })}
              checked={r.enabled}
              disabled={disabled}
              onChange={(v) => patch(r.id, { enabled: v })}
            />
          ),
        },
        {
          title: t('elig.col.rule'),
          dataIndex: 'label',
          render: (v: string, r) => <span style={{ color: r.enabled ? undefined : '#999' }}>{v}</span>,
        },
        { title: t('elig.col.population'), width: 80, render: (_, r) => t(`elig.pop.${r.population}`) },
        {
          title: t('elig.col.event'),
          width: 220,
          render: (_, r) => (
            <>
              <Tag>{domain.evidenceKind[r.kind]}</Tag>
              {r.subKinds.join('、')}
            </>
          ),
        },
        {
          title: t('elig.col.effect'),
          width: 280,
          render: (_, r) => (
            <Select
              size="small"
              aria-label={t('elig.effectOf', { rule: r.label })}
              style={{ width: 260 }}
              value={r.effect}
              disabled={disabled}
              onChange={(v: EligibilityEffect) => patch(r.id, { effect: v })}
              options={EFFECTS.map((e) => ({ value: e, label: t(`elig.effect.${e}`) }))}
            />
          ),
        },
      ]}
    />
  );
}
