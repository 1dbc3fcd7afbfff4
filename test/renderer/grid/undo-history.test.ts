// The grid's undo and redo history: what comes back, what a failed save does, what a conflict drops.
import { describe, expect, it } from 'vitest';
import * as h from '../../../renderer/src/pages/ratings/grid/undo-history';
import type { Change } from '../../../renderer/src/pages/ratings/grid/changes';
import * as sel from '../../../renderer/src/pages/ratings/grid/selection';

const c = (personId: string, before: string | null, after: string | null): Change => ({
  personId,
  field: 'rating',
  before,
  after,
});

describe('undo history', () => {
  it('undo hands back the inverse, newest first; redo the action itself', () => {
    const paste = [c('a', null, 'good'), c('b', 'fair', 'good')];
    let hist = h.record(h.emptyHistory(), paste);
    const u = h.undo(hist)!;
    expect(u.apply).toEqual([c('b', 'good', 'fair'), c('a', 'good', null)]);
    hist = u.history;
    expect(h.undo(hist)).toBeNull();
    const r = h.redo(hist)!;
    expect(r.apply).toBe(paste);
    expect(h.redo(r.history)).toBeNull();
  });

  it('a new action ends what could be redone', () => {
    let hist = h.record(h.emptyHistory(), [c('a', null, 'good')]);
    hist = h.undo(hist)!.history;
    hist = h.record(hist, [c('b', null, 'fair')]);
    expect(h.redo(hist)).toBeNull();
    expect(hist.done).toHaveLength(1);
  });

  it('keeps the last 50 actions; an empty action is not one', () => {
    let hist = h.emptyHistory();
    for (let i = 0; i < 60; i++) hist = h.record(hist, [c(`p${i}`, null, 'good')]);
    hist = h.record(hist, []);
    expect(hist.done).toHaveLength(h.UNDO_LIMIT);
    expect(hist.done[0]![0]!.personId).toBe('p10');
  });

  it('a failed save: the action is forgotten; a failed undo goes back on the undo list', () => {
    const one = [c('a', null, 'good')];
    const two = [c('b', null, 'fair')];
    let hist = h.record(h.record(h.emptyHistory(), one), two);
    expect(h.forget(hist, two).done).toEqual([one]);
    const u = h.undo(hist)!;
    hist = h.revertMove(u.history, u.entry, 'undo');
    expect(hist.done).toEqual([one, two]);
    expect(hist.undone).toEqual([]);
    const u2 = h.undo(hist)!;
    const r = h.redo(u2.history)!;
    hist = h.revertMove(r.history, r.entry, 'redo');
    expect(hist.undone).toEqual([two]);
  });

  it('someone else saved a person: entries touching them are dropped, the rest stay', () => {
    const one = [c('a', null, 'good')];
    const two = [c('b', null, 'fair'), c('a', 'good', 'poor')];
    const three = [c('c', null, 'average')];
    let hist = h.record(h.record(h.record(h.emptyHistory(), one), two), three);
    hist = h.undo(hist)!.history;
    hist = h.forgetPerson(hist, 'a');
    expect(hist.done).toEqual([]);
    expect(hist.undone).toEqual([three]);
  });
});

describe('selection', () => {
  const size = { rows: 5, cols: 4 };
  it('Shift extends from the anchor, a plain move collapses, both stay inside the grid', () => {
    let s = sel.single({ row: 1, col: 1 });
    s = sel.moveBy(s, 2, 1, size, true);
    expect(sel.rectOf(s)).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    s = sel.moveBy(s, -3, -3, size, true);
    expect(sel.rectOf(s)).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    s = sel.moveBy(s, 10, 10, size, false);
    expect(s).toEqual(sel.single({ row: 4, col: 3 }));
    expect(sel.isSingle(s)).toBe(true);
  });

  it('rows going away pull the selection in', () => {
    const s = { anchor: { row: 2, col: 0 }, focus: { row: 9, col: 3 } };
    expect(sel.clampSelection(s, { rows: 3, cols: 4 })).toEqual({
      anchor: { row: 2, col: 0 },
      focus: { row: 2, col: 3 },
    });
    expect(sel.clampSelection(s, { rows: 0, cols: 4 }).focus).toEqual({ row: 0, col: 3 });
  });
});
