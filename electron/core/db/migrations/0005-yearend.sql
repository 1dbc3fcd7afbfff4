-- Year end: the suggestions frozen at review, the year's year-end state (notice dates, the settings
-- as decided), objections raised during the notice, redress (复核/申诉/补定等次), and the stage locks.

-- 建议快照: the suggestions as they stood when the year entered review. Later changes in the records
-- show as a difference against this, never silently.
CREATE TABLE yearend_snapshot (
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('graded', 'comments_only', 'deferred', 'not_assessed')),
  grade TEXT CHECK (grade IN ('excellent', 'competent', 'basic', 'incompetent')),
  label TEXT NOT NULL,
  rule_id TEXT,
  flags_json TEXT NOT NULL DEFAULT '[]',
  trace_text TEXT NOT NULL,
  quota_unit_key TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  taken_by TEXT NOT NULL,
  PRIMARY KEY (year_id, person_id)
) WITHOUT ROWID;

-- One row per year once year end has begun.
CREATE TABLE yearend_state (
  year_id TEXT PRIMARY KEY REFERENCES assessment_year(id),
  snapshot_at TEXT,
  snapshot_by TEXT,
  notice_start TEXT,          -- 公示开始
  notice_days INTEGER,        -- working days, from the settings at the time
  notice_end TEXT,            -- computed, weekends skipped
  notice_place TEXT NOT NULL DEFAULT '', -- where objections are raised
  decided_settings_json TEXT, -- the settings in force at finalisation: an old year re-opens as decided
  final_backup TEXT,          -- the backup file taken just before finalising
  archived_at TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- 公示期间的异议
CREATE TABLE yearend_objection (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT REFERENCES person(id),   -- the person objected to (may be empty for a general objection)
  received_on TEXT NOT NULL,
  raised_by TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL CHECK (length(content) > 0),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  handling TEXT NOT NULL DEFAULT '',
  resolved_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX yearend_objection_year ON yearend_objection(year_id, status);

-- 复核 / 申诉 / 补定等次 after the year is final: the only way a final result changes.
CREATE TABLE yearend_redress (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  kind TEXT NOT NULL CHECK (kind IN ('review', 'appeal', 'deferred_grade')),
  review_id TEXT REFERENCES yearend_redress(id), -- an appeal after a review
  learned_on TEXT NOT NULL,     -- 知悉考核结果之日 (or the review decision's date for an appeal after review)
  filed_on TEXT NOT NULL,
  deadline TEXT NOT NULL,
  deadline_basis TEXT NOT NULL, -- e.g. 知悉结果之日起30日内
  request TEXT NOT NULL,
  before_outcome TEXT NOT NULL,
  before_grade TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'decided')),
  decision TEXT CHECK (decision IN ('upheld', 'changed', 'rejected')),
  decision_on TEXT,
  decision_doc_no TEXT NOT NULL DEFAULT '',
  decision_reason TEXT NOT NULL DEFAULT '',
  result_outcome TEXT,
  result_grade TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX yearend_redress_year ON yearend_redress(year_id, person_id);

-- Where a decision came from: the committee, a bulk accept, the superior's notice, or a redress.
ALTER TABLE yearend_decision ADD COLUMN source TEXT NOT NULL DEFAULT 'committee';

-- A row here exists only inside a redress transaction: it lets that one change through the locks.
CREATE TABLE yearend_unlock (year_id TEXT PRIMARY KEY);

-- The stage locks, as a net under the services' own checks: once a year is final or archived, its
-- decisions, period ratings and evidence dated in it cannot be written.
CREATE TRIGGER yearend_decision_lock_insert BEFORE INSERT ON yearend_decision
WHEN (SELECT stage FROM assessment_year WHERE id = NEW.year_id) IN ('final', 'archived')
 AND NOT EXISTS (SELECT 1 FROM yearend_unlock WHERE year_id = NEW.year_id)
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，考核决定不能再修改；如需变更，请通过复核或申诉办理。'); END;

CREATE TRIGGER yearend_decision_lock_update BEFORE UPDATE ON yearend_decision
WHEN (SELECT stage FROM assessment_year WHERE id = OLD.year_id) IN ('final', 'archived')
 AND NOT EXISTS (SELECT 1 FROM yearend_unlock WHERE year_id = OLD.year_id)
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，考核决定不能再修改；如需变更，请通过复核或申诉办理。'); END;

CREATE TRIGGER yearend_decision_lock_delete BEFORE DELETE ON yearend_decision
WHEN (SELECT stage FROM assessment_year WHERE id = OLD.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，考核决定不能删除。'); END;

CREATE TRIGGER yearend_rating_lock_insert BEFORE INSERT ON period_rating
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = NEW.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，平时考核结果不能再修改。'); END;

CREATE TRIGGER yearend_rating_lock_update BEFORE UPDATE ON period_rating
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = OLD.period_id) IN ('final', 'archived')
  OR (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = NEW.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，平时考核结果不能再修改。'); END;

CREATE TRIGGER yearend_rating_lock_delete BEFORE DELETE ON period_rating
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = OLD.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，平时考核结果不能删除。'); END;

-- evidence belongs to the year of its date, in the agency of the person (up to three levels of units)
CREATE TRIGGER yearend_evidence_lock_insert BEFORE INSERT ON evidence
WHEN EXISTS (
  SELECT 1 FROM person p
    LEFT JOIN unit u1 ON u1.id = p.unit_id
    LEFT JOIN unit u2 ON u2.id = u1.parent_id
    LEFT JOIN unit u3 ON u3.id = u2.parent_id
    JOIN assessment_year y ON y.unit_id IN (p.unit_id, u1.parent_id, u2.parent_id, u3.parent_id)
  WHERE p.id = NEW.person_id AND y.year = CAST(substr(NEW.date, 1, 4) AS INTEGER) AND y.stage IN ('final', 'archived')
    AND NOT EXISTS (SELECT 1 FROM yearend_unlock x WHERE x.year_id = y.id))
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，该年度的事件不能再新增；如需更正，请通过复核或申诉办理。'); END;

CREATE TRIGGER yearend_evidence_lock_update BEFORE UPDATE ON evidence
WHEN EXISTS (
  SELECT 1 FROM person p
    LEFT JOIN unit u1 ON u1.id = p.unit_id
    LEFT JOIN unit u2 ON u2.id = u1.parent_id
    LEFT JOIN unit u3 ON u3.id = u2.parent_id
    JOIN assessment_year y ON y.unit_id IN (p.unit_id, u1.parent_id, u2.parent_id, u3.parent_id)
  WHERE p.id = OLD.person_id AND y.year IN (CAST(substr(OLD.date, 1, 4) AS INTEGER), CAST(substr(NEW.date, 1, 4) AS INTEGER)) AND y.stage IN ('final', 'archived')
    AND NOT EXISTS (SELECT 1 FROM yearend_unlock x WHERE x.year_id = y.id))
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，该年度的事件不能再修改或作废；如需更正，请通过复核或申诉办理。'); END;

-- the settings a final year was decided under stay as they were
CREATE TRIGGER yearend_settings_lock BEFORE UPDATE OF settings_json ON assessment_year
WHEN OLD.stage IN ('final', 'archived') AND NEW.settings_json IS NOT OLD.settings_json
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，年度设置不能再修改。'); END;
