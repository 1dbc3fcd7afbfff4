// Copy, paste, fill-down and delete over a rectangle of the ratings grid, as data.
import { describe, expect, it } from 'vitest';
import type { GridRowDto } from '../../../shared/api/years';
import { COLUMNS } from '../../../renderer/src/pages/ratings/columns';
import {
  clearCells,
  copyCells,
  fillDown,
  pasteCells,
  type RangeContext,
} from '../../../renderer/src/pages/ratings/grid/range-edits';
import { toTsv, parseTsv } from '../../../renderer/src/pages/ratings/grid/clipboard';

const col = (f: string) => COLUMNS.findIndex((c) => c.field === f);
const WORK = col('workRecord');
const RATING = col('rating');
const COMMENT = col('comment');
const RATER = col('rater');

function row(no: string, over: Partial<GridRowDto> = {}): GridRowDto {
  return {
    personId: `p-${no}`,
    personNo: no,
    name: `人员${no}`,
    position: null,
    note: '',
    due: true,
    ratingId: null,
    workRecord: '',
    selfAssessment: '',
    rating: null,
    comment: '',
    rater: '',
    updatedAt: null,
    ratedInUnitId: null,
    ratedInUnitName: null,
    ...over,
  };
}

const rows = [
  row('A1', { rating: 'good', comment: '扎实', workRecord: '完成\n评估' }),
  row('A2', { rating: 'fair' }),
  // Rated by another department this period: never changed here.
  row('A3', { ratedInUnitId: 'u-2', ratedInUnitName: '规划科', rating: 'average' }),
  row('A4'),
];
const ctx: RangeContext = { rows, columns: COLUMNS, editable: (r) => r.ratedInUnitId === null };
const rect = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

describe('copy', () => {
  it('copies ratings as their Chinese names and text as it is, one line per row', () => {
    const cells = copyCells(ctx, rect(0, WORK, 1, RATING));
    expect(cells).toEqual([
      ['完成\n评估', '', '好'],
      ['', '', '较好'],
    ]);
    // What Excel would paste back into the same cells.
    expect(parseTsv(toTsv(cells))).toEqual(cells);
  });
});

describe('paste', () => {
  it('a block lands with its top-left at the selection, over several columns', () => {
    const r = pasteCells(ctx, rect(0, RATING), parseTsv('一般\t很好\r\n2\t需改进\r\n'));
    expect(r.problems).toEqual([]);
    expect(r.changes).toEqual([
      { personId: 'p-A1', field: 'rating', before: 'good', after: 'average' },
      { personId: 'p-A1', field: 'comment', before: '扎实', after: '很好' },
      { personId: 'p-A2', field: 'comment', before: '', after: '需改进' }, // 2 is 较好 already: no change
    ]);
  });

  it('one copied cell onto a larger selection fills all of it', () => {
    const r = pasteCells(ctx, rect(0, RATING, 3, RATING), [['好']]);
    expect(r.changes.map((c) => [c.personId, c.after])).toEqual([
      ['p-A2', 'good'],
      ['p-A4', 'good'],
    ]);
    expect(r.lockedRows).toBe(1);
  });

  it('an unreadable rating stops the whole paste and names the row and column', () => {
    const r = pasteCells(ctx, rect(0, RATING), [['好'], ['优良'], ['3']]);
    expect(r.changes).toEqual([]);
    expect(r.problems).toEqual([{ row: 2, column: COLUMNS[RATING], text: '优良' }]);
  });

  it('rows and columns beyond the table are counted, not pasted', () => {
    const r = pasteCells(ctx, rect(2, RATER), [
      ['张', '多余'],
      ['李', '多余'],
      ['王', '多余'],
    ]);
    expect(r.overflow).toEqual({ rows: 1, cols: 1 });
    expect(r.lockedRows).toBe(1); // A3
    expect(r.changes).toEqual([{ personId: 'p-A4', field: 'rater', before: '', after: '李' }]);
  });

  it('text is trimmed to the column limit; a blank rating cell clears the rating', () => {
    const limit = COLUMNS[RATER]!.maxLength;
    const r = pasteCells(ctx, rect(3, RATING, 3, RATER), [['', '', '  ' + 'x'.repeat(limit + 5)]]);
    expect(r.changes).toEqual([{ personId: 'p-A4', field: 'rater', before: '', after: 'x'.repeat(limit) }]);
    const clear = pasteCells(ctx, rect(0, RATING), [[''], ['']]);
    expect(clear.changes.map((c) => [c.personId, c.after])).toEqual([
      ['p-A1', null],
      ['p-A2', null],
    ]);
  });
});

describe('fill down (Ctrl+D)', () => {
  it('copies the top row of the selection into the rows below, column by column', () => {
    const r = fillDown(ctx, rect(0, RATING, 3, COMMENT));
    expect(r.changes).toEqual([
      { personId: 'p-A2', field: 'rating', before: 'fair', after: 'good' },
      { personId: 'p-A2', field: 'comment', before: '', after: '扎实' },
      { personId: 'p-A4', field: 'rating', before: null, after: 'good' },
      { personId: 'p-A4', field: 'comment', before: '', after: '扎实' },
    ]);
    expect(r.lockedRows).toBe(1);
  });

  it('on one row it copies the row above; on the first row there is nothing to copy', () => {
    expect(fillDown(ctx, rect(1, COMMENT)).changes).toEqual([
      { personId: 'p-A2', field: 'comment', before: '', after: '扎实' },
    ]);
    expect(fillDown(ctx, rect(0, COMMENT)).changes).toEqual([]);
  });
});

describe('delete', () => {
  it('clears ratings to unrated and text to empty, skipping rows rated elsewhere', () => {
    const r = clearCells(ctx, rect(0, RATING, 2, COMMENT));
    expect(r.changes).toEqual([
      { personId: 'p-A1', field: 'rating', before: 'good', after: null },
      { personId: 'p-A1', field: 'comment', before: '扎实', after: '' },
      { personId: 'p-A2', field: 'rating', before: 'fair', after: null },
    ]);
    expect(r.lockedRows).toBe(1);
  });

  it('a read-only grid changes nothing', () => {
    const ro: RangeContext = { ...ctx, editable: () => false };
    expect(clearCells(ro, rect(0, RATING, 3, RATING)).changes).toEqual([]);
    expect(pasteCells(ro, rect(0, RATING), [['好']]).changes).toEqual([]);
    expect(fillDown(ro, rect(0, RATING, 3, RATING)).changes).toEqual([]);
  });
});
