// The bounds an outside spreadsheet must stay within before it is parsed. Generous for real
// department files (a 50,000-row evidence workbook is about 3 MB zipped, 60 MB of XML), tight for bombs.

export interface SafetyLimits {
  maxFileBytes: number;
  maxEntries: number;
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  /** uncompressed / compressed of one entry, checked for entries above ratioFloorBytes */
  maxRatio: number;
  ratioFloorBytes: number;
  maxSheets: number;
}

export const DEFAULT_LIMITS: SafetyLimits = {
  maxFileBytes: 30 * 1024 * 1024,
  maxEntries: 2_000,
  // A 50,000-row evidence workbook expands to about 24 MB. Parts far beyond that can exhaust a
  // 256 MB worker so fast that V8 aborts the whole process instead of ending the worker (measured:
  // 190 MB of shared strings at ratio 30 did), so the expansion itself is bounded here.
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxEntryUncompressed: 80 * 1024 * 1024,
  maxRatio: 150,
  ratioFloorBytes: 4 * 1024 * 1024,
  maxSheets: 200,
};

export const MB = 1024 * 1024;
export const fmtMb = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;
