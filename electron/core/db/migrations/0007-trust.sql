-- Trust: when each operator last signed in, and indexes for the audit viewer's filters.
ALTER TABLE operator ADD COLUMN last_login_at TEXT;
CREATE INDEX audit_operator ON audit_log(operator_id, seq);
CREATE INDEX audit_action ON audit_log(action, seq);
