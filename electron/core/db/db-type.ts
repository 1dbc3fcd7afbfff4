// The store connection's type, alone in its file: the modules open.ts itself imports (the schema
// check, the row seal) name it from here, so they do not import open.ts back.
import type Database from 'better-sqlite3';

export type Db = Database.Database;
