-- The supervisor-comment box (主管领导评语) of the registration form, drafted from the year's
-- quarterly comments and edited like the personal summary: one draft per person and year, sentences
-- as JSON [{text, source:{kind,id,label}|null}]; locked with a decided year as the summaries are.
CREATE TABLE pack_comment_draft (
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

CREATE TRIGGER pack_comment_lock_insert BEFORE INSERT ON pack_comment_draft
WHEN (SELECT stage FROM assessment_year WHERE id = NEW.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，主管领导评语不能再修改。'); END;

CREATE TRIGGER pack_comment_lock_update BEFORE UPDATE ON pack_comment_draft
WHEN (SELECT stage FROM assessment_year WHERE id = OLD.year_id) IN ('final', 'archived')
  OR (SELECT stage FROM assessment_year WHERE id = NEW.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，主管领导评语不能再修改。'); END;

CREATE TRIGGER pack_comment_lock_delete BEFORE DELETE ON pack_comment_draft
WHEN (SELECT stage FROM assessment_year WHERE id = OLD.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，主管领导评语不能删除。'); END;
