-- First schema: the running evidence of the year and the decisions built from it.
-- Ids are UUIDv7 text (stable across workstations, so two stores can be merged); dates are ISO text.

CREATE TABLE app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- 单位: an agency (机关) with its departments (内设机构), as a tree.
CREATE TABLE unit (
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
);

-- 人员名册
CREATE TABLE person (
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
);
CREATE INDEX person_unit ON person(unit_id, status);
CREATE INDEX person_name ON person(name);

-- Moves between departments, dated: earlier periods travel along with the person.
CREATE TABLE person_move (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  from_unit_id TEXT NOT NULL REFERENCES unit(id),
  to_unit_id TEXT NOT NULL REFERENCES unit(id),
  move_date TEXT NOT NULL,
  reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX person_move_person ON person_move(person_id, move_date);

-- 考核年度 of one agency, with the settings in force (zod-validated JSON).
CREATE TABLE assessment_year (
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
);

-- 平时考核期间 (quarters by default)
CREATE TABLE period (
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
);

-- 平时考核结果: one row per person and period.
CREATE TABLE period_rating (
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
);
CREATE INDEX period_rating_person ON period_rating(person_id);

-- 事件: evidence recorded through the year. Never deleted; voided with a reason.
CREATE TABLE evidence (
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
);
CREATE INDEX evidence_person ON evidence(person_id, date);
CREATE INDEX evidence_kind ON evidence(kind, date);

-- Earlier years' final grades (imported), for the three-year and two-year rules.
CREATE TABLE history_grade (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES person(id),
  year INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('graded', 'comments_only', 'deferred', 'not_assessed')),
  grade TEXT CHECK (grade IN ('excellent', 'competent', 'basic', 'incompetent')),
  source TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (person_id, year)
);

-- 年度考核决定: the committee's final result per person.
CREATE TABLE yearend_decision (
  id TEXT PRIMARY KEY,
  year_id TEXT NOT NULL REFERENCES assessment_year(id),
  person_id TEXT NOT NULL REFERENCES person(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('graded', 'comments_only', 'deferred', 'not_assessed')),
  grade TEXT CHECK (grade IN ('excellent', 'competent', 'basic', 'incompetent')),
  reason TEXT NOT NULL DEFAULT '',         -- required when differing from the suggestion
  approval_doc_no TEXT NOT NULL DEFAULT '',-- required when over quota
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  UNIQUE (year_id, person_id)
);

-- 操作员
CREATE TABLE operator (
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
);

-- 审计日志: append-only, hash-chained (hash = sha256(prev_hash || canonical row)).
CREATE TABLE audit_log (
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
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Imported files, by content hash, so a re-import of the same file changes nothing and says so.
CREATE TABLE import_batch (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  rows_applied INTEGER NOT NULL,
  rows_skipped INTEGER NOT NULL,
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL
);
CREATE INDEX import_batch_hash ON import_batch(kind, file_sha256);
