// The agency and assessment year the clerk is working on, shared by every page of the shell.
// Owned by the years capability: it loads the years through the contract and remembers the choice.
import { createContext, useContext, type ReactNode } from 'react';
import type { AssessmentYearDto, PeriodDto } from '@shared/domain/records';

export interface CurrentYear {
  year: AssessmentYearDto | null;
  periods: PeriodDto[];
  setYearId(id: string): void;
  reload(): void;
}

const Ctx = createContext<CurrentYear>({ year: null, periods: [], setYearId: () => undefined, reload: () => undefined });

export function CurrentYearProvider({ children }: { children: ReactNode }) {
  // Filled in by the years capability (years.list / periods.list); until then no year is chosen.
  return <Ctx.Provider value={{ year: null, periods: [], setYearId: () => undefined, reload: () => undefined }}>{children}</Ctx.Provider>;
}

export function useCurrentYear(): CurrentYear {
  return useContext(Ctx);
}

export const CurrentYearContext = Ctx;
