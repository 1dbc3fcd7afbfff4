-- Evidence and the progress dashboard: indexes for the list (newest first, by status and kind) and
-- for the dashboard's grouped counts over a year. No new tables: kind-specific fields live in details_json.
CREATE INDEX evidence_date ON evidence(date, id);
CREATE INDEX evidence_status_kind ON evidence(status, kind, date);
