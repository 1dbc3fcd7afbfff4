// Prints SheetModels on their own: renders them into a portal under <body>, marks the body so the
// print CSS hides everything else, calls window.print(), and cleans up afterwards.
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { SheetModel } from '@shared/sheets/model';
import { SheetPreview } from './SheetPreview';

export function PrintSheet({ models, onDone }: { models: SheetModel[] | null; onDone: () => void }) {
  useEffect(() => {
    if (!models) return;
    document.body.classList.add('sheet-printing');
    const after = () => {
      document.body.classList.remove('sheet-printing');
      onDone();
    };
    // let the portal render before the print dialog snapshots the page
    const t = window.setTimeout(() => {
      window.addEventListener('afterprint', after, { once: true });
      window.print();
    }, 50);
    return () => {
      window.clearTimeout(t);
      window.removeEventListener('afterprint', after);
      document.body.classList.remove('sheet-printing');
    };
  }, [models, onDone]);
  if (!models) return null;
  return createPortal(
    <div className="sheet-print-portal" data-testid="sheet-print-portal">
      {models.map((m, i) => (
        <SheetPreview key={i} model={m} />
      ))}
    </div>,
    document.body,
  );
}
