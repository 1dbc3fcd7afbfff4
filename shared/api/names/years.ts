// Method names of assessment years, periods, quarterly ratings and the office review. Plain strings, no imports: the preload uses them.
export const YEARS_METHODS = [] as const;
