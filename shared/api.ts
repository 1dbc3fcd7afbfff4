// The one contract between renderer and main: every method, its schemas and its permission.
// Each capability declares its methods in shared/api/<capability>.ts; this file joins them.
import type { z } from 'zod';
import type { Result } from './result';
import type { MethodName } from './api/methods';
import { jobsMethods } from './api/jobs';
import { desktopMethods } from './api/desktop';
import { systemMethods } from './api/system';
import { rosterMethods } from './api/roster';
import { importsMethods } from './api/imports';
import { yearsMethods } from './api/years';
import { evidenceMethods } from './api/evidence';
import { yearendMethods } from './api/yearend';
import { packMethods } from './api/pack';
import { trustMethods } from './api/trust';
import { calendarMethods } from './api/calendar';
import { signoffMethods } from './api/signoff';
import { exchangeMethods } from './api/exchange';
import { peopleMethods } from './api/people';
import { roundsMethods } from './api/rounds';
import { rollupMethods } from './api/rollup';
import { attachmentsMethods } from './api/attachments';

export const contract = {
  ...systemMethods,
  ...jobsMethods,
  ...desktopMethods,
  ...rosterMethods,
  ...importsMethods,
  ...yearsMethods,
  ...evidenceMethods,
  ...yearendMethods,
  ...packMethods,
  ...trustMethods,
  ...calendarMethods,
  ...signoffMethods,
  ...exchangeMethods,
  ...peopleMethods,
  ...roundsMethods,
  ...rollupMethods,
  ...attachmentsMethods,
} as const;

export type Contract = typeof contract;
export type ContractMethod = keyof Contract;
export type InputOf<M extends ContractMethod> = z.input<Contract[M]['input']>;
export type OutputOf<M extends ContractMethod> = z.output<Contract[M]['output']>;

/** What the renderer sees as window.api: one async function per method, results as values. */
export type ApiClient = {
  [M in ContractMethod]: (input: InputOf<M>) => Promise<Result<OutputOf<M>>>;
};

// Compile-time check that the plain name list and the contract agree in both directions.
type Missing = Exclude<ContractMethod, MethodName>;
export const contractNamesAgree: [Missing] extends [never] ? true : Missing = true;
