// Method names of units and people: the roster (人员名册). Plain strings, no imports: the preload uses them.
export const ROSTER_METHODS = [] as const;
