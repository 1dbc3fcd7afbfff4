// 平时考核: choose the period and department, fill the grid by keyboard with autosave and the live cap
// on 好; the office's 复核 tab compares departments and marks the period reviewed.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Empty, Flex, Pagination, Select, Tabs, Tag, Typography } from 'antd';
import { GRID_PAGE_MAX, GRID_PAGE_SIZES, type GridPageInput } from '@shared/api/years';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportButton } from '../../components/import/ImportButton';
import { TemplateButton } from '../../components/import/TemplateButton';
import { useQuery } from '../../hooks/useApi';
import { useCurrentYear } from '../../state/current-year';
import { RatingsGrid } from './RatingsGrid';
import { COLUMNS } from './columns';
import { CapPanel } from './CapPanel';
import { OverrideDialog } from './OverrideDialog';
import { ReviewTab } from './ReviewTab';
import { useGridEditor, type SaveState } from './useGridEditor';
import { usePermissions } from '../../components/auth/usePermissions';
import { useDomainLabels, useT } from '../../i18n/language';
import { ExportTableButton } from '../../components/import/ExportTableButton';
import { PersonOrderSelect, usePersonOrder } from '../../components/PersonOrderSelect';
import { call } from '../../api/client';

const DEPT_KEY = 'da.ratings.departmentId';

/** The remembered department; storage may be unavailable (then the choice lasts for the window). */
function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* not remembered */
  }
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The save state; a grid the operator may not change (no right, or a locked period) says so instead of
 * promising an autosave. */
function SaveIndicator({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  const t = useT();
  switch (state.kind) {
    case 'idle':
      if (readOnly) return <Tag data-testid="save-state">{t('save.readOnly')}</Tag>;
      return <Tag data-testid="save-state">{t('save.idle')}</Tag>;
    case 'saving':
      return (
        <Tag color="processing" data-testid="save-state">
          {t('save.saving')}
        </Tag>
      );
    case 'saved':
      return (
        <Tag color="success" data-testid="save-state">
          {t('save.saved', { at: state.at })}
        </Tag>
      );
    case 'failed':
      return (
        <Tag color="error" data-testid="save-state" style={{ whiteSpace: 'normal', maxWidth: 520 }}>
          {t('save.failed', { reason: state.reason })}
        </Tag>
      );
  }
}

export function RatingsPage() {
  const { year, periods } = useCurrentYear();
  const detail = useQuery('years.get', year ? { yearId: year.id } : null);
  const { can, inScope } = usePermissions();
  const t = useT();
  const labels = useDomainLabels();
  // A department rater is offered (and opens on) only the departments granted to them.
  const departments = useMemo(() => {
    const all = detail.data?.departments ?? [];
    const parent = new Map(all.map((d) => [d.id, d.parentId]));
    return all.filter((d) => inScope(d.id, (id) => parent.get(id) ?? null));
  }, [detail.data, inScope]);
  const canWrite = can('ratings.write');
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(() => readStored(DEPT_KEY));
  const [tab, setTab] = useState('grid');

  // Default to the period containing today (or the last one begun), once the year's periods arrive.
  useEffect(() => {
    if (periods.length === 0) return setPeriodId(null);
    setPeriodId((cur) => {
      if (cur && periods.some((p) => p.id === cur)) return cur;
      const today = todayIso();
      return (
        periods.find((p) => p.startDate <= today && today <= p.endDate) ??
        [...periods].reverse().find((p) => p.startDate <= today) ??
        periods[0]!
      ).id;
    });
  }, [periods]);
  useEffect(() => {
    if (departments.length && !departments.some((d) => d.id === unitId)) setUnitId(departments[0]!.id);
  }, [departments, unitId]);

  // The store orders the department and sends one page; another period, department or order starts
  // again on the first page (the page is kept with the choice it was turned under).
  const [personOrder, setPersonOrder] = usePersonOrder('ratings');
  const choiceKey = JSON.stringify([periodId, unitId, personOrder]);
  const [turned, setTurned] = useState({ page: 1, pageSize: 100, choiceKey });
  const paging = { page: turned.choiceKey === choiceKey ? turned.page : 1, pageSize: turned.pageSize };
  const grid = useQuery(
    'ratings.grid',
    periodId && unitId && departments.some((d) => d.id === unitId)
      ? { periodId, unitId, personOrder, offset: (paging.page - 1) * paging.pageSize, limit: paging.pageSize }
      : null,
  );
  const editor = useGridEditor(grid.data);
  // A page is turned once the saves under way have ended, so the next page reads them back.
  const turnPage = (page: number, pageSize: number) =>
    void editor.idle().then(() => setTurned({ page: pageSize === paging.pageSize ? page : 1, pageSize, choiceKey }));
  /** Every row of the department, page by page, in the order shown (the export is the whole grid). */
  const wholeGrid = async (page: Omit<GridPageInput, 'offset' | 'limit'>) => {
    await editor.idle();
    const rows = [];
    for (let offset = 0; ; offset += GRID_PAGE_MAX) {
      const g = await call('ratings.grid', { ...page, offset, limit: GRID_PAGE_MAX });
      rows.push(...g.rows);
      if (rows.length >= g.total || g.rows.length === 0) return rows;
    }
  };
  const period = periods.find((p) => p.id === periodId);

  if (!year) {
    return (
      <>
        <PageHeader title={t('ratings.title')} />
        <Empty description={t('ratings.noYear')} />
      </>
    );
  }

  const g = grid.data;
  return (
    <>
      <PageHeader
        title={t('ratings.title')}
        // an operator without the right to rate is promised no autosave
        subtitle={t(canWrite ? 'ratings.subtitle' : 'ratings.subtitleReadOnly', { year: year.year })}
        extra={
          <>
            <TemplateButton
              kind="ratings"
              unitId={unitId ?? undefined}
              periodId={periodId ?? undefined}
              nameHint={[departments.find((d) => d.id === unitId)?.name, period?.code].filter(Boolean).join('-')}
            />
            <ImportButton kind="ratings" yearId={year.id} periodId={periodId ?? undefined} onApplied={grid.reload} />
            {grid.data && editor.rows.length > 0 ? (
              <ExportTableButton
                title={t('ratings.exportTitle', { period: grid.data.period.code, unit: grid.data.department.name })}
                fileName={`${grid.data.department.name}-${grid.data.period.code}`}
                table={async () => ({
                  columns: [
                    t('grid.col.no'),
                    t('grid.col.personNo'),
                    t('grid.col.name'),
                    t('grid.col.note'),
                    ...COLUMNS.map((c) => t(c.title)),
                  ],
                  rows: (
                    await wholeGrid({ periodId: grid.data!.period.id, unitId: grid.data!.department.id, personOrder })
                  ).map((r, i) => [
                    i + 1,
                    r.personNo,
                    r.name,
                    r.note,
                    ...COLUMNS.map((c) =>
                      c.field === 'rating' ? (r.rating ? labels.rating[r.rating] : '') : r[c.field],
                    ),
                  ]),
                })}
              />
            ) : null}
          </>
        }
      />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('ratings.period')}</Typography.Text>
        <Select
          aria-label={t('ratings.periodAria')}
          style={{ width: 250 }}
          value={periodId ?? undefined}
          onChange={setPeriodId}
          options={periods.map((p) => ({
            value: p.id,
            label:
              t('ratings.periodOption', { label: p.label, code: p.code }) +
              (p.reviewStatus === 'reviewed' ? t('ratings.reviewedSuffix') : ''),
          }))}
        />
        {tab === 'grid' ? (
          <>
            <Typography.Text>{t('ratings.department')}</Typography.Text>
            <Select
              aria-label={t('ratings.department')}
              style={{ width: 200 }}
              value={unitId ?? undefined}
              onChange={(v: string) => {
                writeStored(DEPT_KEY, v);
                setUnitId(v);
              }}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
              notFoundContent={t('ratings.noDepartments')}
            />
            <PersonOrderSelect value={personOrder} onChange={setPersonOrder} />
            <SaveIndicator state={editor.saveState} readOnly={!canWrite || (g?.lockedReason ?? null) !== null} />
          </>
        ) : null}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'grid',
            label: t('ratings.tabGrid'),
            children: (
              <>
                <ErrorAlert error={grid.error} onRetry={grid.reload} />
                {g && editor.capStatus ? (
                  <>
                    {g.lockedReason ? (
                      <Alert type="info" showIcon message={g.lockedReason} style={{ marginBottom: 12 }} />
                    ) : null}
                    {g.review?.status === 'returned' ? (
                      <Alert
                        type="warning"
                        showIcon
                        message={t('ratings.returned')}
                        description={g.review.note}
                        style={{ marginBottom: 12 }}
                      />
                    ) : null}
                    <CapPanel status={editor.capStatus} departmentId={g.department.id} warnings={editor.warnings} />
                    {editor.rows.length === 0 ? (
                      <Empty
                        description={t('ratings.emptyDepartment', {
                          unit: g.department.name,
                          period: period?.label ?? t('ratings.thisPeriod'),
                        })}
                      />
                    ) : (
                      <>
                        <RatingsGrid
                          rows={editor.rows}
                          firstRowNumber={g.offset + 1}
                          readOnly={g.lockedReason !== null || !canWrite}
                          onEdit={editor.edit}
                          onUndo={editor.undo}
                          onRedo={editor.redo}
                        />
                        {g.total > GRID_PAGE_SIZES[0] ? (
                          <Pagination
                            style={{ marginTop: 8 }}
                            size="small"
                            align="end"
                            current={paging.page}
                            pageSize={paging.pageSize}
                            total={g.total}
                            pageSizeOptions={GRID_PAGE_SIZES.map(String)}
                            showSizeChanger
                            showTotal={(n) => t('ratings.pageTotal', { n })}
                            onChange={turnPage}
                            data-testid="grid-pages"
                          />
                        ) : null}
                        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                          {t('grid.help')}
                        </Typography.Paragraph>
                      </>
                    )}
                  </>
                ) : null}
                <OverrideDialog request={editor.override} />
              </>
            ),
          },
          // the office's comparison of departments: not for a department's own rater
          ...(can('year.write')
            ? [
                {
                  key: 'review',
                  label: t('ratings.tabReview'),
                  children: periodId ? <ReviewTab periodId={periodId} onChanged={grid.reload} /> : null,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
