// The plain list of contract method names. It imports nothing, so the sandboxed preload can use it
// (a sandboxed preload can load no npm package, zod included). A test checks it equals the contract.
// Each capability keeps its own block; add a name here and an entry in its shared/api/<cap>.ts.

export const CHANNEL_PREFIX = 'da:';

export const METHOD_NAMES = [
  // system
  'system.info',
  // roster
  // years, periods, ratings, evidence
  // imports and templates
  // jobs
  'jobs.get',
  'jobs.cancel',
  // yearend
  // pack
  // auth, operators, audit, backup
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function channelOf(method: string): string {
  return CHANNEL_PREFIX + method;
}

export function methodOfChannel(channel: string): string | null {
  return channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : null;
}
