-- The audit log proves the data: each write transaction appends here the digest of every row it
-- changed (its after-image hash and a per-column fingerprint), chained like the log and tied to the
-- log's head at that moment. A baseline row seals every row when sealing starts or after a migration.
CREATE TABLE audit_seal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  audit_seq INTEGER NOT NULL,              -- the audit log's head when the transaction committed
  audit_hash TEXT NOT NULL,                -- its hash (the seal chain is bound to the log)
  kind TEXT NOT NULL CHECK (kind IN ('seal', 'baseline')),
  rows_json TEXT NOT NULL,                 -- {"rows": [[table, key, hash|null, fingerprint], …]} (+ version, part)
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;
