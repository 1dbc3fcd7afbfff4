// Contract of operators, log-in, the audit trail and backups.
export const trustMethods = {};
