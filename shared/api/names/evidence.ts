// Method names of evidence of the year, the per-person timeline and the progress dashboard. Plain strings, no imports: the preload uses them.
export const EVIDENCE_METHODS = [
  'evidence.create',
  'evidence.update',
  'evidence.void',
  'evidence.get',
  'evidence.list',
  'evidence.timeline',
  'evidence.lookups',
  'evidence.people',
  'progress.dashboard',
  'progress.missing',
  'progress.exportMissing',
] as const;
