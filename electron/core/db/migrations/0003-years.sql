-- Years capability: overrides of the cap on 好 and the office's per-department review (复核).
-- Both are records of decisions, so rows are only added or updated with an audit entry, never deleted.

-- A save that went over the cap on 好 under enforcement 'block', allowed with a stated reason.
CREATE TABLE cap_override (
  id TEXT PRIMARY KEY,
  period_id TEXT NOT NULL REFERENCES period(id),
  unit_id TEXT NOT NULL REFERENCES unit(id),   -- the department, or the agency when the scope is agency
  scope TEXT NOT NULL CHECK (scope IN ('department', 'agency')),
  person_ids_json TEXT NOT NULL DEFAULT '[]',  -- the people whose 好 went over the cap
  good_count INTEGER NOT NULL,
  cap INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX cap_override_period ON cap_override(period_id, unit_id);

-- The office's verdict on one department's results of one period.
CREATE TABLE department_review (
  id TEXT PRIMARY KEY,
  period_id TEXT NOT NULL REFERENCES period(id),
  unit_id TEXT NOT NULL REFERENCES unit(id),
  status TEXT NOT NULL CHECK (status IN ('returned', 'accepted')),
  note TEXT NOT NULL DEFAULT '',               -- shown to the department's raters on the grid
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (period_id, unit_id)
);

CREATE INDEX period_rating_period_unit ON period_rating(period_id, unit_id);
CREATE INDEX period_year ON period(year_id, seq);
