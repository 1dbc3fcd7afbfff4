// Method names of operators, log-in, the audit trail and backups. Plain strings, no imports: the preload uses them.
export const TRUST_METHODS = [] as const;
