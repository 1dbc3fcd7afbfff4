// Tab-separated text as Excel and WPS put it on the clipboard: cells split by tabs, rows by line
// breaks, and a cell holding a tab, a line break or a quote wrapped in quotes with "" for a quote.

/** Reads clipboard text into rows of cells. A trailing line break (Excel adds one) is not a row. */
export function parseTsv(text: string): string[][] {
  const s = text.replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < s.length) {
    const ch = s[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: read to the closing quote; "" is one quote.
      const end = closingQuote(s, i + 1);
      if (end !== -1) {
        cell = s.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else cell += ch;
    i++;
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The index of the quote closing a quoted cell that opened before `from`, or -1 if it is not one. */
function closingQuote(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] !== '"') continue;
    if (s[j + 1] === '"') {
      j++;
      continue;
    }
    // Excel's quoted cell ends at a separator or the end; anything else means the quote was literal.
    const next = s[j + 1];
    return next === undefined || next === '\t' || next === '\n' ? j : -1;
  }
  return -1;
}

function quoteCell(v: string): string {
  return /[\t\n\r"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes rows of cells as clipboard text that Excel and WPS paste back into the same cells. */
export function toTsv(rows: string[][]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n') + '\r\n';
}
