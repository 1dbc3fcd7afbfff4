// Method names of notification and sign-off. Plain strings, no imports: the preload uses them.
export const SIGNOFF_METHODS = ['signoff.list', 'signoff.record', 'signoff.bulk'] as const;
