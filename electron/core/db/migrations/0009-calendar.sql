-- The official calendar as the office keeps it (法定节假日与调休). The app ships the years its
-- holiday table covers; a year entered or imported here replaces the shipped year as a whole (the
-- State Council notice for next year comes out in late autumn, and an air-gapped machine cannot
-- update a library). Every change is audited; a decided year keeps the copy it was decided with.
CREATE TABLE calendar_year (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
  basis TEXT NOT NULL DEFAULT '',          -- the notice's 文号 or title, as the office wrote it
  source TEXT NOT NULL CHECK (source IN ('manual', 'import')),
  file_name TEXT,                          -- the spreadsheet an import came from
  file_sha256 TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE calendar_day (
  date TEXT PRIMARY KEY,
  year INTEGER NOT NULL REFERENCES calendar_year(year) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),  -- 放假 / 调休上班
  name TEXT NOT NULL DEFAULT '',
  CHECK (CAST(substr(date, 1, 4) AS INTEGER) = year)
) WITHOUT ROWID;
CREATE INDEX calendar_day_year ON calendar_day(year);

-- the calendar years a year's notice and redress deadlines were counted on, kept at finalisation
ALTER TABLE yearend_state ADD COLUMN decided_calendar_json TEXT;
