// The agency and assessment year the clerk is working on, shared by every page of the shell.
// Owned by the years capability: it loads the years through the contract and remembers the choice.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AssessmentYearDto, PeriodDto } from '@shared/domain/records';
import { call } from '../api/client';
import { usePermissions } from '../components/auth/usePermissions';

export interface CurrentYear {
  year: AssessmentYearDto | null;
  periods: PeriodDto[];
  setYearId(id: string): void;
  reload(): void;
  /** every year the operator may see, newest first */
  years?: AssessmentYearDto[];
  loading?: boolean;
  /** why the years could not be loaded (not signed in yet, no permission…) */
  error?: string | null;
}

const STORAGE_KEY = 'da.currentYearId';

const Ctx = createContext<CurrentYear>({
  year: null,
  periods: [],
  setYearId: () => undefined,
  reload: () => undefined,
});

function remembered(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(id: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, id);
  } catch {
    /* storage unavailable: the choice lasts for this window only */
  }
}

export function CurrentYearProvider({ children }: { children: ReactNode }) {
  const [years, setYears] = useState<AssessmentYearDto[]>([]);
  const [yearId, setYearIdState] = useState<string | null>(remembered());
  const [periods, setPeriods] = useState<PeriodDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  // an operator without year.read (the security administrator) has no years: none are asked for,
  // so the core refuses nothing the shell did on its own
  const mayRead = usePermissions().can('year.read');

  useEffect(() => {
    const mine = ++seq.current;
    if (!mayRead) {
      setYears([]);
      setError(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    call('years.list', {}).then(
      (list) => {
        if (mine !== seq.current) return;
        setYears(list);
        setError(null);
        // Keep the remembered year if it still exists, else the newest one.
        setYearIdState((cur) => (cur && list.some((y) => y.id === cur) ? cur : (list[0]?.id ?? null)));
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
  }, [tick, mayRead]);

  useEffect(() => {
    if (!yearId || !years.some((y) => y.id === yearId)) {
      setPeriods([]);
      return;
    }
    let live = true;
    call('periods.list', { yearId }).then(
      (ps) => live && setPeriods(ps),
      () => live && setPeriods([]),
    );
    return () => {
      live = false;
    };
  }, [yearId, years]);

  const setYearId = useCallback((id: string) => {
    remember(id);
    setYearIdState(id);
  }, []);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  const value = useMemo<CurrentYear>(
    () => ({ year: years.find((y) => y.id === yearId) ?? null, periods, setYearId, reload, years, loading, error }),
    [years, yearId, periods, setYearId, reload, loading, error],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCurrentYear(): CurrentYear {
  return useContext(Ctx);
}

export const CurrentYearContext = Ctx;
