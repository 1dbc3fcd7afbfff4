-- 民主测评: per year and candidate, the votes of the appraisal (参加测评人数 and the votes for each
-- grade), imported from the office's tally sheet when the year's settings enable the step.
CREATE TABLE appraisal_tally (
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  voters INTEGER NOT NULL CHECK (voters > 0),
  excellent INTEGER NOT NULL CHECK (excellent >= 0),
  competent INTEGER NOT NULL CHECK (competent >= 0),
  basic INTEGER NOT NULL CHECK (basic >= 0),
  incompetent INTEGER NOT NULL CHECK (incompetent >= 0),
  source TEXT NOT NULL DEFAULT '',          -- the file it came from
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (year_id, person_id),
  CHECK (excellent + competent + basic + incompetent <= voters)
) WITHOUT ROWID;

-- a decided year's tallies stay as they were decided
CREATE TRIGGER appraisal_tally_lock_insert BEFORE INSERT ON appraisal_tally
WHEN (SELECT stage FROM assessment_year WHERE id = NEW.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，民主测评票数不能再修改。'); END;
CREATE TRIGGER appraisal_tally_lock_update BEFORE UPDATE ON appraisal_tally
WHEN (SELECT stage FROM assessment_year WHERE id = OLD.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，民主测评票数不能再修改。'); END;
