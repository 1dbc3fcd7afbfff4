// Finds table columns a user cannot read at the current window size: a header cell that lies outside
// its scroll container (cut at the right edge, needs sideways scrolling), one covered by a sticky
// column (the fixed 操作 column over 状态), and a cell whose text overflows its width without the
// deliberate ellipsis (a tag cut to "在"). With a drawer or dialog open, only its tables are checked.
// Returns one Chinese line per problem, so a failure names it.
import type { Page } from 'playwright-core';

export async function clippedColumns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const viewportWidth = document.documentElement.clientWidth;
    const label = (el: Element) => (el.textContent ?? '').trim().slice(0, 20) || '（空）';
    /** the nearest ancestor that clips horizontally, or the viewport */
    const clipRight = (el: Element): { left: number; right: number } => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox !== 'visible') {
          const r = p.getBoundingClientRect();
          return { left: r.left, right: Math.min(r.right, viewportWidth) };
        }
      }
      return { left: 0, right: viewportWidth };
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    /** true when the point hits the element itself (nothing sticky painted over it; toasts aside) */
    const onTop = (el: Element, x: number, y: number) => {
      if (y < 0 || y >= window.innerHeight) return true; // off screen vertically: only the box test applies
      // A toast (antd message or notification) passes over the page for a few seconds: it is not
      // the layout, so the first element under it is the one that counts.
      const hit = document.elementsFromPoint(x, y).find((h) => !h.closest('.ant-message, .ant-notification'));
      return !!hit && (hit === el || el.contains(hit) || hit.contains(el));
    };
    /** the cell's laid-out content reaches past its edges; a deliberate ellipsis (with its title) is fine */
    const overflows = (cell: Element) => {
      if (!visible(cell)) return false;
      for (const el of [cell, ...cell.querySelectorAll('*')])
        if (el.classList.contains('ant-table-cell-ellipsis') || getComputedStyle(el).textOverflow === 'ellipsis')
          return false;
      // A range covers the content only: the sticky columns' shadow pseudo-elements are not in it.
      const range = document.createRange();
      range.selectNodeContents(cell);
      const content = range.getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      return content.width > 0 && (content.right > box.right + 1 || content.left < box.left - 1);
    };
    // An open drawer or dialog is what the user reads: the tables under its mask are not checked.
    const layers = [...document.querySelectorAll('.ant-modal-wrap, .ant-drawer-open .ant-drawer-content-wrapper')];
    const root: ParentNode = layers.filter(visible).at(-1) ?? document;
    const tables = [...root.querySelectorAll('table')].filter(visible);
    for (const table of tables) {
      const tableName =
        table.closest('[aria-label]')?.getAttribute('aria-label') ??
        table.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent ??
        '表格';
      for (const th of table.querySelectorAll('thead th')) {
        if (!visible(th) || !label(th) || label(th) === '（空）') continue;
        const r = th.getBoundingClientRect();
        const clip = clipRight(th);
        if (r.left < clip.left - 1 || r.right > clip.right + 1) {
          problems.push(`${tableName}：列“${label(th)}”超出可见区域（需要横向滚动）`);
          continue;
        }
        const y = r.top + r.height / 2;
        if (!onTop(th, r.left + 3, y) || !onTop(th, r.right - 3, y))
          problems.push(`${tableName}：列“${label(th)}”被固定列遮住`);
      }
      const cells = [...table.querySelectorAll('tbody td')].slice(0, 400);
      for (const cell of cells) {
        if (cell.closest('.ant-table-expanded-row, .ant-table-placeholder')) continue;
        if (overflows(cell)) problems.push(`${tableName}：单元格“${label(cell)}”的内容宽于列宽，被截断`);
      }
    }
    // A virtual table (antd `virtual`) draws its body rows as divs outside any <table>.
    for (const cell of [...root.querySelectorAll('.ant-table-tbody-virtual .ant-table-cell')].slice(0, 400)) {
      if (overflows(cell)) problems.push(`表格：单元格“${label(cell)}”的内容宽于列宽，被截断`);
    }
    return [...new Set(problems)];
  });
}
