// 事件记录: the year's evidence — filter by kind, department, dates, status, name or 人员编号;
// record or edit through the kind's own form, void with a reason, open a person's timeline.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Input, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EvidenceFilter, EvidenceView } from '@shared/api/evidence';
import { evidenceKind, type EvidenceKind } from '@shared/domain/types';
import { roleHas } from '@shared/auth/permissions';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportButton } from '../../components/import/ImportButton';
import { PersonTimeline } from '../../components/PersonTimeline';
import { useAuth } from '../../components/auth/auth-context';
import { useQuery } from '../../hooks/useApi';
import { useCurrentYear } from '../../state/current-year';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidenceTable } from './EvidenceTable';
import { ExportTableButton } from '../../components/import/ExportTableButton';
import { evidenceFacts } from '../../components/PersonTimeline';
import { call } from '../../api/client';
import { VoidDialog } from './VoidDialog';
import { useDomainLabels, useT } from '../../i18n/language';

type Status = 'all' | 'active' | 'voided';

interface UnitLite {
  id: string;
  parentId: string | null;
  kind: 'agency' | 'department';
  name: string;
}

/** Departments of the year's agency (at any depth); all departments when no year is known. */
function departmentsUnder(units: UnitLite[], agencyId: string | null): UnitLite[] {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const under = (id: string) => {
    for (let p = parent.get(id) ?? null, guard = 0; p && guard < 50; p = parent.get(p) ?? null, guard++)
      if (p === agencyId) return true;
    return false;
  };
  return units.filter((u) => u.kind === 'department' && (agencyId === null || under(u.id)));
}

export function EvidencePage() {
  const { message } = App.useApp();
  const t = useT();
  const labels = useDomainLabels();
  const { year } = useCurrentYear();
  const auth = useAuth();
  const role = auth?.status.operator?.role;
  // After 定档 the year's events are kept as decided (main refuses any change, see
  // electron/core/evidence/year-lock.ts): record, edit, void and import are not offered then.
  const yearLocked = year?.stage === 'final' || year?.stage === 'archived';
  const canWrite = (role ? roleHas(role, 'evidence.write') : true) && !yearLocked;
  const lookups = useQuery('evidence.lookups', {});
  // Until the years capability provides a current year, fall back to the newest one in the store.
  const fallback = lookups.data?.years[0] ?? null;
  const yearId = year?.id ?? fallback?.id ?? null;
  const yearNo = year?.year ?? fallback?.year ?? null;

  const [kind, setKind] = useState<EvidenceKind | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [status, setStatus] = useState<Status>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const filter = useMemo<EvidenceFilter>(
    () => ({
      ...(yearNo !== null ? { year: yearNo } : {}),
      ...(kind ? { kind } : {}),
      ...(unitId ? { unitId } : {}),
      ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
      ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
      status,
      ...(search.trim() ? { search: search.trim() } : {}),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    [yearNo, kind, unitId, range, status, search, page, pageSize],
  );
  const list = useQuery('evidence.list', lookups.data ? filter : null);

  const [editing, setEditing] = useState<EvidenceView | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [voiding, setVoiding] = useState<EvidenceView | null>(null);
  const [timelineOf, setTimelineOf] = useState<string | null>(null);

  const agencyId = year?.unitId ?? fallback?.unitId ?? null;
  const departments = useMemo(() => departmentsUnder(lookups.data?.units ?? [], agencyId), [lookups.data, agencyId]);
  const reset = (fn: () => void) => {
    fn();
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('ev.title')}
        subtitle={yearNo !== null ? t('ev.subtitleYear', { year: yearNo }) : t('ev.subtitle')}
        extra={
          <>
            {yearLocked ? null : <ImportButton kind="evidence" yearId={yearId ?? undefined} onApplied={list.reload} />}
            <ExportTableButton
              title={yearNo !== null ? t('ev.exportTitleYear', { year: yearNo }) : t('ev.title')}
              fileName={yearNo !== null ? t('ev.exportFileYear', { year: yearNo }) : t('ev.title')}
              table={async () => {
                // Every page of the list under the same filter, in the list's order.
                const items = [];
                for (let offset = 0; ; offset += 1000) {
                  const part = await call('evidence.list', { ...filter, offset, limit: 1000 });
                  items.push(...part.items);
                  if (part.items.length === 0 || items.length >= part.total) break;
                }
                return {
                  columns: [
                    t('ev.col.date'),
                    t('ev.col.name'),
                    t('ev.col.personNo'),
                    t('ev.col.department'),
                    t('ev.col.kind'),
                    t('ev.col.subKind'),
                    t('ev.col.facts'),
                    t('ev.col.docNo'),
                    t('ev.col.description'),
                    t('ev.col.status'),
                  ],
                  rows: items.map((r) => [
                    r.date,
                    r.personName,
                    r.personNo,
                    r.unitName,
                    labels.evidenceKind[r.kind],
                    r.subKind,
                    evidenceFacts(r, t, false).join(t('ev.factSep')),
                    r.docNo,
                    r.description,
                    r.status === 'voided' ? t('ev.status.voided') : t('ev.status.active'),
                  ]),
                };
              }}
            />
            {canWrite ? (
              <Button
                type="primary"
                onClick={() => {
                  setEditing(null);
                  setDrawerOpen(true);
                }}
              >
                {t('ev.record')}
              </Button>
            ) : null}
          </>
        }
      />
      {yearLocked ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="evidence-locked"
          message={t('ev.locked', { year: year.year })}
        />
      ) : null}
      <ErrorAlert
        error={lookups.error ?? list.error}
        onRetry={() => (lookups.error ? lookups.reload() : list.reload())}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Select
            allowClear
            aria-label={t('ev.filterKind')}
            placeholder={t('ev.allKinds')}
            style={{ width: 140 }}
            value={kind}
            onChange={(v: EvidenceKind | undefined) => reset(() => setKind(v))}
            options={evidenceKind.options.map((k) => ({ value: k, label: labels.evidenceKind[k] }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('ev.filterDept')}
            placeholder={t('ev.allDepartments')}
            style={{ width: 160 }}
            value={unitId}
            onChange={(v: string | undefined) => reset(() => setUnitId(v))}
            options={departments.map((u) => ({ value: u.id, label: u.name }))}
          />
          <DatePicker.RangePicker
            aria-label={t('ev.filterDates')}
            value={range}
            onChange={(v) => reset(() => setRange(v))}
            placeholder={[t('ev.from'), t('ev.to')]}
            allowEmpty={[true, true]}
          />
          <Segmented<Status>
            value={status}
            onChange={(v) => reset(() => setStatus(v))}
            options={[
              { value: 'all', label: t('ev.status.all') },
              { value: 'active', label: t('ev.status.active') },
              { value: 'voided', label: t('ev.status.voided') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('ev.search')}
            aria-label={t('ev.searchAria')}
            style={{ width: 200 }}
            onSearch={(v) => reset(() => setSearch(v))}
          />
        </Flex>
      </Card>
      <EvidenceTable
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.loading}
        page={page}
        pageSize={pageSize}
        canWrite={canWrite}
        onPage={(p, s) => {
          setPage(s === pageSize ? p : 1);
          setPageSize(s);
        }}
        onPerson={(r) => setTimelineOf(r.personId)}
        onEdit={(r) => {
          setEditing(r);
          setDrawerOpen(true);
        }}
        onVoid={setVoiding}
      />
      <EvidenceDrawer
        open={drawerOpen}
        item={editing}
        yearId={yearId}
        year={yearNo}
        onClose={() => setDrawerOpen(false)}
        onSaved={(v) => {
          setDrawerOpen(false);
          void message.success(
            editing ? t('ev.savedEdit') : t('ev.recorded', { name: v.personName, subKind: v.subKind }),
          );
          list.reload();
        }}
      />
      <VoidDialog
        item={voiding}
        onClose={() => setVoiding(null)}
        onVoided={(v) => {
          setVoiding(null);
          void message.success(t('ev.voided', { name: v.personName, subKind: v.subKind }));
          list.reload();
        }}
      />
      <PersonTimeline
        personId={timelineOf}
        year={yearNo ?? new Date().getFullYear()}
        onClose={() => setTimelineOf(null)}
      />
    </>
  );
}
