// Method names of year end: suggestions with traces, quotas, decisions, stages, redress. Plain strings, no imports: the preload uses them.
export const YEAREND_METHODS = [] as const;
