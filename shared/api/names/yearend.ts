// Method names of year end: suggestions with traces, quotas, decisions, stages, redress. Plain strings, no imports: the preload uses them.
export const YEAREND_METHODS = [
  'yearend.years',
  'yearend.state',
  'yearend.workbench',
  'yearend.gradeHistory',
  'yearend.quota',
  'yearend.decide',
  'yearend.bulkAccept',
  'yearend.transition',
  'yearend.objections',
  'yearend.addObjection',
  'yearend.resolveObjection',
  'yearend.redressList',
  'yearend.fileRedress',
  'yearend.decideRedress',
  'yearend.snapshotDiff',
  'yearend.settingsImpact',
] as const;
