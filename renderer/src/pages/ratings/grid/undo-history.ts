// The grid's undo and redo history as a value: each entry is the list of cell changes one action made
// (a key, a paste, a fill). Undo hands back the entry to put back; a save that fails takes its entry
// out; a row reloaded from the store (someone else saved it) drops the entries that touch that person,
// since their "before" no longer describes the cell.
import { invert, type Change } from './changes';

export interface UndoHistory {
  done: Change[][];
  undone: Change[][];
}

export const UNDO_LIMIT = 50;

export const emptyHistory = (): UndoHistory => ({ done: [], undone: [] });

/** A new action: it goes on the undo list and ends whatever could have been redone. */
export function record(h: UndoHistory, entry: Change[]): UndoHistory {
  if (entry.length === 0) return h;
  return { done: [...h.done, entry].slice(-UNDO_LIMIT), undone: [] };
}

/** Takes the last action off: `apply` is what to send to put the cells back. */
export function undo(h: UndoHistory): { history: UndoHistory; entry: Change[]; apply: Change[] } | null {
  const entry = h.done[h.done.length - 1];
  if (!entry) return null;
  return {
    history: { done: h.done.slice(0, -1), undone: [...h.undone, entry] },
    entry,
    apply: entry.map(invert).reverse(),
  };
}

/** Puts the last undone action back: `apply` is the action itself. */
export function redo(h: UndoHistory): { history: UndoHistory; entry: Change[]; apply: Change[] } | null {
  const entry = h.undone[h.undone.length - 1];
  if (!entry) return null;
  return { history: { done: [...h.done, entry], undone: h.undone.slice(0, -1) }, entry, apply: entry };
}

/** An action whose save failed never happened: it leaves both lists. */
export function forget(h: UndoHistory, entry: Change[]): UndoHistory {
  return { done: h.done.filter((e) => e !== entry), undone: h.undone.filter((e) => e !== entry) };
}

/** An undo or redo whose save failed: the entry goes back to the list it came from. */
export function revertMove(h: UndoHistory, entry: Change[], was: 'undo' | 'redo'): UndoHistory {
  const done = h.done.filter((e) => e !== entry);
  const undone = h.undone.filter((e) => e !== entry);
  return was === 'undo' ? { done: [...done, entry], undone } : { done, undone: [...undone, entry] };
}

/** The store now holds someone else's values for this person: entries about them cannot be replayed. */
export function forgetPerson(h: UndoHistory, personId: string): UndoHistory {
  const keep = (e: Change[]) => !e.some((c) => c.personId === personId);
  return { done: h.done.filter(keep), undone: h.undone.filter(keep) };
}
