-- 数据交换包: bundles a workstation writes for another (a department up to the office, the office back
-- down). The workstation's own identity lives in app_meta ('workstation.id', 'workstation.label').

-- Each workstation that ever delivered a bundle here: who, for which unit, and when it last delivered.
CREATE TABLE exchange_sender (
  workstation_id TEXT PRIMARY KEY,
  label TEXT NOT NULL DEFAULT '',
  unit_label TEXT NOT NULL DEFAULT '',     -- e.g. 示例局 / 办公室
  last_bundle_id TEXT NOT NULL,
  last_created_at TEXT NOT NULL,           -- when the sender wrote its last bundle
  last_imported_at TEXT NOT NULL,          -- when it was applied here
  last_imported_by TEXT NOT NULL,
  bundles INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

-- Bundles applied here, by their id and file hash: the same bundle again changes nothing.
CREATE TABLE exchange_bundle (
  bundle_id TEXT PRIMARY KEY,
  sender_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  counts_json TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL
) WITHOUT ROWID;

-- What each record looked like when last exchanged with a peer (sent to it or received from it):
-- an edit on both sides since then is a conflict, an edit on one side is not.
CREATE TABLE exchange_baseline (
  peer_id TEXT NOT NULL,
  record_key TEXT NOT NULL,                -- rating:<period code>:<人员编号>, person:<人员编号>, evidence:<id>, …
  content_hash TEXT NOT NULL,
  exchanged_at TEXT NOT NULL,
  PRIMARY KEY (peer_id, record_key)
) WITHOUT ROWID;

-- 证明材料: scanned documents on an evidence item, named by 文号. The file lives beside the store
-- (attachments/<sha256>), never inside it; the row holds its hash, so a swapped file is detected.
CREATE TABLE evidence_attachment (
  id TEXT PRIMARY KEY,
  evidence_id TEXT NOT NULL REFERENCES evidence(id),
  doc_no TEXT NOT NULL DEFAULT '',          -- 文号 the document is filed under
  file_name TEXT NOT NULL,                  -- the name it had when attached (shown, never opened by the app)
  mime TEXT NOT NULL,                       -- judged from the file's first bytes, not its name
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX evidence_attachment_evidence ON evidence_attachment(evidence_id);
