// Which permission each spreadsheet import needs to read its template and to apply it. Main checks
// these in the imports handler; the renderer offers an import's buttons only to those who hold them.
import type { ImportKind } from '../import/columns';
import type { Permission } from './permissions';

export const IMPORT_WRITE_PERMISSION: Record<ImportKind, Permission> = {
  roster: 'roster.write',
  ratings: 'ratings.write',
  evidence: 'evidence.write',
  history: 'yearend.decide',
  tally: 'yearend.decide',
};

export const IMPORT_READ_PERMISSION: Record<ImportKind, Permission> = {
  roster: 'roster.read',
  ratings: 'ratings.read',
  evidence: 'evidence.read',
  history: 'yearend.read',
  tally: 'yearend.read',
};
