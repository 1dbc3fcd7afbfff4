// What copy, paste, fill-down and delete do to a rectangle of the grid, as data: the cells to copy,
// or the changes to make and the problems to tell the clerk. Rows another department rates are
// never changed (they are counted, so the message can say so).
import type { GridRowDto } from '@shared/api/years';
import { RATING_LABEL } from '@shared/domain/labels';
import type { PeriodRatingValue } from '@shared/domain/types';
import { ratingFromText } from '@shared/ratings/keys';
import type { ColumnDef } from '../columns';
import type { Change, CellValue } from './changes';
import { realChanges } from './changes';
import type { Rect } from './selection';

export interface RangeContext {
  rows: GridRowDto[];
  columns: ColumnDef[];
  /** may this row be changed here (not read-only, not rated by another department) */
  editable(row: GridRowDto): boolean;
}

export interface RangeEdit {
  changes: Change[];
  /** cells that could not be read as a rating (row number from 1): nothing is changed when any */
  problems: { row: number; column: ColumnDef; text: string }[];
  /** rows left alone because another department rates them or the grid is read-only */
  lockedRows: number;
  /** pasted rows or columns that fell outside the table */
  overflow: { rows: number; cols: number };
}

/** The cell for the clipboard: a rating by its Chinese name (好/较好…) in every UI language, since
 * that is what the office's spreadsheets hold and what a paste reads back. */
export function cellText(row: GridRowDto, col: ColumnDef): string {
  const v = row[col.field];
  if (col.field === 'rating') return v ? RATING_LABEL[v as PeriodRatingValue] : '';
  return v ?? '';
}

export function copyCells(ctx: RangeContext, r: Rect): string[][] {
  const out: string[][] = [];
  for (let ri = r.top; ri <= r.bottom; ri++) {
    const row = ctx.rows[ri];
    if (!row) continue;
    const line: string[] = [];
    for (let ci = r.left; ci <= r.right; ci++) {
      const col = ctx.columns[ci];
      if (col) line.push(cellText(row, col));
    }
    out.push(line);
  }
  return out;
}

/** A pasted or filled text read for a column: a rating, or text trimmed to the column's limit. */
function readCell(col: ColumnDef, text: string): { ok: true; value: CellValue } | { ok: false } {
  if (col.field === 'rating') {
    const rating = ratingFromText(text);
    return rating === undefined ? { ok: false } : { ok: true, value: rating };
  }
  return { ok: true, value: text.trim().slice(0, col.maxLength) };
}

/**
 * Pastes cells at the selection. One copied cell onto a larger selection fills all of it (Excel's
 * habit); otherwise the block lands with its top-left at the selection's top-left, and what falls
 * beyond the table is left out and counted.
 */
export function pasteCells(ctx: RangeContext, at: Rect, cells: string[][]): RangeEdit {
  const oneCell = cells.length === 1 && cells[0]!.length === 1;
  const height = oneCell ? at.bottom - at.top + 1 : cells.length;
  const width = oneCell ? at.right - at.left + 1 : Math.max(0, ...cells.map((r) => r.length));
  const changes: Change[] = [];
  const problems: RangeEdit['problems'] = [];
  let lockedRows = 0;
  for (let i = 0; i < height; i++) {
    const row = ctx.rows[at.top + i];
    if (!row) break;
    if (!ctx.editable(row)) {
      lockedRows++;
      continue;
    }
    for (let j = 0; j < width; j++) {
      const col = ctx.columns[at.left + j];
      if (!col) break;
      const text = oneCell ? cells[0]![0] : (cells[i]?.[j] ?? '');
      const read = readCell(col, text!);
      if (!read.ok) {
        problems.push({ row: at.top + i + 1, column: col, text: text! });
        continue;
      }
      changes.push({ personId: row.personId, field: col.field, before: row[col.field], after: read.value });
    }
  }
  return {
    changes: problems.length ? [] : realChanges(changes),
    problems,
    lockedRows,
    overflow: {
      rows: Math.max(0, at.top + height - ctx.rows.length),
      cols: Math.max(0, at.left + width - ctx.columns.length),
    },
  };
}

/**
 * Ctrl+D: the selection's top row copied into the rows below it, column by column. With one row
 * selected, the row above is copied into it, as in Excel.
 */
export function fillDown(ctx: RangeContext, at: Rect): RangeEdit {
  const sourceIndex = at.top === at.bottom ? at.top - 1 : at.top;
  const firstTarget = at.top === at.bottom ? at.top : at.top + 1;
  const source = ctx.rows[sourceIndex];
  const none: RangeEdit = { changes: [], problems: [], lockedRows: 0, overflow: { rows: 0, cols: 0 } };
  if (!source) return none;
  const changes: Change[] = [];
  let lockedRows = 0;
  for (let ri = firstTarget; ri <= at.bottom; ri++) {
    const row = ctx.rows[ri];
    if (!row) break;
    if (!ctx.editable(row)) {
      lockedRows++;
      continue;
    }
    for (let ci = at.left; ci <= at.right; ci++) {
      const col = ctx.columns[ci];
      if (col)
        changes.push({ personId: row.personId, field: col.field, before: row[col.field], after: source[col.field] });
    }
  }
  return { ...none, changes: realChanges(changes), lockedRows };
}

/** Delete over a selection: ratings become unrated, text cells empty. */
export function clearCells(ctx: RangeContext, at: Rect): RangeEdit {
  const changes: Change[] = [];
  let lockedRows = 0;
  for (let ri = at.top; ri <= at.bottom; ri++) {
    const row = ctx.rows[ri];
    if (!row) break;
    if (!ctx.editable(row)) {
      lockedRows++;
      continue;
    }
    for (let ci = at.left; ci <= at.right; ci++) {
      const col = ctx.columns[ci];
      if (col)
        changes.push({
          personId: row.personId,
          field: col.field,
          before: row[col.field],
          after: col.field === 'rating' ? null : '',
        });
    }
  }
  return { changes: realChanges(changes), problems: [], lockedRows, overflow: { rows: 0, cols: 0 } };
}
