// Method names of units and people: the roster (人员名册). Plain strings, no imports: the preload uses them.
export const ROSTER_METHODS = [
  'roster.list',
  'roster.get',
  'roster.create',
  'roster.update',
  'roster.markLeft',
  'roster.reinstate',
  'roster.move',
  'roster.delete',
  'units.tree',
  'units.create',
  'units.rename',
  'units.reorder',
  'units.delete',
] as const;
