// The ratings grid's editing state: local rows, a save queue (one save at a time, so each carries the
// updatedAt of the previous one), the visible autosave state, undo and redo (grid/undo-history.ts),
// cap overrides.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  GridRowDto,
  PeriodCapStatusDto,
  RatingsGridDto,
  SaveRatingsResultDto,
  CapWarningDto,
} from '@shared/api/years';
import { ApiError, call } from '../../api/client';
import type { EditableField } from './columns';
import { realChanges, type CellValue, type Change } from './grid/changes';
import * as history from './grid/undo-history';
import { useT } from '../../i18n/language';

export type { CellValue, Change } from './grid/changes';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; reason: string };

export interface OverrideRequest {
  message: string;
  resolve(reason: string | null): void;
}

function rowValue(row: GridRowDto, field: EditableField): CellValue {
  return row[field];
}

export function useGridEditor(grid: RatingsGridDto | undefined) {
  const t = useT();
  const [rows, setRows] = useState<GridRowDto[]>([]);
  const [capStatus, setCapStatus] = useState<PeriodCapStatusDto | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [warnings, setWarnings] = useState<CapWarningDto[]>([]);
  const [override, setOverride] = useState<OverrideRequest | null>(null);
  const rowsRef = useRef<GridRowDto[]>([]);
  const undoHistory = useRef<history.UndoHistory>(history.emptyHistory());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);

  useEffect(() => {
    rowsRef.current = grid?.rows ?? [];
    setRows(rowsRef.current);
    setCapStatus(grid?.capStatus ?? null);
    setWarnings([]);
    undoHistory.current = history.emptyHistory();
  }, [grid]);

  const patchRows = useCallback((fn: (r: GridRowDto) => GridRowDto) => {
    rowsRef.current = rowsRef.current.map(fn);
    setRows(rowsRef.current);
  }, []);

  const applyLocal = useCallback(
    (changes: Change[], use: 'before' | 'after') => {
      // Later changes to the same cell win, here and in the save: an undo lists its inverses newest first.
      const byPerson = new Map<string, Change[]>();
      for (const c of changes) (byPerson.get(c.personId) ?? byPerson.set(c.personId, []).get(c.personId)!).push(c);
      patchRows((r) => {
        const cs = byPerson.get(r.personId);
        if (!cs) return r;
        const next = { ...r };
        for (const c of cs) (next as Record<EditableField, CellValue>)[c.field] = c[use];
        return next;
      });
    },
    [patchRows],
  );

  const askOverride = useCallback(
    (message: string) =>
      new Promise<string | null>((resolve) => {
        setOverride({
          message,
          resolve: (reason) => {
            setOverride(null);
            resolve(reason);
          },
        });
      }),
    [],
  );

  /** Sends changes (already shown locally) to the store; on failure puts the old values back. */
  const persist = useCallback(
    (changes: Change[]) => {
      const use = 'after'; // the changes are what the cells should now hold
      if (!grid) return Promise.resolve(false);
      pending.current++;
      setSaveState({ kind: 'saving' });
      const run = async (): Promise<boolean> => {
        const rowsToSend = () => {
          const byPerson = new Map<string, Record<string, unknown>>();
          for (const c of changes) {
            const current = rowsRef.current.find((r) => r.personId === c.personId);
            const entry = byPerson.get(c.personId) ?? {
              periodId: grid.period.id,
              personId: c.personId,
              unitId: grid.department.id,
              expectedUpdatedAt: current?.updatedAt ?? null,
            };
            entry[c.field] = c[use];
            byPerson.set(c.personId, entry);
          }
          return [...byPerson.values()];
        };
        const send = async (reason?: string): Promise<SaveRatingsResultDto> => {
          const list = rowsToSend();
          const ov = reason ? { override: { reason } } : {};
          return list.length === 1
            ? call('ratings.save', { ...(list[0] as { periodId: string; personId: string }), ...ov })
            : call('ratings.saveBatch', { rows: list as { periodId: string; personId: string }[], ...ov });
        };
        try {
          let result: SaveRatingsResultDto;
          try {
            result = await send();
          } catch (e) {
            if (!(e instanceof ApiError) || e.error.code !== 'QUOTA') throw e;
            const reason = await askOverride(e.message);
            if (!reason) throw new ApiError({ code: 'QUOTA', message: t('override.cancelled') });
            result = await send(reason);
          }
          const saved = new Map(result.saved.map((s) => [s.personId, s]));
          patchRows((r) => {
            const s = saved.get(r.personId);
            return s
              ? {
                  ...r,
                  ratingId: s.id,
                  updatedAt: s.updatedAt,
                  rater: s.rater,
                  ratedInUnitId: null,
                  ratedInUnitName: null,
                }
              : r;
          });
          setCapStatus(result.capStatus);
          setWarnings(result.warnings);
          pending.current--;
          if (pending.current === 0)
            setSaveState({ kind: 'saved', at: new Date().toLocaleTimeString('zh-CN', { hour12: false }) });
          return true;
        } catch (e) {
          pending.current--;
          const err = e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) });
          if (err.error.code === 'CONFLICT') {
            const current = (
              err.error.details as { current?: (Partial<GridRowDto> & { id?: string }) | null } | undefined
            )?.current;
            const personId = (err.error.details as { personId?: string } | undefined)?.personId;
            if (personId) {
              // The cell now holds what someone else saved: undo entries about this person are stale.
              undoHistory.current = history.forgetPerson(undoHistory.current, personId);
              patchRows((r) =>
                r.personId !== personId
                  ? r
                  : current
                    ? {
                        ...r,
                        ratingId: current.id ?? r.ratingId,
                        workRecord: current.workRecord ?? '',
                        selfAssessment: current.selfAssessment ?? '',
                        rating: current.rating ?? null,
                        comment: current.comment ?? '',
                        rater: current.rater ?? '',
                        updatedAt: current.updatedAt ?? null,
                      }
                    : r,
              );
            }
          } else {
            applyLocal(changes, 'before');
          }
          setSaveState({ kind: 'failed', reason: err.message });
          return false;
        }
      };
      const p = queue.current.then(run);
      queue.current = p.then(
        () => undefined,
        () => undefined,
      );
      return p;
    },
    [grid, patchRows, applyLocal, askOverride, t],
  );

  /** A clerk's edit: shown at once, saved in the background, undoable. */
  const edit = useCallback(
    (changes: Change[]) => {
      const real = realChanges(changes);
      if (real.length === 0) return;
      applyLocal(real, 'after');
      undoHistory.current = history.record(undoHistory.current, real);
      void persist(real).then((ok) => {
        if (!ok) undoHistory.current = history.forget(undoHistory.current, real);
      });
    },
    [applyLocal, persist],
  );

  /** Undo (or redo) the last action; a failed save puts the entry back where it was. */
  const step = useCallback(
    (was: 'undo' | 'redo') => {
      const taken = was === 'undo' ? history.undo(undoHistory.current) : history.redo(undoHistory.current);
      if (!taken) return false;
      undoHistory.current = taken.history;
      applyLocal(taken.apply, 'after');
      void persist(taken.apply).then((ok) => {
        if (!ok) undoHistory.current = history.revertMove(undoHistory.current, taken.entry, was);
      });
      return true;
    },
    [applyLocal, persist],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);

  const valueOf = useCallback((personId: string, field: EditableField): CellValue => {
    const r = rowsRef.current.find((x) => x.personId === personId);
    return r ? rowValue(r, field) : null;
  }, []);

  /** Resolves once every queued save has ended (before the grid turns to another page). */
  const idle = useCallback(() => queue.current, []);

  return {
    rows,
    idle,
    capStatus,
    saveState,
    warnings,
    override,
    edit,
    undo,
    redo,
    valueOf,
    canUndo: () => undoHistory.current.done.length > 0,
  };
}
