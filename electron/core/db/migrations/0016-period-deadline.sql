-- 报送期限: the day each department's ratings of a period are due at the assessment office. A row
-- with unit_id '' is the period's default for every department; a department's own row overrides it.
CREATE TABLE period_deadline (
  period_id TEXT NOT NULL REFERENCES period(id),
  unit_id TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (period_id, unit_id)
) WITHOUT ROWID;

-- a decided year keeps the deadlines it was run with, as it keeps its settings
CREATE TRIGGER period_deadline_lock_insert BEFORE INSERT ON period_deadline
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = NEW.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，报送期限不能再修改。'); END;
CREATE TRIGGER period_deadline_lock_update BEFORE UPDATE ON period_deadline
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = OLD.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，报送期限不能再修改。'); END;
CREATE TRIGGER period_deadline_lock_delete BEFORE DELETE ON period_deadline
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = OLD.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，报送期限不能再修改。'); END;
