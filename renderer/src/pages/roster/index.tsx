// 人员名册: the unit tree on the left, the people of the chosen unit one page at a time (filtered,
// sorted and paged by the store), search and filters above it, a drawer to create or edit, dialogs
// for the dated actions, spreadsheet import; 导出名册 writes the whole list to a file.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Empty, Flex, Input, Segmented, Select, Typography } from 'antd';
import type { PersonDto } from '@shared/domain/records';
import type { PersonCategory } from '@shared/domain/types';
import { roleHas } from '@shared/auth/permissions';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportButton } from '../../components/import/ImportButton';
import { ExportRosterButton } from '../../components/import/ExportRosterButton';
import { TemplateButton } from '../../components/import/TemplateButton';
import { useQuery } from '../../hooks/useApi';
import { useAuth } from '../../components/auth/auth-context';
import { UnitTree } from './UnitTree';
import { PeopleTable, type RosterSort } from './PeopleTable';
import { PersonDrawer } from './PersonDrawer';
import { PersonDialog, type PersonAction } from './PersonDialogs';
import { useAvailableHeight } from './useAvailableHeight';
import { DuplicatesButton } from './DuplicatesButton';
import { PersonOrderSelect, usePersonOrder } from '../../components/PersonOrderSelect';
import { useDomainLabels, useT } from '../../i18n/language';

type StatusFilter = 'active' | 'left' | 'all';

/** Typing fires one query after a short pause, not one per keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function RosterPage() {
  const t = useT();
  const labels = useDomainLabels();
  const auth = useAuth();
  const operator = auth?.status.operator ?? null;
  const canWrite = operator ? roleHas(operator.role, 'roster.write') : true;
  // units are the office's set-up: an operator restricted to some departments does not change them
  const canEditUnits =
    canWrite &&
    (!operator || operator.role === 'system' || operator.role === 'admin' || operator.unitScope.length === 0);

  const [unitId, setUnitId] = useState<string | null>(null);
  const [category, setCategory] = useState<PersonCategory | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 200);
  // 人员编号 keeps the tree order (department, then 人员编号); 姓氏笔画 is the store's stroke order
  const [personOrder, setPersonOrder] = usePersonOrder('roster');
  // a column header clicked sorts by that column instead (in the store, over the whole list)
  const [sort, setSort] = useState<RosterSort | null>(null);
  // A new filter or sort starts again on the first page (the page is kept with the filter it was turned under).
  const filterKey = JSON.stringify([unitId, category, status, search, sort, personOrder]);
  const [turned, setTurned] = useState({ page: 1, pageSize: 100, filterKey });
  const paging = { page: turned.filterKey === filterKey ? turned.page : 1, pageSize: turned.pageSize };

  const units = useQuery('units.tree', {});
  const people = useQuery('roster.list', {
    ...(unitId ? { unitId } : {}),
    ...(category ? { category } : {}),
    status,
    ...(search ? { search } : {}),
    ...(sort ? { sort: sort.field, order: sort.order } : { sort: personOrder === 'strokes' ? 'strokes' : 'unit' }),
    offset: (paging.page - 1) * paging.pageSize,
    limit: paging.pageSize,
  });
  // bumped on every change, so the probable-duplicates count is read again
  const [rosterVersion, setRosterVersion] = useState(0);
  const reload = useCallback(() => {
    units.reload();
    people.reload();
    setRosterVersion((v) => v + 1);
  }, [units, people]);

  const [drawer, setDrawer] = useState<{ person: PersonDto | null } | null>(null);
  const [dialog, setDialog] = useState<{ person: PersonDto; action: PersonAction } | null>(null);
  const onEdit = useCallback((p: PersonDto) => setDrawer({ person: p }), []);
  const onAction = useCallback((p: PersonDto, action: PersonAction) => setDialog({ person: p, action }), []);

  const tableRef = useRef<HTMLDivElement>(null);
  const height = useAvailableHeight(tableRef, 64);

  const unitList = useMemo(() => units.data?.units ?? [], [units.data]);
  const totalActive = useMemo(() => unitList.reduce((s, u) => s + u.activeCount, 0), [unitList]);
  const nobody = !units.loading && !people.loading && totalActive === 0 && unitList.every((u) => u.leftCount === 0);
  const rows = people.data?.rows ?? [];
  // the department template is for the selected unit, or the first agency when none is selected
  const templateUnit = unitList.find((u) => u.id === unitId) ?? unitList.find((u) => u.kind === 'agency') ?? null;
  const filtered = !!(unitId || category || search || status !== 'active');

  return (
    <>
      <PageHeader
        title={t('roster.title')}
        subtitle={
          units.data
            ? t('roster.subtitle', {
                n: totalActive,
                depts: unitList.filter((u) => u.kind === 'department').length,
              })
            : t('roster.subtitleEmpty')
        }
        extra={
          <>
            <DuplicatesButton canWrite={canWrite} version={rosterVersion} onChanged={reload} />
            {templateUnit ? (
              <TemplateButton kind="roster" unitId={templateUnit.id} nameHint={templateUnit.name} />
            ) : null}
            <ImportButton kind="roster" onApplied={reload} />
            {unitList.length > 0 ? (
              <ExportRosterButton {...(unitId ? { unitId } : {})} includeLeft={status !== 'active'} />
            ) : null}
            {canWrite ? (
              <Button type="primary" onClick={() => setDrawer({ person: null })} disabled={unitList.length === 0}>
                {t('roster.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={units.error ?? people.error} onRetry={reload} />
      {nobody ? (
        <Flex gap={16} align="stretch">
          <UnitTree
            units={unitList}
            selected={unitId}
            onSelect={setUnitId}
            onChanged={reload}
            canWrite={canEditUnits}
          />
          <Flex
            flex={1}
            justify="center"
            align="center"
            style={{ minHeight: 360, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 4 }}
          >
            <Empty
              description={
                <>
                  <Typography.Title level={5} style={{ marginBottom: 4 }}>
                    {t('roster.nobody')}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {unitList.length === 0 ? t('roster.nobodyNoUnits') : t('roster.nobodyHint')}
                  </Typography.Text>
                </>
              }
            >
              <Flex gap={8} justify="center">
                <ImportButton kind="roster" onApplied={reload} />
                {canWrite && unitList.length > 0 ? (
                  <Button type="primary" onClick={() => setDrawer({ person: null })}>
                    {t('roster.add')}
                  </Button>
                ) : null}
              </Flex>
            </Empty>
          </Flex>
        </Flex>
      ) : (
        <Flex gap={16} align="flex-start">
          <div style={{ display: 'flex', height: height + 48, minHeight: 300 }}>
            <UnitTree
              units={unitList}
              selected={unitId}
              onSelect={setUnitId}
              onChanged={reload}
              canWrite={canEditUnits}
            />
          </div>
          <Flex vertical flex={1} style={{ minWidth: 0 }} gap={12}>
            <Flex gap={8} wrap align="center">
              <Input.Search
                allowClear
                placeholder={t('roster.search')}
                style={{ width: 280 }}
                value={searchText}
                onChange={(e) => setSearchText(e.target.value)}
                aria-label={t('roster.searchAria')}
                maxLength={60}
              />
              <Select<PersonCategory>
                allowClear
                placeholder={t('roster.category')}
                style={{ width: 130 }}
                value={category}
                onChange={(v) => setCategory(v)}
                options={(Object.keys(labels.category) as PersonCategory[]).map((k) => ({
                  value: k,
                  label: labels.category[k],
                }))}
              />
              <Segmented<StatusFilter>
                value={status}
                onChange={setStatus}
                options={[
                  { value: 'active', label: t('roster.status.active') },
                  { value: 'left', label: t('roster.status.left') },
                  { value: 'all', label: t('roster.status.all') },
                ]}
              />
              <PersonOrderSelect
                value={personOrder}
                onChange={(v) => {
                  setSort(null); // the chosen order replaces a column's sort
                  setPersonOrder(v);
                }}
              />
              <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
                {people.data ? t(filtered ? 'roster.countFiltered' : 'roster.countAll', { n: people.data.total }) : ''}
              </Typography.Text>
            </Flex>
            <div ref={tableRef}>
              <PeopleTable
                rows={rows}
                total={people.data?.total ?? 0}
                page={paging.page}
                pageSize={paging.pageSize}
                sort={sort}
                onPage={(page, pageSize) =>
                  setTurned({ page: pageSize === paging.pageSize ? page : 1, pageSize, filterKey })
                }
                onSort={setSort}
                loading={people.loading}
                height={height - 40}
                canWrite={canWrite}
                onEdit={onEdit}
                onAction={onAction}
              />
            </div>
          </Flex>
        </Flex>
      )}
      <PersonDrawer
        open={drawer !== null}
        person={drawer?.person ?? null}
        units={unitList}
        defaultUnitId={unitList.find((u) => u.id === unitId)?.kind === 'department' ? unitId : null}
        onClose={() => {
          setDrawer(null);
          reload();
        }}
        onSaved={() => {
          setDrawer(null);
          reload();
        }}
      />
      {dialog ? (
        <PersonDialog
          action={dialog.action}
          person={dialog.person}
          units={unitList}
          onClose={() => setDialog(null)}
          onDone={reload}
        />
      ) : null}
    </>
  );
}
