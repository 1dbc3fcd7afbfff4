// 年终考核工作台: every person of the current year with ratings, flags, suggestion and trace; the final
// result per person under the quota meters; bulk accept; the stage bar, notice and objections; redress.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Checkbox, Empty, Flex, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { ImportButton } from '../../components/import/ImportButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction, useQuery } from '../../hooks/useApi';
import { call, ApiError } from '../../api/client';
import { useCurrentYear } from '../../state/current-year';
import { StageBar } from './StageBar';
import { QuotaMeters } from './QuotaMeters';
import { GradeCharts } from './GradeCharts';
import { WorkbenchTable } from './WorkbenchTable';
import { DecideDialog, needsDialog, type DecideRequest } from './DecideDialog';
import { NoticePanel } from './NoticePanel';
import { RedressPanel } from './RedressPanel';
import { SignoffPanel } from './SignoffPanel';
import { DiffPanel } from './DiffPanel';
import { CandidatesPanel } from './CandidatesPanel';
import { RollupPanel } from './RollupPanel';
import { usePermissions } from '../../components/auth/usePermissions';
import { splitChoice, type Choice, type RowDto } from './types';
import { useDomainLabels, useT } from '../../i18n/language';
import { PersonOrderSelect, usePersonOrder } from '../../components/PersonOrderSelect';
import { ExportTableButton } from '../../components/import/ExportTableButton';
import { workbenchTable } from './workbench-export';

interface Filters {
  departmentId: string | null;
  flag: string | null;
  differs: boolean;
  undecided: boolean;
  search: string;
}

/** The current year from the shell; until the years capability provides one, the first year-end year. */
function useYearId(): string | null {
  const { year } = useCurrentYear();
  // the shell's year picker shows the stage too; it is reloaded after each stage change
  const years = useQuery('yearend.years', year ? null : {});
  return year?.id ?? years.data?.[0]?.id ?? null;
}

export function YearEndPage() {
  const yearId = useYearId();
  const currentYear = useCurrentYear();
  const { message } = App.useApp();
  const t = useT();
  const labels = useDomainLabels();
  const act = useAction();
  const [personOrder, setPersonOrder] = usePersonOrder('workbench');
  const [filters, setFilters] = useState<Filters>({
    departmentId: null,
    flag: null,
    differs: false,
    undecided: false,
    search: '',
  });
  const [page, setPage] = useState({ page: 1, size: 50 });
  const [version, setVersion] = useState(0);
  const [request, setRequest] = useState<DecideRequest | null>(null);
  const [comparing, setComparing] = useState(false);
  const input = useMemo(
    () =>
      yearId
        ? {
            yearId,
            ...filters,
            personOrder,
            snapshotChanged: false,
            offset: (page.page - 1) * page.size,
            limit: page.size,
          }
        : null,
    [yearId, filters, personOrder, page],
  );
  const wb = useQuery('yearend.workbench', input);
  // 民主测评 is a step of the year only when its settings switch it on: no tally import otherwise
  const appraisal = useQuery('years.get', yearId ? { yearId } : null).data?.settings.democraticAppraisal === true;
  const { reload } = wb;
  const refresh = useCallback(() => {
    reload();
    setVersion((v) => v + 1);
  }, [reload]);
  useEffect(() => setPage((p) => ({ ...p, page: 1 })), [filters]);
  const data = wb.data;
  const state = data?.state;
  // Only the committee's clerk (yearend.decide) is offered decisions and stage moves; others read.
  const canDecide = usePermissions().can('yearend.decide');
  const editable = canDecide && (state?.stage === 'review' || state?.stage === 'notice');

  const choose = async (row: RowDto, choice: Choice) => {
    const unit = data?.units.find((u) => u.key === row.quotaUnitKey);
    const req = { row, choice, unit };
    if (needsDialog(req)) return setRequest(req);
    try {
      await call('yearend.decide', {
        yearId: yearId!,
        personId: row.person.id,
        ...splitChoice(choice),
        reason: '',
        approvalDocNo: '',
      });
      refresh();
    } catch (e) {
      // the grade guard in main is the authority: a quota refusal opens the approval dialog; a rule
      // refusal (the records changed since this page loaded) is shown and the rows re-read, so the
      // select offers only what the rules now allow
      if (e instanceof ApiError && (e.error.code === 'QUOTA' || e.error.code === 'INVALID_INPUT')) setRequest(req);
      else if (e instanceof ApiError && e.error.code === 'RULE') {
        void message.error({ content: e.message, duration: 10 });
        refresh();
      } else void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const bulk = async () => {
    const r = await act('yearend.bulkAccept', { yearId: yearId!, departmentId: filters.departmentId });
    if (r) {
      void message.info({
        content:
          t('wb.bulkDone', { n: r.accepted }) +
          (r.skipped.length
            ? t('wb.bulkSkipped', {
                n: r.skipped.length,
                who:
                  r.skipped
                    .slice(0, 5)
                    .map((s) => t('wb.bulkSkippedOne', { name: s.name, reason: s.reason }))
                    .join(t('grid.problemSep')) + (r.skipped.length > 5 ? '…' : ''),
              })
            : ''),
        duration: 8,
      });
      refresh();
    }
  };

  if (!yearId) {
    return (
      <>
        <PageHeader title={t('wb.title')} />
        <Empty description={t('wb.noYear')} />
      </>
    );
  }
  const deptName = data?.departments.find((d) => d.id === filters.departmentId)?.name;
  return (
    <>
      <PageHeader
        title={state ? t('wb.titleOf', { unit: state.unitName, year: state.year }) : t('wb.title')}
        subtitle={
          state
            ? t('wb.subtitle', {
                people: state.counts.people,
                decided: state.counts.decided,
                undecided: state.counts.undecided,
                differs: state.counts.differs,
                mode: t(state.suggestionMode === 'points' ? 'wb.mode.points' : 'wb.mode.rules'),
              })
            : t('wb.subtitleEmpty')
        }
        extra={
          // 民主测评 votes, offered only while the year has the step and results are still open
          state && appraisal && state.stage !== 'final' && state.stage !== 'archived' ? (
            <ImportButton kind="tally" onApplied={refresh} />
          ) : null
        }
      />
      <ErrorAlert error={wb.error} onRetry={reload} />
      {state ? (
        <StageBar
          state={canDecide ? state : { ...state, transitions: [] }}
          onChanged={() => {
            refresh();
            currentYear.reload();
          }}
        />
      ) : null}
      {data ? <QuotaMeters units={data.units} /> : null}
      {yearId ? <CandidatesPanel yearId={yearId} open={comparing} onClose={() => setComparing(false)} /> : null}
      {data ? <GradeCharts yearId={yearId} units={data.units} /> : null}
      {state && state.stage !== 'collecting' ? <DiffPanel yearId={yearId} version={version} /> : null}
      {state && (state.stage === 'notice' || state.noticeStart) ? (
        <NoticePanel state={state} onChanged={refresh} />
      ) : null}
      {state && (state.stage === 'final' || state.stage === 'archived') ? (
        <SignoffPanel state={state} departments={data?.departments ?? []} />
      ) : null}
      {state && (state.stage === 'final' || state.stage === 'archived') ? (
        <RedressPanel state={state} onChanged={refresh} />
      ) : null}
      {state ? <RollupPanel year={state.year} /> : null}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={t('wb.allDepartments')}
          style={{ width: 180 }}
          value={filters.departmentId ?? undefined}
          onChange={(v) => setFilters((f) => ({ ...f, departmentId: v ?? null }))}
          options={(data?.departments ?? []).map((d) => ({
            value: d.id,
            label: t('wb.optionCount', { name: d.name, n: d.people }),
          }))}
          data-testid="filter-department"
        />
        <Select
          allowClear
          placeholder={t('wb.allFlags')}
          style={{ width: 160 }}
          value={filters.flag ?? undefined}
          onChange={(v) => setFilters((f) => ({ ...f, flag: v ?? null }))}
          options={(data?.flags ?? []).map((x) => ({
            value: x.flag,
            label: t('wb.optionCount', { name: labels.flag(x.flag), n: x.count }),
          }))}
          data-testid="filter-flag"
        />
        <span data-testid="filter-differs">
          <Checkbox
            checked={filters.differs}
            onChange={(e) => setFilters((f) => ({ ...f, differs: e.target.checked }))}
          >
            {t('wb.differs')}
          </Checkbox>
        </span>
        <span data-testid="filter-undecided">
          <Checkbox
            checked={filters.undecided}
            onChange={(e) => setFilters((f) => ({ ...f, undecided: e.target.checked }))}
          >
            {t('wb.undecidedFilter')}
          </Checkbox>
        </span>
        <Input.Search
          allowClear
          placeholder={t('wb.searchPlaceholder')}
          style={{ width: 180 }}
          onSearch={(v) => setFilters((f) => ({ ...f, search: v }))}
        />
        <Button onClick={() => setComparing(true)} data-testid="open-candidates">
          {t('wb.compare')}
        </Button>
        <PersonOrderSelect value={personOrder} onChange={setPersonOrder} />
        <ExportTableButton
          title={t('wb.exportTitle', { unit: state?.unitName ?? '', year: state?.year ?? '' })}
          fileName={t('wb.exportFile', { year: state?.year ?? '' })}
          table={() => workbenchTable({ yearId, ...filters, personOrder, snapshotChanged: false }, t, labels.rating)}
        />
        <Space style={{ marginLeft: 'auto', display: canDecide ? undefined : 'none' }}>
          <Popconfirm
            title={t('wb.bulkConfirm', {
              scope: deptName ? t('wb.bulkScopeDept', { name: deptName }) : t('wb.bulkScopeAll'),
            })}
            description={t('wb.bulkConfirmDetail')}
            onConfirm={bulk}
            disabled={!editable}
          >
            <Button disabled={!editable} data-testid="bulk-accept">
              {deptName ? t('wb.bulkDept', { name: deptName }) : t('wb.bulk')}
            </Button>
          </Popconfirm>
        </Space>
      </Flex>
      {canDecide && !editable && state?.stage === 'collecting' ? (
        <Typography.Paragraph type="secondary">{t('wb.collectingHint')}</Typography.Paragraph>
      ) : null}
      <WorkbenchTable
        yearId={yearId}
        rows={data?.rows ?? []}
        periods={data?.periods ?? []}
        total={data?.total ?? 0}
        page={page.page}
        pageSize={page.size}
        loading={wb.loading}
        editable={editable}
        onPage={(p, size) => setPage({ page: p, size })}
        onChoose={choose}
      />
      <DecideDialog
        req={request}
        yearId={yearId}
        onClose={() => setRequest(null)}
        onSaved={() => {
          setRequest(null);
          refresh();
        }}
      />
    </>
  );
}
