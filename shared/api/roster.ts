// Contract of units and people: the roster (人员名册).
export const rosterMethods = {};
