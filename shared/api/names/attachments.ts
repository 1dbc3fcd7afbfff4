// Method names of 证明材料 (attachments on evidence items). Plain strings, no imports: the preload uses them.
export const ATTACHMENTS_METHODS = [
  'evidence.attachments',
  'evidence.attach',
  'evidence.removeAttachment',
  'evidence.openAttachment',
] as const;
