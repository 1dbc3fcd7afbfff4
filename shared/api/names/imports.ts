// Method names of spreadsheets in and out: templates, imports with preview, error reports. Plain strings, no imports: the preload uses them.
export const IMPORTS_METHODS = [
  'imports.preview',
  'imports.getPreview',
  'imports.apply',
  'imports.errorReport',
  'imports.exportRoster',
  'imports.exportTable',
  'templates.generate',
] as const;
