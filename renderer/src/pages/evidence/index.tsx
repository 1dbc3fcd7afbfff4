// 事件记录: the year's evidence — filter by kind, department, dates, status, name or 人员编号;
// record or edit through the kind's own form, void with a reason, open a person's timeline.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Input, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EvidenceFilter, EvidenceView } from '@shared/api/evidence';
import { evidenceKind, type EvidenceKind } from '@shared/domain/types';
import { EVIDENCE_KIND_LABEL } from '@shared/domain/labels';
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
        title="事件记录"
        subtitle={
          yearNo !== null
            ? `${yearNo} 年度的奖惩、请假、调动、立案审查等事件；作废的记录保留并以删除线显示`
            : '记录奖惩、请假、调动、立案审查等事件'
        }
        extra={
          <>
            {yearLocked ? null : <ImportButton kind="evidence" yearId={yearId ?? undefined} onApplied={list.reload} />}
            <ExportTableButton
              title={yearNo !== null ? `事件记录 ${yearNo} 年度` : '事件记录'}
              fileName={yearNo !== null ? `事件记录-${yearNo}` : '事件记录'}
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
                    '日期',
                    '姓名',
                    '人员编号',
                    '部门',
                    '类别',
                    '细类',
                    '期间 / 天数 / 要点',
                    '文号',
                    '说明',
                    '状态',
                  ],
                  rows: items.map((r) => [
                    r.date,
                    r.personName,
                    r.personNo,
                    r.unitName,
                    EVIDENCE_KIND_LABEL[r.kind],
                    r.subKind,
                    evidenceFacts(r)
                      .filter((f) => !f.startsWith('文号'))
                      .join('；'),
                    r.docNo,
                    r.description,
                    r.status === 'voided' ? '已作废' : '有效',
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
                记录事件
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
          message={`${year.year} 年度考核已定档，该年度的事件只能查看；如确需更正，请通过复核或申诉程序办理。`}
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
            aria-label="按类别筛选"
            placeholder="全部类别"
            style={{ width: 140 }}
            value={kind}
            onChange={(v: EvidenceKind | undefined) => reset(() => setKind(v))}
            options={evidenceKind.options.map((k) => ({ value: k, label: EVIDENCE_KIND_LABEL[k] }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="按部门筛选"
            placeholder="全部部门"
            style={{ width: 160 }}
            value={unitId}
            onChange={(v: string | undefined) => reset(() => setUnitId(v))}
            options={departments.map((u) => ({ value: u.id, label: u.name }))}
          />
          <DatePicker.RangePicker
            aria-label="按日期筛选"
            value={range}
            onChange={(v) => reset(() => setRange(v))}
            placeholder={['开始日期', '结束日期']}
            allowEmpty={[true, true]}
          />
          <Segmented<Status>
            value={status}
            onChange={(v) => reset(() => setStatus(v))}
            options={[
              { value: 'all', label: '全部' },
              { value: 'active', label: '有效' },
              { value: 'voided', label: '已作废' },
            ]}
          />
          <Input.Search
            allowClear
            placeholder="姓名或人员编号"
            aria-label="搜索姓名或人员编号"
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
          void message.success(editing ? '已保存修改' : `已记录：${v.personName} · ${v.subKind}`);
          list.reload();
        }}
      />
      <VoidDialog
        item={voiding}
        onClose={() => setVoiding(null)}
        onVoided={(v) => {
          setVoiding(null);
          void message.success(`已作废：${v.personName} · ${v.subKind}`);
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
