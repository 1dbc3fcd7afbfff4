// The grid's keys as a spreadsheet user expects them, decided without a browser.
import { describe, expect, it } from 'vitest';
import { gridKeyAction, PAGE_ROWS, type KeyInput } from '../../../renderer/src/pages/ratings/grid/keymap';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrl: false,
  shift: false,
  alt: false,
  composing: false,
  ...mods,
});

describe('grid keys', () => {
  it('arrows move, Shift+arrows extend the selection', () => {
    expect(gridKeyAction(key('ArrowDown'))).toEqual({ kind: 'move', dr: 1, dc: 0, extend: false });
    expect(gridKeyAction(key('ArrowLeft', { shift: true }))).toEqual({ kind: 'move', dr: 0, dc: -1, extend: true });
    expect(gridKeyAction(key('PageDown', { shift: true }))).toEqual({
      kind: 'move',
      dr: PAGE_ROWS,
      dc: 0,
      extend: true,
    });
    // Tab never extends: Shift+Tab goes back one cell.
    expect(gridKeyAction(key('Tab', { shift: true }))).toEqual({ kind: 'move', dr: 0, dc: -1, extend: false });
  });

  it('Ctrl+arrows and Ctrl+Home/End jump to the edges', () => {
    expect(gridKeyAction(key('ArrowDown', { ctrl: true }))).toEqual({
      kind: 'jump',
      row: 'last',
      col: 'same',
      extend: false,
    });
    expect(gridKeyAction(key('ArrowUp', { ctrl: true, shift: true }))).toEqual({
      kind: 'jump',
      row: 'first',
      col: 'same',
      extend: true,
    });
    expect(gridKeyAction(key('Home', { ctrl: true }))).toEqual({
      kind: 'jump',
      row: 'first',
      col: 'first',
      extend: false,
    });
    expect(gridKeyAction(key('End'))).toEqual({ kind: 'jump', row: 'same', col: 'last', extend: false });
  });

  it('undo, redo, fill-down and select-all; copy and paste are left to the clipboard events', () => {
    expect(gridKeyAction(key('z', { ctrl: true }))).toEqual({ kind: 'undo' });
    expect(gridKeyAction(key('Z', { ctrl: true, shift: true }))).toEqual({ kind: 'redo' });
    expect(gridKeyAction(key('y', { ctrl: true }))).toEqual({ kind: 'redo' });
    expect(gridKeyAction(key('d', { ctrl: true }))).toEqual({ kind: 'fillDown' });
    expect(gridKeyAction(key('a', { ctrl: true }))).toEqual({ kind: 'selectAll' });
    expect(gridKeyAction(key('c', { ctrl: true }))).toEqual({ kind: 'pass' });
    expect(gridKeyAction(key('v', { ctrl: true }))).toEqual({ kind: 'pass' });
    expect(gridKeyAction(key('x', { ctrl: true }))).toEqual({ kind: 'pass' });
    // AltGr arrives as Ctrl+Alt on Windows: never a shortcut.
    expect(gridKeyAction(key('d', { ctrl: true, alt: true }))).toEqual({ kind: 'pass' });
  });

  it('Enter, F2, Delete and typed characters', () => {
    expect(gridKeyAction(key('Enter'))).toEqual({ kind: 'enter', up: false });
    expect(gridKeyAction(key('Enter', { shift: true }))).toEqual({ kind: 'enter', up: true });
    expect(gridKeyAction(key('F2'))).toEqual({ kind: 'edit' });
    expect(gridKeyAction(key('Delete'))).toEqual({ kind: 'clear' });
    expect(gridKeyAction(key('Backspace'))).toEqual({ kind: 'clear' });
    expect(gridKeyAction(key('1'))).toEqual({ kind: 'type', text: '1' });
    // The typed character keeps its case (the text editor starts with it).
    expect(gridKeyAction(key('H', { shift: true }))).toEqual({ kind: 'type', text: 'H' });
    expect(gridKeyAction(key('Escape'))).toEqual({ kind: 'none' });
  });

  it('keys belonging to an input method are left alone', () => {
    expect(gridKeyAction(key('Process'))).toEqual({ kind: 'none' });
    expect(gridKeyAction(key('h', { composing: true }))).toEqual({ kind: 'none' });
  });
});
