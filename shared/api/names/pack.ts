// Method names of the Excel evaluation pack: sheet models, preview, export. Plain strings, no imports: the preload uses them.
export const PACK_METHODS = [
  'pack.formOptions.get',
  'pack.formOptions.save',
  'pack.options',
  'pack.preview',
  'pack.summary.get',
  'pack.summary.save',
  'pack.summary.regenerate',
  'pack.comment.get',
  'pack.comment.save',
  'pack.comment.regenerate',
  'pack.export',
] as const;
