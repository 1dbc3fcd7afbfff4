// The workbench table: one row per person with period ratings, flags, the suggestion (and whether it
// moved since it was frozen), the final result select and an expandable trace.
import { Badge, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDomainLabels, useT } from '../../i18n/language';
import { flagTone } from '../../i18n/domain';
import { traceSentence } from '@shared/sheets/trace-sentence';
import { TraceView } from './TraceView';
import { GRADE_COLOR, barredText, choiceOf, choiceOptions, type Choice, type RowDto } from './types';

/** antd's expand-icon column */
const EXPAND_COLUMN_WIDTH = 48;

const RATING_COLOR: Record<string, string> = { good: 'red', fair: 'blue', average: 'orange', poor: 'volcano' };

export interface WorkbenchTableProps {
  yearId: string;
  rows: RowDto[];
  periods: { code: string; label: string }[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  editable: boolean;
  onPage: (page: number, size: number) => void;
  onChoose: (row: RowDto, choice: Choice) => void;
}

export function WorkbenchTable(p: WorkbenchTableProps) {
  const t = useT();
  const labels = useDomainLabels();
  const columns: ColumnsType<RowDto> = [
    { title: t('wb.col.no'), dataIndex: ['person', 'personNo'], width: 84, fixed: 'left' },
    {
      title: t('wb.col.name'),
      width: 110,
      fixed: 'left',
      render: (_, r) => (
        <span>
          {r.person.name}
          {r.person.category === 'institution' ? <Tag style={{ marginLeft: 4 }}>{t('wb.institution')}</Tag> : null}
        </span>
      ),
    },
    { title: t('wb.col.department'), dataIndex: ['person', 'departmentName'], width: 100, ellipsis: true },
    ...p.periods.map((per) => ({
      title: per.code.slice(4),
      key: per.code,
      width: 56,
      align: 'center' as const,
      render: (_: unknown, r: RowDto) => {
        const cell = r.ratings.find((x) => x.periodCode === per.code);
        if (!cell?.rating) return <Typography.Text type="danger">{t('wb.unrated')}</Typography.Text>;
        return (
          <Tag
            color={RATING_COLOR[cell.rating]}
            style={{ marginInlineEnd: 0, opacity: cell.counts ? 1 : 0.4 }}
            title={labels.rating[cell.rating]}
          >
            {labels.ratingShort[cell.rating]}
          </Tag>
        );
      },
    })),
    // 民主测评: the votes, where the year enables the step and they were imported
    ...(p.rows.some((r) => r.tally)
      ? [
          {
            title: t('wb.col.tally'),
            key: 'tally',
            width: 96,
            render: (_: unknown, r: RowDto) =>
              r.tally ? (
                <Tooltip title={t('wb.tallyTip', { ...r.tally })}>
                  <span data-testid="tally-cell">
                    {t('wb.tallyCell', { excellent: r.tally.excellent, voters: r.tally.voters })}
                  </span>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">{t('wb.tallyNone')}</Typography.Text>
              ),
          },
        ]
      : []),
    {
      title: t('wb.col.flags'),
      width: 160,
      render: (_, r) => (
        <span>
          {r.flags.slice(0, 4).map((f) => (
            <Tag key={f} color={flagTone(f)} style={{ marginBottom: 2 }}>
              {labels.flag(f)}
            </Tag>
          ))}
          {r.flags.length > 4 ? <Tag>+{r.flags.length - 4}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('wb.col.suggestion'),
      width: 140,
      render: (_, r) => {
        const c = choiceOf(r.suggestionOfRecord.outcome, r.suggestionOfRecord.grade);
        const moved = r.snapshotChange === 'grade';
        return (
          <Tooltip title={r.eligibility.winning?.label ?? traceSentence(r.traceText.split('\n')[0] ?? '')}>
            <Badge dot={moved} color="orange" offset={[4, 0]}>
              <Tag color={GRADE_COLOR[c]} data-testid="suggestion">
                {labels.result(c, r.suggestionOfRecord.label)}
                {c === 'excellent' && r.suggestion.source !== 'superior' ? t('wb.candidate') : ''}
              </Tag>
            </Badge>
            {moved ? (
              <Typography.Text type="warning" style={{ fontSize: 12, display: 'block' }}>
                {t('wb.nowIs', {
                  label: labels.result(choiceOf(r.suggestion.outcome, r.suggestion.grade), r.suggestion.label),
                })}
              </Typography.Text>
            ) : null}
          </Tooltip>
        );
      },
    },
    {
      title: t('wb.col.final'),
      width: 180,
      render: (_, r) => {
        const value = r.decision ? choiceOf(r.decision.outcome, r.decision.grade) : undefined;
        // only what the rules allow is selectable; the rest say why (the guard in main re-checks)
        const barred = r.choices.filter((c) => !c.allowed);
        const narrowed = barred.some((c) => c.ruleId);
        return (
          <Flex wrap gap={4} align="center">
            <Select<Choice | null>
              size="small"
              style={{ width: 148 }}
              placeholder={t('wb.undecided')}
              // null, not undefined: an undecided row stays controlled and shows the placeholder again
              // after a cancelled dialog instead of the choice that was never saved
              value={value ?? null}
              disabled={!p.editable}
              status={r.differs ? 'warning' : undefined}
              onChange={(c) => c && p.onChoose(r, c)}
              options={choiceOptions(
                r.choices.map((x) => ({ ...x, label: labels.result(choiceOf(x.outcome, x.grade), x.label) })),
                (label) => t('wb.barredOption', { label }),
              )}
              data-testid={`final-${r.person.personNo}`}
            />
            {narrowed ? (
              <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{barredText(barred)}</span>}>
                <Tag color="default" data-testid={`barred-${r.person.personNo}`}>
                  {t('wb.barred')}
                </Tag>
              </Tooltip>
            ) : null}
            {r.differs ? (
              <Tooltip title={t('wb.reasonTip', { reason: r.decision?.reason ?? '' })}>
                <Tag color="warning">{t('wb.differsTag')}</Tag>
              </Tooltip>
            ) : null}
          </Flex>
        );
      },
    },
  ];
  return (
    <Table<RowDto>
      size="small"
      rowKey={(r) => r.person.id}
      columns={columns}
      dataSource={p.rows}
      loading={p.loading}
      // The sum of the widths, not max-content: on a 1366-pixel screen the quarterly table fits the page
      // (最终结果 inside the window) and long cells wrap instead of widening their column.
      scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), EXPAND_COLUMN_WIDTH) }}
      expandable={{ expandedRowRender: (r) => <TraceView row={r} yearId={p.yearId} />, rowExpandable: () => true }}
      pagination={{
        current: p.page,
        pageSize: p.pageSize,
        total: p.total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => t('wb.total', { n }),
        onChange: p.onPage,
      }}
      data-testid="workbench-table"
    />
  );
}
