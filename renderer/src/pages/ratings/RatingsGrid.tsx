// The keyboard-first grid of one department and period: type a rating (1–4 or h/j/y/c), move with
// the arrows and Enter, edit text in place, and the office habits of a spreadsheet: Shift+arrows or a
// drag select a range, Ctrl+C copies it as Excel cells, Ctrl+V pastes a block from Excel, Ctrl+D fills
// down, Delete clears, Ctrl+Z / Ctrl+Y undo and redo. What each key and each range operation means is
// decided in ./grid (pure, unit-tested); this component reads events and draws.
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { App } from 'antd';
import type { GridRowDto } from '@shared/api/years';
import { ratingFromKey, ratingFromText } from '@shared/ratings/keys';
import { COLUMNS, RATING_COLOR, RATING_COLUMN, type EditableField } from './columns';
import type { Change, CellValue } from './grid/changes';
import { gridKeyAction, type GridAction } from './grid/keymap';
import { parseTsv, toTsv } from './grid/clipboard';
import { clearCells, copyCells, fillDown, pasteCells, type RangeContext, type RangeEdit } from './grid/range-edits';
import * as sel from './grid/selection';
import { useDomainLabels, useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

interface Props {
  rows: GridRowDto[];
  /** the 序号 of the first row (the page's place in the department's grid) */
  firstRowNumber?: number;
  readOnly: boolean;
  onEdit(changes: Change[]): void;
  onUndo(): boolean;
  onRedo(): boolean;
}

const rowEditable = (r: GridRowDto) => r.ratedInUnitId === null;

/** 序号, 人员编号, 姓名, 情况; a fixed table width keeps long 工作纪实 from widening its column. With the
 * editable columns it comes to 1128 pixels, the page's width on a 1366-pixel screen, so 评价人 shows. */
const FIXED_WIDTHS = [44, 84, 76, 110];
const TABLE_WIDTH = [...FIXED_WIDTHS, ...COLUMNS.map((c) => c.width)].reduce((a, b) => a + b, 0);

export function RatingsGrid({ rows, firstRowNumber = 1, readOnly, onEdit, onUndo, onRedo }: Props) {
  const { message } = App.useApp();
  const t = useT();
  const labels = useDomainLabels();
  const [selection, setSelection] = useState<sel.Selection>(sel.single({ row: 0, col: RATING_COLUMN }));
  const [editing, setEditing] = useState<{ draft: string } | null>(null);
  const dragging = useRef(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const cursor = selection.focus;
  const rect = sel.rectOf(selection);
  const size = useMemo(() => ({ rows: rows.length, cols: COLUMNS.length }), [rows.length]);
  const canWrite = (r: GridRowDto | undefined) => !readOnly && r !== undefined && rowEditable(r);
  const ctx: RangeContext = { rows, columns: COLUMNS, editable: (r) => !readOnly && rowEditable(r) };

  useEffect(() => {
    setSelection((s) => sel.clampSelection(s, size));
  }, [size]);

  // A drag selects until the button comes up anywhere on the page.
  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  // Keep the active cell in view while moving with the keyboard.
  useEffect(() => {
    tableRef.current
      ?.querySelector(`[data-cell="${cursor.row}-${cursor.col}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [cursor.row, cursor.col]);

  // Keys land in a hidden textarea, so a Chinese input method can compose there (a plain div gives it
  // nowhere to type): the composed text then opens the cell editor, or is read as a rating (好/较好…).
  const sinkRef = useRef<HTMLTextAreaElement>(null);
  const focusGrid = () => sinkRef.current?.focus({ preventScroll: true });

  const move = useCallback(
    (dr: number, dc: number, extend = false) => setSelection((s) => sel.moveBy(s, dr, dc, size, extend)),
    [size],
  );

  const deliverText = (text: string) => {
    if (!text) return;
    const col = COLUMNS[cursor.col]!;
    const row = rows[cursor.row];
    if (col.field === 'rating') {
      const rating = ratingFromText(text);
      if (!rating) {
        void message.warning(t('grid.notRating', { text: text.slice(0, 6) }));
        return;
      }
      if (!canWrite(row)) return;
      setValue(cursor.row, 'rating', rating);
      move(1, 0);
      return;
    }
    // Text arriving before the editor has taken focus is appended, not lost.
    if (canWrite(row)) setEditing((prev) => ({ draft: ((prev?.draft ?? '') + text).slice(0, col.maxLength) }));
  };

  const setValue = (rowIndex: number, field: EditableField, after: CellValue) => {
    const r = rows[rowIndex];
    if (!r || !canWrite(r)) return;
    onEdit([{ personId: r.personId, field, before: r[field], after }]);
  };

  /** Carries out a range operation and says what was left alone. */
  const applyRange = (result: RangeEdit, what: MessageKey) => {
    if (readOnly) return;
    if (result.lockedRows > 0) void message.info(t('grid.lockedRows', { n: result.lockedRows, what: t(what) }));
    onEdit(result.changes);
  };

  const commitEdit = (then: 'down' | 'right' | 'stay') => {
    if (!editing) return;
    const col = COLUMNS[cursor.col]!;
    setValue(cursor.row, col.field, editing.draft);
    setEditing(null);
    if (then === 'down') move(1, 0);
    if (then === 'right') move(0, 1);
    requestAnimationFrame(focusGrid);
  };

  const jump = (a: Extract<GridAction, { kind: 'jump' }>) =>
    setSelection((s) => {
      const edge = (e: 'first' | 'last' | 'same', same: number, last: number) =>
        e === 'first' ? 0 : e === 'last' ? last : same;
      const to = { row: edge(a.row, s.focus.row, rows.length - 1), col: edge(a.col, s.focus.col, COLUMNS.length - 1) };
      return sel.moveTo(s, to, size, a.extend);
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return; // the editor handles its own keys
    const action = gridKeyAction({
      key: e.key,
      ctrl: e.ctrlKey || e.metaKey,
      shift: e.shiftKey,
      alt: e.altKey,
      composing: e.nativeEvent.isComposing,
    });
    if (action.kind === 'pass' || action.kind === 'none') return;
    e.preventDefault();
    const col = COLUMNS[cursor.col]!;
    const row = rows[cursor.row];
    switch (action.kind) {
      case 'move':
        return move(action.dr, action.dc, action.extend);
      case 'jump':
        return jump(action);
      case 'selectAll':
        return setSelection({ anchor: { row: 0, col: 0 }, focus: { row: rows.length - 1, col: COLUMNS.length - 1 } });
      case 'undo':
        if (!onUndo()) void message.info(t('grid.nothingToUndo'));
        return;
      case 'redo':
        if (!onRedo()) void message.info(t('grid.nothingToRedo'));
        return;
      case 'fillDown':
        return applyRange(fillDown(ctx, rect), 'grid.op.fill');
      case 'clear':
        return applyRange(clearCells(ctx, rect), 'grid.op.clear');
      case 'enter':
        if (col.field === 'rating' || !canWrite(row)) return move(action.up ? -1 : 1, 0);
        setEditing({ draft: String(row?.[col.field] ?? '') });
        return;
      case 'edit':
        if (col.field !== 'rating' && canWrite(row)) setEditing({ draft: String(row?.[col.field] ?? '') });
        return;
      case 'type':
        if (col.field === 'rating') {
          const rating = ratingFromKey(action.text);
          if (!rating) {
            void message.warning(t('grid.ratingKeys'));
            return;
          }
          if (!canWrite(row)) {
            if (row?.ratedInUnitName)
              void message.info(t('grid.ratedElsewhere', { name: row.name, unit: row.ratedInUnitName }));
            return;
          }
          setValue(cursor.row, 'rating', rating);
          move(1, 0); // fast entry: the next person
          return;
        }
        // Typing on a text cell starts editing with that character, as in Excel.
        if (canWrite(row)) setEditing({ draft: action.text });
        return;
    }
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', toTsv(copyCells(ctx, rect)));
    const n = rect.bottom - rect.top + 1;
    const m = rect.right - rect.left + 1;
    if (n * m > 1) void message.success(t('grid.copied', { rows: n, cols: m }));
  };

  const onCut = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    onCopy(e);
    applyRange(clearCells(ctx, rect), 'grid.op.cut');
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || readOnly) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const cells = parseTsv(text);
    const result = pasteCells(ctx, rect, cells);
    if (result.problems.length) {
      void message.error({
        content: t('grid.pasteRefused', {
          problems: result.problems
            .slice(0, 5)
            .map((p) => t('grid.pasteProblem', { row: p.row, column: t(p.column.title), text: p.text.slice(0, 10) }))
            .join(t('grid.problemSep')),
        }),
        duration: 8,
      });
      return;
    }
    if (result.overflow.rows > 0 || result.overflow.cols > 0)
      void message.warning(
        t('grid.pasteOverflow', {
          extra:
            (result.overflow.rows ? t('grid.rows', { n: result.overflow.rows }) : '') +
            (result.overflow.cols ? t('grid.cols', { n: result.overflow.cols }) : ''),
        }),
      );
    applyRange(result, 'grid.op.paste');
    // The pasted block stays selected, as in Excel.
    const oneCell = cells.length === 1 && cells[0]!.length === 1;
    if (!oneCell)
      setSelection(
        sel.clampSelection(
          {
            anchor: { row: rect.top, col: rect.left },
            focus: { row: rect.top + cells.length - 1, col: rect.left + Math.max(...cells.map((c) => c.length)) - 1 },
          },
          size,
        ),
      );
  };

  return (
    <div
      ref={tableRef}
      className="ratings-grid"
      role="grid"
      aria-label={t('grid.aria')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      onCut={onCut}
      onPaste={onPaste}
      onFocus={(e) => e.target === e.currentTarget && focusGrid()}
      style={{
        overflow: 'auto',
        maxHeight: 'calc(100vh - 300px)',
        border: '1px solid #d9d9d9',
        background: '#fff',
        outline: 'none',
        position: 'relative',
      }}
    >
      <textarea
        ref={sinkRef}
        aria-label={t('grid.inputAria')}
        data-testid="grid-input"
        tabIndex={-1}
        onCompositionEnd={(e) => {
          const text = e.data;
          e.currentTarget.value = '';
          deliverText(text);
        }}
        onInput={(e) => {
          if (e.nativeEvent.isComposing) return;
          const text = e.currentTarget.value;
          e.currentTarget.value = '';
          deliverText(text);
        }}
        style={{
          position: 'sticky',
          top: 0,
          left: 0,
          width: 1,
          height: 1,
          padding: 0,
          border: 0,
          opacity: 0,
          resize: 'none',
          display: 'block',
          marginBottom: -1,
        }}
      />
      <table style={{ borderCollapse: 'collapse', tableLayout: 'fixed', width: TABLE_WIDTH, fontSize: 13 }}>
        <colgroup>
          {FIXED_WIDTHS.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
          {COLUMNS.map((c) => (
            <col key={c.field} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {[
              t('grid.col.no'),
              t('grid.col.personNo'),
              t('grid.col.name'),
              t('grid.col.note'),
              ...COLUMNS.map((c) => t(c.title)),
            ].map((h) => (
              <th key={h} style={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => {
            const locked = readOnly || !rowEditable(r);
            return (
              <tr key={r.personId} data-person={r.personNo} style={{ background: !r.due ? '#fafafa' : undefined }}>
                <td style={{ ...td, textAlign: 'center', color: '#888' }}>{firstRowNumber + ri}</td>
                <td style={td}>{r.personNo}</td>
                <td style={{ ...td, fontWeight: 500 }}>{r.name}</td>
                <td style={{ ...td, color: '#ad6800', fontSize: 12 }} title={r.note}>
                  {r.ratedInUnitName ? t('grid.ratedIn', { unit: r.ratedInUnitName }) : r.note}
                  {!r.rating && r.due && !r.ratedInUnitName ? (
                    <span style={{ color: '#cf1322' }}>
                      {r.note ? t('grid.noteSep') : ''}
                      {t('grid.unrated')}
                    </span>
                  ) : null}
                </td>
                {COLUMNS.map((c, ci) => {
                  const active = cursor.row === ri && cursor.col === ci;
                  const inRange = sel.contains(rect, ri, ci);
                  const value = r[c.field];
                  const isEditing = active && editing !== null;
                  return (
                    <td
                      key={c.field}
                      data-cell={`${ri}-${ci}`}
                      data-field={c.field}
                      aria-selected={inRange}
                      data-active={active || undefined}
                      onMouseDown={(e) => {
                        if (e.button !== 0) return;
                        if (editing && !active) commitEdit('stay');
                        dragging.current = !e.shiftKey;
                        setSelection((s) => sel.moveTo(s, { row: ri, col: ci }, size, e.shiftKey));
                      }}
                      onMouseEnter={() => {
                        if (dragging.current) setSelection((s) => sel.moveTo(s, { row: ri, col: ci }, size, true));
                      }}
                      onDoubleClick={() =>
                        c.field !== 'rating' && !locked && setEditing({ draft: String(value ?? '') })
                      }
                      style={{
                        ...td,
                        position: 'relative',
                        cursor: locked ? 'not-allowed' : 'cell',
                        background: active ? '#fff1f0' : inRange ? '#ffe3e0' : locked ? '#f5f5f5' : undefined,
                        userSelect: 'none',
                        boxShadow: active ? 'inset 0 0 0 2px #b71c1c' : undefined,
                        textAlign: c.field === 'rating' ? 'center' : undefined,
                      }}
                    >
                      {isEditing ? (
                        <CellEditor
                          multiline={c.multiline ?? false}
                          maxLength={c.maxLength}
                          value={editing.draft}
                          onChange={(draft) => setEditing({ draft })}
                          onCommit={commitEdit}
                          ariaLabel={t('grid.editCell')}
                          onCancel={() => {
                            setEditing(null);
                            requestAnimationFrame(focusGrid);
                          }}
                        />
                      ) : c.field === 'rating' ? (
                        value ? (
                          <span style={{ color: RATING_COLOR[value as keyof typeof RATING_COLOR], fontWeight: 600 }}>
                            {labels.rating[value as keyof typeof labels.rating]}
                          </span>
                        ) : (
                          <span style={{ color: '#bbb' }}>—</span>
                        )
                      ) : (
                        <div
                          title={String(value ?? '')}
                          // 工作纪实 shows two lines so the rater reads the record while rating; the rest one.
                          style={
                            c.multiline
                              ? {
                                  display: '-webkit-box',
                                  WebkitLineClamp: 2,
                                  WebkitBoxOrient: 'vertical',
                                  overflow: 'hidden',
                                  whiteSpace: 'normal',
                                  lineHeight: '18px',
                                }
                              : { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }
                          }
                        >
                          {String(value ?? '')}
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CellEditor(props: {
  multiline: boolean;
  maxLength: number;
  value: string;
  onChange(v: string): void;
  onCommit(then: 'down' | 'right' | 'stay'): void;
  onCancel(): void;
  ariaLabel: string;
}) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  // Enter commits and unmounts the editor, which may also blur it: act once only.
  const done = useRef(false);
  const commit = (then: 'down' | 'right' | 'stay') => {
    if (done.current) return;
    done.current = true;
    props.onCommit(then);
  };
  const cancel = () => {
    if (done.current) return;
    done.current = true;
    props.onCancel();
  };
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter' && !(props.multiline && e.altKey)) {
      // Alt+Enter is a line break inside 工作纪实, as in Excel.
      e.preventDefault();
      commit('down');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      props.onChange(props.value + '\n');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit('right');
    }
  };
  const common = {
    value: props.value,
    maxLength: props.maxLength,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
    onKeyDown,
    onBlur: () => commit('stay'),
    'aria-label': props.ariaLabel,
    style: {
      width: '100%',
      border: 'none',
      outline: 'none',
      font: 'inherit',
      padding: 0,
      resize: 'none' as const,
      background: 'transparent',
    },
  };
  return props.multiline ? <textarea ref={ref} rows={3} {...common} /> : <input ref={ref} {...common} />;
}

const th = {
  position: 'sticky' as const,
  top: 0,
  background: '#fafafa',
  borderBottom: '1px solid #d9d9d9',
  borderRight: '1px solid #f0f0f0',
  padding: '6px 8px',
  textAlign: 'left' as const,
  fontWeight: 600,
  zIndex: 1,
};
const td = {
  borderBottom: '1px solid #f0f0f0',
  borderRight: '1px solid #f0f0f0',
  padding: '5px 8px',
  height: 32,
  verticalAlign: 'middle' as const,
};
