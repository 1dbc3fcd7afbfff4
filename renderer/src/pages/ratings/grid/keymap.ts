// What a key press in the grid means, decided without the DOM: the component reads the event into a
// KeyInput, asks gridKeyAction, and carries the action out. Excel's habits: arrows move, Shift+arrows
// select, Ctrl+C copies, Ctrl+D fills down, Ctrl+Z undoes, Ctrl+Y (or Ctrl+Shift+Z) redoes.

export interface KeyInput {
  key: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  /** an input method is composing: the key belongs to it */
  composing: boolean;
}

export type GridAction =
  | { kind: 'none' }
  /** leave the key to the browser (copy/paste events, the app's own shortcuts) */
  | { kind: 'pass' }
  | { kind: 'move'; dr: number; dc: number; extend: boolean }
  | { kind: 'jump'; row: Edge; col: Edge; extend: boolean }
  | { kind: 'selectAll' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'fillDown' }
  | { kind: 'clear' }
  | { kind: 'edit' }
  | { kind: 'enter'; up: boolean }
  /** a printable character typed on the cell */
  | { kind: 'type'; text: string };

export type Edge = 'first' | 'last' | 'same';

/** Rows moved by PageUp / PageDown. */
export const PAGE_ROWS = 10;

export function gridKeyAction(k: KeyInput): GridAction {
  if (k.composing || k.key === 'Process') return { kind: 'none' };
  const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
  if (k.ctrl && !k.alt) {
    if (key === 'z') return k.shift ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y') return { kind: 'redo' };
    if (key === 'd') return { kind: 'fillDown' };
    if (key === 'a') return { kind: 'selectAll' };
    if (key === 'Home') return { kind: 'jump', row: 'first', col: 'first', extend: k.shift };
    if (key === 'End') return { kind: 'jump', row: 'last', col: 'last', extend: k.shift };
    // Ctrl+arrow: to the edge of the table, as Excel does over a full column.
    if (key === 'ArrowUp') return { kind: 'jump', row: 'first', col: 'same', extend: k.shift };
    if (key === 'ArrowDown') return { kind: 'jump', row: 'last', col: 'same', extend: k.shift };
    if (key === 'ArrowLeft') return { kind: 'jump', row: 'same', col: 'first', extend: k.shift };
    if (key === 'ArrowRight') return { kind: 'jump', row: 'same', col: 'last', extend: k.shift };
    return { kind: 'pass' }; // Ctrl+C / Ctrl+V arrive as copy / paste events
  }
  if (k.alt) return { kind: 'pass' };
  switch (key) {
    case 'ArrowUp':
      return { kind: 'move', dr: -1, dc: 0, extend: k.shift };
    case 'ArrowDown':
      return { kind: 'move', dr: 1, dc: 0, extend: k.shift };
    case 'ArrowLeft':
      return { kind: 'move', dr: 0, dc: -1, extend: k.shift };
    case 'ArrowRight':
      return { kind: 'move', dr: 0, dc: 1, extend: k.shift };
    case 'Tab':
      return { kind: 'move', dr: 0, dc: k.shift ? -1 : 1, extend: false };
    case 'PageDown':
      return { kind: 'move', dr: PAGE_ROWS, dc: 0, extend: k.shift };
    case 'PageUp':
      return { kind: 'move', dr: -PAGE_ROWS, dc: 0, extend: k.shift };
    case 'Home':
      return { kind: 'jump', row: 'same', col: 'first', extend: k.shift };
    case 'End':
      return { kind: 'jump', row: 'same', col: 'last', extend: k.shift };
    case 'Enter':
      return { kind: 'enter', up: k.shift };
    case 'F2':
      return { kind: 'edit' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' };
  }
  return key.length === 1 ? { kind: 'type', text: k.key } : { kind: 'none' };
}
