// Contract of year end: suggestions with traces, quotas, decisions, stages, redress.
export const yearendMethods = {};
