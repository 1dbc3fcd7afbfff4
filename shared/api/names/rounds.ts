// Method names of 报送期限 (rounds with deadlines). Plain strings, no imports: the preload uses them.
export const ROUNDS_METHODS = [
  'rounds.deadlines',
  'rounds.setDeadlines',
  'rounds.status',
  'rounds.exportReminders',
] as const;
