-- Schema additions for pack: the personal-summary drafts the clerk edits before printing.
-- One draft per person and year; sentences as JSON [{text, source:{kind,id,label}|null}].
CREATE TABLE pack_summary_draft (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  sentences_json TEXT NOT NULL,
  edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)), -- 1 once the clerk changed the draft
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (year_id, person_id)
);
