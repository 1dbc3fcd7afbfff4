// The plain list of contract method names. It imports nothing from npm, so the sandboxed preload can
// use it (a sandboxed preload can load no npm package, zod included). A test checks it equals the
// contract. Each capability lists its names in shared/api/names/<capability>.ts.
import { ROSTER_METHODS } from './names/roster';
import { IMPORTS_METHODS } from './names/imports';
import { YEARS_METHODS } from './names/years';
import { EVIDENCE_METHODS } from './names/evidence';
import { YEAREND_METHODS } from './names/yearend';
import { PACK_METHODS } from './names/pack';
import { TRUST_METHODS } from './names/trust';
import { CALENDAR_METHODS } from './names/calendar';
import { SIGNOFF_METHODS } from './names/signoff';
import { EXCHANGE_METHODS } from './names/exchange';
import { PEOPLE_METHODS } from './names/people';
import { ROUNDS_METHODS } from './names/rounds';
import { ROLLUP_METHODS } from './names/rollup';
import { ATTACHMENTS_METHODS } from './names/attachments';

export const CHANNEL_PREFIX = 'da:';

/** The one pushed channel (main → renderer): every job's state as it changes. Not a method: nothing answers it. */
export const JOB_CHANNEL = 'da-push:jobs';

export const METHOD_NAMES = [
  'system.info',
  'system.slowCalls',
  'system.setupProgress',
  'jobs.get',
  'jobs.cancel',
  'desktop.pickOpenFile',
  'desktop.pickSaveFile',
  'desktop.pickFolder',
  'desktop.showInFolder',
  ...ROSTER_METHODS,
  ...IMPORTS_METHODS,
  ...YEARS_METHODS,
  ...EVIDENCE_METHODS,
  ...YEAREND_METHODS,
  ...PACK_METHODS,
  ...TRUST_METHODS,
  ...CALENDAR_METHODS,
  ...SIGNOFF_METHODS,
  ...EXCHANGE_METHODS,
  ...PEOPLE_METHODS,
  ...ROUNDS_METHODS,
  ...ROLLUP_METHODS,
  ...ATTACHMENTS_METHODS,
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function channelOf(method: string): string {
  return CHANNEL_PREFIX + method;
}

export function methodOfChannel(channel: string): string | null {
  return channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : null;
}
