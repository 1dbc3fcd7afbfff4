// Contract of evidence of the year, the per-person timeline and the progress dashboard.
export const evidenceMethods = {};
