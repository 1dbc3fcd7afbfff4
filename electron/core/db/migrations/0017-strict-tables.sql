-- migrate: foreign-keys-off
-- Every table becomes STRICT (SQLite 3.37+; the bundled one is 3.54): a value of the wrong type is
-- refused on write instead of being stored as whatever it happened to be (a '' in an INTEGER column,
-- a number in a TEXT one). Each table is rebuilt by SQLite's documented procedure, keeping exactly:
-- the columns in their order (the seal's per-column fingerprint follows it), every rowid (evidence
-- and moves are read in rowid order; rowid tables are sealed by it), the AUTOINCREMENT counters of
-- audit_log and audit_seal (a cut-off tail stays visible to the audit check), every index and
-- trigger (append-only log and seals, decided-year locks, 身份证号 uniqueness), and the foreign keys
-- (checked by the runner before commit: the marker line above turns enforcement off around this file
-- only, as a table rebuild requires). Values are unchanged — STRICT converts only what converts
-- losslessly — so every row's seal digest is the same after the rebuild and the audit still verifies.
-- Written from the schema 0001-0016 build (table texts as SQLite holds them, with STRICT appended).

-- Triggers first: a trigger naming a table being swapped would stop the rename.

DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
DROP TRIGGER yearend_decision_lock_insert;
DROP TRIGGER yearend_decision_lock_update;
DROP TRIGGER yearend_decision_lock_delete;
DROP TRIGGER yearend_rating_lock_insert;
DROP TRIGGER yearend_rating_lock_update;
DROP TRIGGER yearend_rating_lock_delete;
DROP TRIGGER yearend_evidence_lock_insert;
DROP TRIGGER yearend_evidence_lock_update;
DROP TRIGGER yearend_settings_lock;
DROP TRIGGER yearend_frozen_pack_insert;
DROP TRIGGER yearend_frozen_pack_update;
DROP TRIGGER yearend_frozen_pack_delete;
DROP TRIGGER pack_summary_lock_insert;
DROP TRIGGER pack_summary_lock_update;
DROP TRIGGER pack_summary_lock_delete;
DROP TRIGGER pack_form_lock_insert;
DROP TRIGGER pack_form_lock_update;
DROP TRIGGER pack_form_lock_delete;
DROP TRIGGER audit_seal_no_update;
DROP TRIGGER audit_seal_no_delete;
DROP TRIGGER person_id_card_unique_insert;
DROP TRIGGER person_id_card_unique_update;
DROP TRIGGER pack_comment_lock_insert;
DROP TRIGGER pack_comment_lock_update;
DROP TRIGGER pack_comment_lock_delete;
DROP TRIGGER appraisal_tally_lock_insert;
DROP TRIGGER appraisal_tally_lock_update;
DROP TRIGGER period_deadline_lock_insert;
DROP TRIGGER period_deadline_lock_update;
DROP TRIGGER period_deadline_lock_delete;

-- app_meta
CREATE TABLE app_meta__strict (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO app_meta__strict (rowid, key, value) SELECT rowid, key, value FROM app_meta;
DROP TABLE app_meta;
ALTER TABLE app_meta__strict RENAME TO app_meta;

-- unit
CREATE TABLE unit__strict (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES unit(id),
  kind TEXT NOT NULL CHECK (kind IN ('agency', 'department')),
  name TEXT NOT NULL,
  code TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (parent_id, name)
) STRICT;
INSERT INTO unit__strict (rowid, id, parent_id, kind, name, code, sort_order, created_at, updated_at, updated_by) SELECT rowid, id, parent_id, kind, name, code, sort_order, created_at, updated_at, updated_by FROM unit;
DROP TABLE unit;
ALTER TABLE unit__strict RENAME TO unit;

-- person
CREATE TABLE person__strict (
  id TEXT PRIMARY KEY,
  person_no TEXT NOT NULL UNIQUE,          -- 人员编号
  name TEXT NOT NULL,                      -- 姓名
  gender TEXT CHECK (gender IN ('男', '女')),
  birth_month TEXT,                        -- 出生年月 YYYY-MM
  political_status TEXT,                   -- 政治面貌
  education TEXT,                          -- 文化程度
  unit_id TEXT NOT NULL REFERENCES unit(id), -- current department
  position TEXT,                           -- 职务职级
  position_since TEXT,                     -- 任现职时间 YYYY-MM
  category TEXT NOT NULL CHECK (category IN ('civil_servant', 'civil_servant_managed', 'institution')),
  duties TEXT,                             -- 从事或分管工作
  hire_date TEXT,                          -- 入职日期
  probation_end TEXT,                      -- 试用期满日期
  superior_assessed INTEGER NOT NULL DEFAULT 0 CHECK (superior_assessed IN (0, 1)), -- 上级考核
  id_card TEXT,                            -- 身份证号 (optional, checked by GB 11643)
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  left_date TEXT,
  left_reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
INSERT INTO person__strict (rowid, id, person_no, name, gender, birth_month, political_status, education, unit_id, position, position_since, category, duties, hire_date, probation_end, superior_assessed, id_card, status, left_date, left_reason, created_at, created_by, updated_at, updated_by) SELECT rowid, id, person_no, name, gender, birth_month, political_status, education, unit_id, position, position_since, category, duties, hire_date, probation_end, superior_assessed, id_card, status, left_date, left_reason, created_at, created_by, updated_at, updated_by FROM person;
DROP TABLE person;
ALTER TABLE person__strict RENAME TO person;

-- person_move
CREATE TABLE person_move__strict (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  from_unit_id TEXT NOT NULL REFERENCES unit(id),
  to_unit_id TEXT NOT NULL REFERENCES unit(id),
  move_date TEXT NOT NULL,
  reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
INSERT INTO person_move__strict (rowid, id, person_id, from_unit_id, to_unit_id, move_date, reason, created_at, created_by) SELECT rowid, id, person_id, from_unit_id, to_unit_id, move_date, reason, created_at, created_by FROM person_move;
DROP TABLE person_move;
ALTER TABLE person_move__strict RENAME TO person_move;

-- assessment_year
CREATE TABLE assessment_year__strict (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES unit(id),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  settings_json TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'collecting' CHECK (stage IN ('collecting', 'review', 'notice', 'final', 'archived')),
  notice_start TEXT,
  finalized_at TEXT,
  finalized_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (unit_id, year)
) STRICT;
INSERT INTO assessment_year__strict (rowid, id, unit_id, year, settings_json, stage, notice_start, finalized_at, finalized_by, created_at, updated_at, updated_by) SELECT rowid, id, unit_id, year, settings_json, stage, notice_start, finalized_at, finalized_by, created_at, updated_at, updated_by FROM assessment_year;
DROP TABLE assessment_year;
ALTER TABLE assessment_year__strict RENAME TO assessment_year;

-- period
CREATE TABLE period__strict (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  code TEXT NOT NULL,                      -- e.g. 2026Q1, 2026H1, 2026M03
  label TEXT NOT NULL,                     -- e.g. 第一季度
  seq INTEGER NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  review_status TEXT NOT NULL DEFAULT 'open' CHECK (review_status IN ('open', 'reviewed')),
  reviewed_at TEXT,
  reviewed_by TEXT,
  UNIQUE (year_id, code)
) STRICT;
INSERT INTO period__strict (rowid, id, year_id, code, label, seq, start_date, end_date, review_status, reviewed_at, reviewed_by) SELECT rowid, id, year_id, code, label, seq, start_date, end_date, review_status, reviewed_at, reviewed_by FROM period;
DROP TABLE period;
ALTER TABLE period__strict RENAME TO period;

-- period_rating
CREATE TABLE period_rating__strict (
  id TEXT PRIMARY KEY,
  period_id TEXT NOT NULL REFERENCES period(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  unit_id TEXT NOT NULL REFERENCES unit(id), -- the department that rated, at the time
  work_record TEXT NOT NULL DEFAULT '',    -- 工作纪实
  self_assessment TEXT NOT NULL DEFAULT '',
  rating TEXT CHECK (rating IN ('good', 'fair', 'average', 'poor')),
  comment TEXT NOT NULL DEFAULT '',        -- 评语
  rater TEXT NOT NULL DEFAULT '',          -- 评价人
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (period_id, person_id)
) STRICT;
INSERT INTO period_rating__strict (rowid, id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, created_at, created_by, updated_at, updated_by) SELECT rowid, id, period_id, person_id, unit_id, work_record, self_assessment, rating, comment, rater, created_at, created_by, updated_at, updated_by FROM period_rating;
DROP TABLE period_rating;
ALTER TABLE period_rating__strict RENAME TO period_rating;

-- evidence
CREATE TABLE evidence__strict (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  kind TEXT NOT NULL,
  sub_kind TEXT NOT NULL,
  date TEXT NOT NULL,                      -- effective / imposed / start date
  end_date TEXT,                           -- 截止日期: leave end, investigation closed, probation end, term end
  days REAL,                               -- 天数 (leave), 学时 (training)
  description TEXT NOT NULL DEFAULT '',
  doc_no TEXT NOT NULL DEFAULT '',         -- 文号
  details_json TEXT NOT NULL DEFAULT '{}', -- kind-specific fields
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'voided')),
  void_reason TEXT,
  recorded_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
INSERT INTO evidence__strict (rowid, id, person_id, kind, sub_kind, date, end_date, days, description, doc_no, details_json, status, void_reason, recorded_by, created_at, updated_at, updated_by) SELECT rowid, id, person_id, kind, sub_kind, date, end_date, days, description, doc_no, details_json, status, void_reason, recorded_by, created_at, updated_at, updated_by FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence__strict RENAME TO evidence;

-- history_grade
CREATE TABLE history_grade__strict (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  year INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('graded', 'comments_only', 'deferred', 'not_assessed')),
  grade TEXT CHECK (grade IN ('excellent', 'competent', 'basic', 'incompetent')),
  source TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (person_id, year)
) STRICT;
INSERT INTO history_grade__strict (rowid, id, person_id, year, outcome, grade, source, created_at, created_by) SELECT rowid, id, person_id, year, outcome, grade, source, created_at, created_by FROM history_grade;
DROP TABLE history_grade;
ALTER TABLE history_grade__strict RENAME TO history_grade;

-- yearend_decision
CREATE TABLE yearend_decision__strict (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('graded', 'comments_only', 'deferred', 'not_assessed')),
  grade TEXT CHECK (grade IN ('excellent', 'competent', 'basic', 'incompetent')),
  reason TEXT NOT NULL DEFAULT '',         -- required when differing from the suggestion
  approval_doc_no TEXT NOT NULL DEFAULT '',-- required when over quota
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL, source TEXT NOT NULL DEFAULT 'committee',
  UNIQUE (year_id, person_id)
) STRICT;
INSERT INTO yearend_decision__strict (rowid, id, year_id, person_id, outcome, grade, reason, approval_doc_no, decided_at, decided_by, source) SELECT rowid, id, year_id, person_id, outcome, grade, reason, approval_doc_no, decided_at, decided_by, source FROM yearend_decision;
DROP TABLE yearend_decision;
ALTER TABLE yearend_decision__strict RENAME TO yearend_decision;

-- operator
CREATE TABLE operator__strict (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'security', 'clerk', 'rater', 'auditor', 'system')),
  unit_scope_json TEXT NOT NULL DEFAULT '[]', -- units a clerk or rater may touch ([] = all for clerk)
  password_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
, last_login_at TEXT) STRICT;
INSERT INTO operator__strict (rowid, id, username, display_name, role, unit_scope_json, password_hash, failed_attempts, locked_until, disabled, must_change_password, created_at, updated_at, last_login_at) SELECT rowid, id, username, display_name, role, unit_scope_json, password_hash, failed_attempts, locked_until, disabled, must_change_password, created_at, updated_at, last_login_at FROM operator;
DROP TABLE operator;
ALTER TABLE operator__strict RENAME TO operator;

-- audit_log
CREATE TABLE audit_log__strict (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  operator_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json TEXT,
  reason TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT 'ok',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_log__strict (rowid, seq, at, operator_id, operator_name, action, entity, entity_id, before_json, after_json, reason, outcome, prev_hash, hash) SELECT rowid, seq, at, operator_id, operator_name, action, entity, entity_id, before_json, after_json, reason, outcome, prev_hash, hash FROM audit_log;
DELETE FROM sqlite_sequence WHERE name = 'audit_log__strict';
INSERT INTO sqlite_sequence (name, seq) SELECT 'audit_log__strict', seq FROM sqlite_sequence WHERE name = 'audit_log';
DROP TABLE audit_log;
ALTER TABLE audit_log__strict RENAME TO audit_log;

-- import_batch
CREATE TABLE import_batch__strict (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  rows_applied INTEGER NOT NULL,
  rows_skipped INTEGER NOT NULL,
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL
) STRICT;
INSERT INTO import_batch__strict (rowid, id, kind, file_name, file_sha256, rows_applied, rows_skipped, applied_at, applied_by) SELECT rowid, id, kind, file_name, file_sha256, rows_applied, rows_skipped, applied_at, applied_by FROM import_batch;
DROP TABLE import_batch;
ALTER TABLE import_batch__strict RENAME TO import_batch;

-- cap_override
CREATE TABLE cap_override__strict (
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
) STRICT;
INSERT INTO cap_override__strict (rowid, id, period_id, unit_id, scope, person_ids_json, good_count, cap, reason, created_at, created_by) SELECT rowid, id, period_id, unit_id, scope, person_ids_json, good_count, cap, reason, created_at, created_by FROM cap_override;
DROP TABLE cap_override;
ALTER TABLE cap_override__strict RENAME TO cap_override;

-- department_review
CREATE TABLE department_review__strict (
  id TEXT PRIMARY KEY,
  period_id TEXT NOT NULL REFERENCES period(id),
  unit_id TEXT NOT NULL REFERENCES unit(id),
  status TEXT NOT NULL CHECK (status IN ('returned', 'accepted')),
  note TEXT NOT NULL DEFAULT '',               -- shown to the department's raters on the grid
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (period_id, unit_id)
) STRICT;
INSERT INTO department_review__strict (rowid, id, period_id, unit_id, status, note, updated_at, updated_by) SELECT rowid, id, period_id, unit_id, status, note, updated_at, updated_by FROM department_review;
DROP TABLE department_review;
ALTER TABLE department_review__strict RENAME TO department_review;

-- yearend_snapshot
CREATE TABLE yearend_snapshot__strict (
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
) WITHOUT ROWID, STRICT;
INSERT INTO yearend_snapshot__strict (year_id, person_id, outcome, grade, label, rule_id, flags_json, trace_text, quota_unit_key, taken_at, taken_by) SELECT year_id, person_id, outcome, grade, label, rule_id, flags_json, trace_text, quota_unit_key, taken_at, taken_by FROM yearend_snapshot;
DROP TABLE yearend_snapshot;
ALTER TABLE yearend_snapshot__strict RENAME TO yearend_snapshot;

-- yearend_state
CREATE TABLE yearend_state__strict (
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
, decided_calendar_json TEXT) STRICT;
INSERT INTO yearend_state__strict (rowid, year_id, snapshot_at, snapshot_by, notice_start, notice_days, notice_end, notice_place, decided_settings_json, final_backup, archived_at, updated_at, updated_by, decided_calendar_json) SELECT rowid, year_id, snapshot_at, snapshot_by, notice_start, notice_days, notice_end, notice_place, decided_settings_json, final_backup, archived_at, updated_at, updated_by, decided_calendar_json FROM yearend_state;
DROP TABLE yearend_state;
ALTER TABLE yearend_state__strict RENAME TO yearend_state;

-- yearend_objection
CREATE TABLE yearend_objection__strict (
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
) STRICT;
INSERT INTO yearend_objection__strict (rowid, id, year_id, person_id, received_on, raised_by, content, status, handling, resolved_on, created_at, created_by, updated_at, updated_by) SELECT rowid, id, year_id, person_id, received_on, raised_by, content, status, handling, resolved_on, created_at, created_by, updated_at, updated_by FROM yearend_objection;
DROP TABLE yearend_objection;
ALTER TABLE yearend_objection__strict RENAME TO yearend_objection;

-- yearend_redress
CREATE TABLE yearend_redress__strict (
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
) STRICT;
INSERT INTO yearend_redress__strict (rowid, id, year_id, person_id, kind, review_id, learned_on, filed_on, deadline, deadline_basis, request, before_outcome, before_grade, status, decision, decision_on, decision_doc_no, decision_reason, result_outcome, result_grade, created_at, created_by, updated_at, updated_by) SELECT rowid, id, year_id, person_id, kind, review_id, learned_on, filed_on, deadline, deadline_basis, request, before_outcome, before_grade, status, decision, decision_on, decision_doc_no, decision_reason, result_outcome, result_grade, created_at, created_by, updated_at, updated_by FROM yearend_redress;
DROP TABLE yearend_redress;
ALTER TABLE yearend_redress__strict RENAME TO yearend_redress;

-- yearend_unlock
CREATE TABLE yearend_unlock__strict (year_id TEXT PRIMARY KEY) STRICT;
INSERT INTO yearend_unlock__strict (rowid, year_id) SELECT rowid, year_id FROM yearend_unlock;
DROP TABLE yearend_unlock;
ALTER TABLE yearend_unlock__strict RENAME TO yearend_unlock;

-- pack_summary_draft
CREATE TABLE pack_summary_draft__strict (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  sentences_json TEXT NOT NULL,
  edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)), -- 1 once the clerk changed the draft
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (year_id, person_id)
) STRICT;
INSERT INTO pack_summary_draft__strict (rowid, id, year_id, person_id, sentences_json, edited, created_at, updated_at, updated_by) SELECT rowid, id, year_id, person_id, sentences_json, edited, created_at, updated_at, updated_by FROM pack_summary_draft;
DROP TABLE pack_summary_draft;
ALTER TABLE pack_summary_draft__strict RENAME TO pack_summary_draft;

-- yearend_frozen_pack
CREATE TABLE yearend_frozen_pack__strict (
  year_id TEXT PRIMARY KEY REFERENCES assessment_year(id),
  format INTEGER NOT NULL,     -- version of the JSON shape (electron/core/pack/frozen-pack.ts)
  pack_json TEXT NOT NULL,     -- { pack: PackData, history: { personId: RuleHistory[] } }
  content_hash TEXT NOT NULL,  -- sha256 of pack_json; also in the finalisation's audit entry
  frozen_at TEXT NOT NULL,
  frozen_by TEXT NOT NULL
) WITHOUT ROWID, STRICT;
INSERT INTO yearend_frozen_pack__strict (year_id, format, pack_json, content_hash, frozen_at, frozen_by) SELECT year_id, format, pack_json, content_hash, frozen_at, frozen_by FROM yearend_frozen_pack;
DROP TABLE yearend_frozen_pack;
ALTER TABLE yearend_frozen_pack__strict RENAME TO yearend_frozen_pack;

-- calendar_year
CREATE TABLE calendar_year__strict (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
  basis TEXT NOT NULL DEFAULT '',          -- the notice's 文号 or title, as the office wrote it
  source TEXT NOT NULL CHECK (source IN ('manual', 'import')),
  file_name TEXT,                          -- the spreadsheet an import came from
  file_sha256 TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
INSERT INTO calendar_year__strict (rowid, year, basis, source, file_name, file_sha256, updated_at, updated_by) SELECT rowid, year, basis, source, file_name, file_sha256, updated_at, updated_by FROM calendar_year;
DROP TABLE calendar_year;
ALTER TABLE calendar_year__strict RENAME TO calendar_year;

-- calendar_day
CREATE TABLE calendar_day__strict (
  date TEXT PRIMARY KEY,
  year INTEGER NOT NULL REFERENCES calendar_year(year) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),  -- 放假 / 调休上班
  name TEXT NOT NULL DEFAULT '',
  CHECK (CAST(substr(date, 1, 4) AS INTEGER) = year)
) WITHOUT ROWID, STRICT;
INSERT INTO calendar_day__strict (date, year, kind, name) SELECT date, year, kind, name FROM calendar_day;
DROP TABLE calendar_day;
ALTER TABLE calendar_day__strict RENAME TO calendar_day;

-- audit_seal
CREATE TABLE audit_seal__strict (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  audit_seq INTEGER NOT NULL,              -- the audit log's head when the transaction committed
  audit_hash TEXT NOT NULL,                -- its hash (the seal chain is bound to the log)
  kind TEXT NOT NULL CHECK (kind IN ('seal', 'baseline')),
  rows_json TEXT NOT NULL,                 -- {"rows": [[table, key, hash|null, fingerprint], …]} (+ version, part)
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_seal__strict (rowid, seq, audit_seq, audit_hash, kind, rows_json, prev_hash, hash) SELECT rowid, seq, audit_seq, audit_hash, kind, rows_json, prev_hash, hash FROM audit_seal;
DELETE FROM sqlite_sequence WHERE name = 'audit_seal__strict';
INSERT INTO sqlite_sequence (name, seq) SELECT 'audit_seal__strict', seq FROM sqlite_sequence WHERE name = 'audit_seal';
DROP TABLE audit_seal;
ALTER TABLE audit_seal__strict RENAME TO audit_seal;

-- yearend_signoff
CREATE TABLE yearend_signoff__strict (
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  delivered_on TEXT NOT NULL,                 -- 送达日期
  opinion TEXT CHECK (opinion IN ('agree', 'disagree', 'refused')),  -- 本人意见; NULL: delivered, not yet signed
  opinion_text TEXT NOT NULL DEFAULT '',      -- 不同意: the person's words
  witness_note TEXT NOT NULL DEFAULT '',      -- 拒签: who witnessed the refusal, and how
  signed_on TEXT,                             -- 签收日期 (for 拒签: the day of the refusal)
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (year_id, person_id),
  CHECK ((opinion IS NULL) = (signed_on IS NULL)),
  CHECK (opinion IS NOT 'disagree' OR length(opinion_text) > 0),
  CHECK (opinion IS NOT 'refused' OR length(witness_note) > 0)
) WITHOUT ROWID, STRICT;
INSERT INTO yearend_signoff__strict (year_id, person_id, delivered_on, opinion, opinion_text, witness_note, signed_on, created_at, created_by, updated_at, updated_by) SELECT year_id, person_id, delivered_on, opinion, opinion_text, witness_note, signed_on, created_at, created_by, updated_at, updated_by FROM yearend_signoff;
DROP TABLE yearend_signoff;
ALTER TABLE yearend_signoff__strict RENAME TO yearend_signoff;

-- person_distinct
CREATE TABLE person_distinct__strict (
  person_a TEXT NOT NULL REFERENCES person(id),
  person_b TEXT NOT NULL REFERENCES person(id),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
) WITHOUT ROWID, STRICT;
INSERT INTO person_distinct__strict (person_a, person_b, reason, created_at, created_by) SELECT person_a, person_b, reason, created_at, created_by FROM person_distinct;
DROP TABLE person_distinct;
ALTER TABLE person_distinct__strict RENAME TO person_distinct;

-- exchange_sender
CREATE TABLE exchange_sender__strict (
  workstation_id TEXT PRIMARY KEY,
  label TEXT NOT NULL DEFAULT '',
  unit_label TEXT NOT NULL DEFAULT '',     -- e.g. 示例局 / 办公室
  last_bundle_id TEXT NOT NULL,
  last_created_at TEXT NOT NULL,           -- when the sender wrote its last bundle
  last_imported_at TEXT NOT NULL,          -- when it was applied here
  last_imported_by TEXT NOT NULL,
  bundles INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID, STRICT;
INSERT INTO exchange_sender__strict (workstation_id, label, unit_label, last_bundle_id, last_created_at, last_imported_at, last_imported_by, bundles) SELECT workstation_id, label, unit_label, last_bundle_id, last_created_at, last_imported_at, last_imported_by, bundles FROM exchange_sender;
DROP TABLE exchange_sender;
ALTER TABLE exchange_sender__strict RENAME TO exchange_sender;

-- exchange_bundle
CREATE TABLE exchange_bundle__strict (
  bundle_id TEXT PRIMARY KEY,
  sender_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  counts_json TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL
) WITHOUT ROWID, STRICT;
INSERT INTO exchange_bundle__strict (bundle_id, sender_id, direction, file_name, file_sha256, counts_json, applied_at, applied_by) SELECT bundle_id, sender_id, direction, file_name, file_sha256, counts_json, applied_at, applied_by FROM exchange_bundle;
DROP TABLE exchange_bundle;
ALTER TABLE exchange_bundle__strict RENAME TO exchange_bundle;

-- exchange_baseline
CREATE TABLE exchange_baseline__strict (
  peer_id TEXT NOT NULL,
  record_key TEXT NOT NULL,                -- rating:<period code>:<人员编号>, person:<人员编号>, evidence:<id>, …
  content_hash TEXT NOT NULL,
  exchanged_at TEXT NOT NULL,
  PRIMARY KEY (peer_id, record_key)
) WITHOUT ROWID, STRICT;
INSERT INTO exchange_baseline__strict (peer_id, record_key, content_hash, exchanged_at) SELECT peer_id, record_key, content_hash, exchanged_at FROM exchange_baseline;
DROP TABLE exchange_baseline;
ALTER TABLE exchange_baseline__strict RENAME TO exchange_baseline;

-- evidence_attachment
CREATE TABLE evidence_attachment__strict (
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
) STRICT;
INSERT INTO evidence_attachment__strict (rowid, id, evidence_id, doc_no, file_name, mime, size, sha256, status, created_at, created_by) SELECT rowid, id, evidence_id, doc_no, file_name, mime, size, sha256, status, created_at, created_by FROM evidence_attachment;
DROP TABLE evidence_attachment;
ALTER TABLE evidence_attachment__strict RENAME TO evidence_attachment;

-- pack_comment_draft
CREATE TABLE pack_comment_draft__strict (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  sentences_json TEXT NOT NULL,
  edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)), -- 1 once the clerk changed the draft
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (year_id, person_id)
) STRICT;
INSERT INTO pack_comment_draft__strict (rowid, id, year_id, person_id, sentences_json, edited, created_at, updated_at, updated_by) SELECT rowid, id, year_id, person_id, sentences_json, edited, created_at, updated_at, updated_by FROM pack_comment_draft;
DROP TABLE pack_comment_draft;
ALTER TABLE pack_comment_draft__strict RENAME TO pack_comment_draft;

-- appraisal_tally
CREATE TABLE appraisal_tally__strict (
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
) WITHOUT ROWID, STRICT;
INSERT INTO appraisal_tally__strict (year_id, person_id, voters, excellent, competent, basic, incompetent, source, updated_at, updated_by) SELECT year_id, person_id, voters, excellent, competent, basic, incompetent, source, updated_at, updated_by FROM appraisal_tally;
DROP TABLE appraisal_tally;
ALTER TABLE appraisal_tally__strict RENAME TO appraisal_tally;

-- period_deadline
CREATE TABLE period_deadline__strict (
  period_id TEXT NOT NULL REFERENCES period(id),
  unit_id TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (period_id, unit_id)
) WITHOUT ROWID, STRICT;
INSERT INTO period_deadline__strict (period_id, unit_id, due_on, updated_at, updated_by) SELECT period_id, unit_id, due_on, updated_at, updated_by FROM period_deadline;
DROP TABLE period_deadline;
ALTER TABLE period_deadline__strict RENAME TO period_deadline;

-- Indexes (dropped with their tables), as they were.
CREATE INDEX person_unit ON person(unit_id, status);
CREATE INDEX person_name ON person(name);
CREATE INDEX person_move_person ON person_move(person_id, move_date);
CREATE INDEX period_rating_person ON period_rating(person_id);
CREATE INDEX evidence_person ON evidence(person_id, date);
CREATE INDEX evidence_kind ON evidence(kind, date);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX import_batch_hash ON import_batch(kind, file_sha256);
CREATE INDEX person_status_no ON person(status, person_no);
CREATE INDEX person_category ON person(category, status);
CREATE INDEX unit_parent ON unit(parent_id, sort_order);
CREATE INDEX person_move_to ON person_move(to_unit_id);
CREATE INDEX person_move_from ON person_move(from_unit_id);
CREATE INDEX cap_override_period ON cap_override(period_id, unit_id);
CREATE INDEX period_rating_period_unit ON period_rating(period_id, unit_id);
CREATE INDEX period_year ON period(year_id, seq);
CREATE INDEX evidence_date ON evidence(date, id);
CREATE INDEX evidence_status_kind ON evidence(status, kind, date);
CREATE INDEX yearend_objection_year ON yearend_objection(year_id, status);
CREATE INDEX yearend_redress_year ON yearend_redress(year_id, person_id);
CREATE INDEX audit_operator ON audit_log(operator_id, seq);
CREATE INDEX audit_action ON audit_log(action, seq);
CREATE INDEX calendar_day_year ON calendar_day(year);
CREATE INDEX person_id_card ON person(id_card) WHERE id_card IS NOT NULL;
CREATE INDEX person_identity ON person(name, gender, birth_month);
CREATE INDEX person_distinct_b ON person_distinct(person_b);
CREATE INDEX evidence_attachment_evidence ON evidence_attachment(evidence_id);

-- Triggers, as they were.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
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
CREATE TRIGGER yearend_settings_lock BEFORE UPDATE OF settings_json ON assessment_year
WHEN OLD.stage IN ('final', 'archived') AND NEW.settings_json IS NOT OLD.settings_json
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，年度设置不能再修改。'); END;
CREATE TRIGGER yearend_frozen_pack_insert BEFORE INSERT ON yearend_frozen_pack
WHEN (SELECT stage FROM assessment_year WHERE id = NEW.year_id) NOT IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '只有定档的年度才能保存定档材料。'); END;
CREATE TRIGGER yearend_frozen_pack_update BEFORE UPDATE ON yearend_frozen_pack
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，定档时的考核材料不能再修改。'); END;
CREATE TRIGGER yearend_frozen_pack_delete BEFORE DELETE ON yearend_frozen_pack
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，定档时的考核材料不能删除。'); END;
CREATE TRIGGER pack_summary_lock_insert BEFORE INSERT ON pack_summary_draft
WHEN (SELECT stage FROM assessment_year WHERE id = NEW.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，个人总结不能再修改。'); END;
CREATE TRIGGER pack_summary_lock_update BEFORE UPDATE ON pack_summary_draft
WHEN (SELECT stage FROM assessment_year WHERE id = OLD.year_id) IN ('final', 'archived')
  OR (SELECT stage FROM assessment_year WHERE id = NEW.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，个人总结不能再修改。'); END;
CREATE TRIGGER pack_summary_lock_delete BEFORE DELETE ON pack_summary_draft
WHEN (SELECT stage FROM assessment_year WHERE id = OLD.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，个人总结不能删除。'); END;
CREATE TRIGGER pack_form_lock_insert BEFORE INSERT ON app_meta
WHEN NEW.key LIKE 'pack.form.%'
 AND (SELECT stage FROM assessment_year WHERE id = substr(NEW.key, 11)) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，登记表的标签和栏目不能再修改。'); END;
CREATE TRIGGER pack_form_lock_update BEFORE UPDATE ON app_meta
WHEN (OLD.key LIKE 'pack.form.%' AND (SELECT stage FROM assessment_year WHERE id = substr(OLD.key, 11)) IN ('final', 'archived'))
  OR (NEW.key LIKE 'pack.form.%' AND (SELECT stage FROM assessment_year WHERE id = substr(NEW.key, 11)) IN ('final', 'archived'))
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，登记表的标签和栏目不能再修改。'); END;
CREATE TRIGGER pack_form_lock_delete BEFORE DELETE ON app_meta
WHEN OLD.key LIKE 'pack.form.%'
 AND (SELECT stage FROM assessment_year WHERE id = substr(OLD.key, 11)) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，登记表的标签和栏目不能删除。'); END;
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal is append-only'); END;
CREATE TRIGGER person_id_card_unique_insert BEFORE INSERT ON person
WHEN NEW.id_card IS NOT NULL AND EXISTS (SELECT 1 FROM person WHERE id_card = NEW.id_card)
BEGIN SELECT RAISE(ABORT, '身份证号已被名册中的其他人员使用，同一人不能登记为两个人员。'); END;
CREATE TRIGGER person_id_card_unique_update BEFORE UPDATE OF id_card ON person
WHEN NEW.id_card IS NOT NULL AND NEW.id_card IS NOT OLD.id_card
 AND EXISTS (SELECT 1 FROM person WHERE id_card = NEW.id_card AND id <> NEW.id)
BEGIN SELECT RAISE(ABORT, '身份证号已被名册中的其他人员使用，同一人不能登记为两个人员。'); END;
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
CREATE TRIGGER appraisal_tally_lock_insert BEFORE INSERT ON appraisal_tally
WHEN (SELECT stage FROM assessment_year WHERE id = NEW.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，民主测评票数不能再修改。'); END;
CREATE TRIGGER appraisal_tally_lock_update BEFORE UPDATE ON appraisal_tally
WHEN (SELECT stage FROM assessment_year WHERE id = OLD.year_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，民主测评票数不能再修改。'); END;
CREATE TRIGGER period_deadline_lock_insert BEFORE INSERT ON period_deadline
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = NEW.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，报送期限不能再修改。'); END;
CREATE TRIGGER period_deadline_lock_update BEFORE UPDATE ON period_deadline
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = OLD.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，报送期限不能再修改。'); END;
CREATE TRIGGER period_deadline_lock_delete BEFORE DELETE ON period_deadline
WHEN (SELECT y.stage FROM period p JOIN assessment_year y ON y.id = p.year_id WHERE p.id = OLD.period_id) IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，报送期限不能再修改。'); END;
