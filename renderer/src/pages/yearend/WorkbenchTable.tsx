// The workbench table: one row per person with period ratings, flags, the suggestion (and whether it
// moved since it was frozen), the final result select and an expandable trace.
import { Badge, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { RATING_LABEL } from '@shared/domain/labels';
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
  const columns: ColumnsType<RowDto> = [
    { title: '编号', dataIndex: ['person', 'personNo'], width: 84, fixed: 'left' },
    {
      title: '姓名',
      width: 110,
      fixed: 'left',
      render: (_, r) => (
        <span>
          {r.person.name}
          {r.person.category === 'institution' ? <Tag style={{ marginLeft: 4 }}>事业</Tag> : null}
        </span>
      ),
    },
    { title: '部门', dataIndex: ['person', 'departmentName'], width: 100, ellipsis: true },
    ...p.periods.map((per) => ({
      title: per.code.slice(4),
      key: per.code,
      width: 56,
      align: 'center' as const,
      render: (_: unknown, r: RowDto) => {
        const cell = r.ratings.find((x) => x.periodCode === per.code);
        if (!cell?.rating) return <Typography.Text type="danger">未评</Typography.Text>;
        return (
          <Tag color={RATING_COLOR[cell.rating]} style={{ marginInlineEnd: 0, opacity: cell.counts ? 1 : 0.4 }}>
            {RATING_LABEL[cell.rating]}
          </Tag>
        );
      },
    })),
    // 民主测评: the votes, where the year enables the step and they were imported
    ...(p.rows.some((r) => r.tally)
      ? [
          {
            title: '民主测评',
            key: 'tally',
            width: 96,
            render: (_: unknown, r: RowDto) =>
              r.tally ? (
                <Tooltip
                  title={`优秀 ${r.tally.excellent} / 称职 ${r.tally.competent} / 基本称职 ${r.tally.basic} / 不称职 ${r.tally.incompetent}（参评 ${r.tally.voters} 人）`}
                >
                  <span data-testid="tally-cell">
                    优秀 {r.tally.excellent}/{r.tally.voters}
                  </span>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">未导入</Typography.Text>
              ),
          },
        ]
      : []),
    {
      title: '标记',
      width: 160,
      render: (_, r) => (
        <span>
          {r.flags.slice(0, 4).map((f) => (
            <Tag
              key={f}
              color={
                f === '受限' || f === '只写评语' || f === '暂缓'
                  ? 'orange'
                  : f === '上级考核'
                    ? 'purple'
                    : f === '缺评'
                      ? 'red'
                      : 'default'
              }
              style={{ marginBottom: 2 }}
            >
              {f}
            </Tag>
          ))}
          {r.flags.length > 4 ? <Tag>+{r.flags.length - 4}</Tag> : null}
        </span>
      ),
    },
    {
      title: '建议',
      width: 140,
      render: (_, r) => {
        const c = choiceOf(r.suggestionOfRecord.outcome, r.suggestionOfRecord.grade);
        const moved = r.snapshotChange === 'grade';
        return (
          <Tooltip title={r.eligibility.winning?.label ?? traceSentence(r.traceText.split('\n')[0] ?? '')}>
            <Badge dot={moved} color="orange" offset={[4, 0]}>
              <Tag color={GRADE_COLOR[c]} data-testid="suggestion">
                {r.suggestionOfRecord.label}
                {c === 'excellent' && r.suggestion.source !== 'superior' ? '候选' : ''}
              </Tag>
            </Badge>
            {moved ? (
              <Typography.Text type="warning" style={{ fontSize: 12, display: 'block' }}>
                现为 {r.suggestion.label}
              </Typography.Text>
            ) : null}
          </Tooltip>
        );
      },
    },
    {
      title: '最终结果',
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
              placeholder="未决定"
              // null, not undefined: an undecided row stays controlled and shows the placeholder again
              // after a cancelled dialog instead of the choice that was never saved
              value={value ?? null}
              disabled={!p.editable}
              status={r.differs ? 'warning' : undefined}
              onChange={(c) => c && p.onChoose(r, c)}
              options={choiceOptions(r.choices)}
              data-testid={`final-${r.person.personNo}`}
            />
            {narrowed ? (
              <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{barredText(barred)}</span>}>
                <Tag color="default" data-testid={`barred-${r.person.personNo}`}>
                  受规则限制
                </Tag>
              </Tooltip>
            ) : null}
            {r.differs ? (
              <Tooltip title={`理由：${r.decision?.reason ?? ''}`}>
                <Tag color="warning">异于建议</Tag>
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
        showTotal: (n) => `共 ${n} 人`,
        onChange: p.onPage,
      }}
      data-testid="workbench-table"
    />
  );
}
