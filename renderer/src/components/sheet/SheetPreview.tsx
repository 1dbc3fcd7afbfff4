// Draws a SheetModel as HTML: A4 pages cut at the model's page breaks, title rows repeated, the same
// column widths, row heights, merges, borders and fonts as the workbook — what you see is what prints.
// Sentences of a traced text show their source on hover.
import { Fragment, type CSSProperties } from 'react';
import {
  columnWidthPt,
  pageSizePt,
  PT_PER_CM,
  type CellStyle,
  type SheetCell,
  type SheetModel,
} from '@shared/sheets/model';
import { SCREEN_FONT_STACK } from '@shared/sheets/screen-fonts';
import { useT } from '../../i18n/language';
import './sheet-preview.css';

function cellCss(style: CellStyle | undefined, rowSpanHeight: number): CSSProperties {
  if (!style) return {};
  const edge = (e: 'thin' | 'medium' | null) => (e ? `${e === 'medium' ? 2 : 1}px solid #000` : 'none');
  return {
    fontFamily: SCREEN_FONT_STACK[style.font],
    fontSize: `${style.size}pt`,
    fontWeight: style.bold ? 700 : 400,
    textAlign: style.h,
    verticalAlign: style.v,
    whiteSpace: style.wrap ? 'pre-wrap' : 'pre',
    overflow: 'hidden',
    borderTop: edge(style.border.top),
    borderRight: edge(style.border.right),
    borderBottom: edge(style.border.bottom),
    borderLeft: edge(style.border.left),
    height: `${rowSpanHeight}pt`,
    paddingLeft: style.h === 'left' && style.border.left ? '5pt' : '2pt',
  };
}

/** Page ranges [first, last] from the model's breaks. */
export function pagesOf(model: SheetModel): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const b of model.breaks) {
    out.push([start, b]);
    start = b + 1;
  }
  if (start < model.rows.length) out.push([start, model.rows.length - 1]);
  return out;
}

function footerText(code: string, page: number): { left: string; center: string; right: string } {
  const parts = { left: '', center: '', right: '' };
  let cur: keyof typeof parts = 'center';
  for (const m of code
    .replace(/&P/g, String(page))
    .replace(/&N/g, '')
    .split(/(&[LCR])/)) {
    if (m === '&L') cur = 'left';
    else if (m === '&C') cur = 'center';
    else if (m === '&R') cur = 'right';
    else parts[cur] += m.replace(/&&/g, '&');
  }
  return parts;
}

function CellContent({ cell }: { cell: SheetCell }) {
  const t = useT();
  if (!cell.runs) return <>{cell.v ?? ''}</>;
  return (
    <>
      {cell.runs.map((run, i) =>
        run.source ? (
          <span
            key={i}
            className="sheet-run"
            title={t('sheet.source', { label: run.source.label })}
            data-source-kind={run.source.kind}
            data-source-id={run.source.id}
          >
            {run.text}
          </span>
        ) : (
          <Fragment key={i}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}

function PageRows({ model, from, to }: { model: SheetModel; from: number; to: number }) {
  const rows = [];
  for (let r = from; r <= to; r++) {
    const row = model.rows[r]!;
    rows.push(
      <tr key={r} style={{ height: `${row.height}pt` }} data-row={r}>
        {row.cells.map((cell) => {
          // a merge never crosses a page in our models; clamp anyway so the page stays whole
          const rs = Math.min(cell.rs ?? 1, to - r + 1);
          let h = 0;
          for (let i = r; i < r + rs; i++) h += model.rows[i]!.height;
          return (
            <td
              key={cell.c}
              rowSpan={rs}
              colSpan={cell.cs ?? 1}
              style={cellCss(model.styles[cell.s], h)}
              data-col={cell.c}
            >
              <CellContent cell={cell} />
            </td>
          );
        })}
      </tr>,
    );
  }
  return <>{rows}</>;
}

/** `zoom` scales the screen preview only (CSS zoom keeps layout and hit-testing right); print is 1:1. */
export function SheetPreview({
  model,
  className,
  zoom = 1,
  maxPages = Infinity,
}: {
  model: SheetModel;
  className?: string;
  zoom?: number;
  maxPages?: number;
}) {
  const t = useT();
  const page = pageSizePt(model.print.orientation);
  const m = model.print.margins;
  const widths = model.columns.map((c) => columnWidthPt(c.width));
  const titles = model.print.titleRows;
  return (
    <div
      className={`sheet-preview ${className ?? ''}`}
      aria-label={model.title}
      data-pages={model.pages}
      style={zoom !== 1 ? { zoom } : undefined}
    >
      {pagesOf(model)
        .slice(0, maxPages)
        .map(([from, to], i) => {
          const footer = footerText(model.print.footer, i + 1);
          return (
            <div
              key={from}
              className={`sheet-page sheet-page-${model.print.orientation}`}
              data-page={i + 1}
              style={{
                width: `${page.width}pt`,
                height: `${page.height}pt`,
                padding: `${m.top * PT_PER_CM}pt ${m.right * PT_PER_CM}pt ${m.bottom * PT_PER_CM}pt ${m.left * PT_PER_CM}pt`,
              }}
            >
              <table className="sheet-table" style={{ width: `${widths.reduce((a, b) => a + b, 0)}pt` }}>
                <colgroup>
                  {widths.map((w, c) => (
                    <col key={c} style={{ width: `${w}pt` }} />
                  ))}
                </colgroup>
                <tbody>
                  {titles && i > 0 && <PageRows model={model} from={titles[0]} to={titles[1]} />}
                  <PageRows model={model} from={from} to={to} />
                </tbody>
              </table>
              {(footer.left || footer.center || footer.right) && (
                <div
                  className="sheet-footer"
                  style={{
                    bottom: `${m.footer * PT_PER_CM}pt`,
                    left: `${m.left * PT_PER_CM}pt`,
                    right: `${m.right * PT_PER_CM}pt`,
                  }}
                >
                  <span>{footer.left}</span>
                  <span>{footer.center}</span>
                  <span>{footer.right}</span>
                </div>
              )}
            </div>
          );
        })}
      {model.pages > maxPages && (
        <div className="sheet-more">{t('sheet.more', { pages: model.pages, shown: maxPages })}</div>
      )}
    </div>
  );
}
