// 分管领导与部门类别: the year's supervising leaders with the departments each supervises, each
// department's class (机关/基层/事业), and how places are shared between pooled units. The quota card
// picks the pooling; this card holds what the `leader` and `class` poolings read.
import { useMemo } from 'react';
import { Button, Card, Input, Radio, Select, Space, Table, Typography } from 'antd';
import type { YearSettings } from '@shared/settings/year-settings';
import { useQuery } from '../../hooks/useApi';
import { useT } from '../../i18n/language';
import { Row } from './fields';

type Quota = YearSettings['quota'];
type DepartmentClass = Quota['departmentClasses'][number]['class'];

/** A leader id unique within the year: the quota unit's key, so it never changes once given. */
function nextLeaderId(leaders: Quota['leaders']): string {
  let n = leaders.length + 1;
  while (leaders.some((l) => l.id === `L${n}`)) n++;
  return `L${n}`;
}

export function PoolsCard({
  quota,
  agencyId,
  locked,
  set,
}: {
  quota: Quota;
  agencyId: string;
  locked: boolean;
  set(fn: (s: YearSettings) => void): void;
}) {
  const t = useT();
  const tree = useQuery('units.tree', {});
  // the agency's departments, at any depth, in the tree's order
  const departments = useMemo(() => {
    const all = tree.data?.units ?? [];
    const below = new Set([agencyId]);
    const out: { id: string; name: string }[] = [];
    for (const u of all)
      if (u.parentId && below.has(u.parentId)) {
        below.add(u.id);
        out.push({ id: u.id, name: u.name });
      }
    return out;
  }, [tree.data, agencyId]);
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  const classOf = new Map(quota.departmentClasses.map((c) => [c.departmentId, c.class]));
  const leaderOf = new Map(quota.leaders.flatMap((l) => l.departmentIds.map((d) => [d, l.id] as const)));
  const classes: { value: DepartmentClass; label: string }[] = [
    { value: 'organ', label: t('pools.class.organ') },
    { value: 'grassroots', label: t('pools.class.grassroots') },
    { value: 'institution', label: t('pools.class.institution') },
  ];
  const unassigned = departments.filter((d) => !leaderOf.has(d.id));

  return (
    <Card size="small" title={t('pools.title')} style={{ marginBottom: 12 }} data-testid="pools-card">
      <Row label={t('pools.sharing')}>
        <Radio.Group
          aria-label={t('pools.sharing')}
          disabled={locked}
          value={quota.sharing}
          onChange={(e) => set((s) => void (s.quota.sharing = e.target.value as Quota['sharing']))}
          options={[
            { value: 'per_unit', label: t('pools.sharing.perUnit') },
            { value: 'largest_remainder', label: t('pools.sharing.largestRemainder') },
          ]}
        />
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px 222px' }}>
        {t('pools.sharing.hint')}
      </Typography.Paragraph>
      <Typography.Text strong>{t('pools.leaders')}</Typography.Text>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        style={{ margin: '6px 0' }}
        dataSource={quota.leaders}
        locale={{ emptyText: t('pools.leaders.empty') }}
        columns={[
          {
            title: t('pools.leader.name'),
            width: 180,
            render: (_, l, i) => (
              <Input
                aria-label={t('pools.leader.name')}
                maxLength={50}
                disabled={locked}
                value={l.name}
                onChange={(e) => set((s) => void (s.quota.leaders[i]!.name = e.target.value))}
              />
            ),
          },
          {
            title: t('pools.leader.departments'),
            render: (_, l, i) => (
              <Select
                mode="multiple"
                aria-label={t('pools.leader.departments')}
                style={{ width: '100%' }}
                disabled={locked}
                value={l.departmentIds}
                // a department already under another leader is not offered here
                options={departments
                  .filter((d) => !leaderOf.has(d.id) || leaderOf.get(d.id) === l.id)
                  .map((d) => ({ value: d.id, label: d.name }))}
                onChange={(v: string[]) => set((s) => void (s.quota.leaders[i]!.departmentIds = v))}
              />
            ),
          },
          {
            title: '',
            width: 70,
            render: (_, _l, i) => (
              <Button
                size="small"
                danger
                disabled={locked}
                onClick={() => set((s) => void s.quota.leaders.splice(i, 1))}
              >
                {t('pools.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ display: 'flex', marginBottom: 12 }}>
        <Button
          size="small"
          disabled={locked}
          onClick={() =>
            set(
              (s) =>
                void s.quota.leaders.push({
                  id: nextLeaderId(s.quota.leaders),
                  name: t('pools.leader.new', { n: s.quota.leaders.length + 1 }),
                  departmentIds: [],
                }),
            )
          }
        >
          {t('pools.leader.add')}
        </Button>
        {unassigned.length && quota.leaders.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pools.unassigned', { names: unassigned.map((d) => d.name).join('、') })}
          </Typography.Text>
        ) : null}
      </Space>
      <Typography.Text strong>{t('pools.classes')}</Typography.Text>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        style={{ marginTop: 6 }}
        dataSource={departments}
        columns={[
          { title: t('pools.department'), render: (_, d) => nameOf.get(d.id) },
          {
            title: t('pools.class'),
            width: 160,
            render: (_, d) => (
              <Select
                aria-label={t('pools.classOf', { name: d.name })}
                style={{ width: 120 }}
                disabled={locked}
                value={classOf.get(d.id) ?? 'organ'}
                options={classes}
                onChange={(v: DepartmentClass) =>
                  set((s) => {
                    const rows = s.quota.departmentClasses.filter((c) => c.departmentId !== d.id);
                    // 机关 is the default: only the other classes are kept
                    if (v !== 'organ') rows.push({ departmentId: d.id, class: v });
                    s.quota.departmentClasses = rows;
                  })
                }
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
