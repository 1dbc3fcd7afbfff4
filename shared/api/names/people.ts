// Method names of people who stay themselves: probable duplicates and merging. Plain strings, no imports: the preload uses them.
export const PEOPLE_METHODS = [
  'people.duplicates',
  'people.mergePreview',
  'people.merge',
  'people.markDistinct',
] as const;
