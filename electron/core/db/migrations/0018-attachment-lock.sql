-- 证明材料 belong to the year of their evidence item: once that year is final or archived, a scan can
-- no longer be attached, removed or deleted there — the service refuses first (assertYearsOpen), and
-- these triggers hold the same rule for any other writer (the exchange apply, a script on the file).
-- Inside a redress transaction (yearend_unlock) attaching and removing stay possible, as for evidence.
CREATE TRIGGER yearend_attachment_lock_insert BEFORE INSERT ON evidence_attachment
WHEN EXISTS (
  SELECT 1 FROM evidence e
    JOIN person p ON p.id = e.person_id
    LEFT JOIN unit u1 ON u1.id = p.unit_id
    LEFT JOIN unit u2 ON u2.id = u1.parent_id
    LEFT JOIN unit u3 ON u3.id = u2.parent_id
    JOIN assessment_year y ON y.unit_id IN (p.unit_id, u1.parent_id, u2.parent_id, u3.parent_id)
  WHERE e.id = NEW.evidence_id AND y.year = CAST(substr(e.date, 1, 4) AS INTEGER) AND y.stage IN ('final', 'archived')
    AND NOT EXISTS (SELECT 1 FROM yearend_unlock x WHERE x.year_id = y.id))
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，该年度事件的证明材料不能再添加；如需更正，请通过复核或申诉办理。'); END;

CREATE TRIGGER yearend_attachment_lock_update BEFORE UPDATE ON evidence_attachment
WHEN EXISTS (
  SELECT 1 FROM evidence e
    JOIN person p ON p.id = e.person_id
    LEFT JOIN unit u1 ON u1.id = p.unit_id
    LEFT JOIN unit u2 ON u2.id = u1.parent_id
    LEFT JOIN unit u3 ON u3.id = u2.parent_id
    JOIN assessment_year y ON y.unit_id IN (p.unit_id, u1.parent_id, u2.parent_id, u3.parent_id)
  WHERE e.id IN (OLD.evidence_id, NEW.evidence_id) AND y.year = CAST(substr(e.date, 1, 4) AS INTEGER)
    AND y.stage IN ('final', 'archived')
    AND NOT EXISTS (SELECT 1 FROM yearend_unlock x WHERE x.year_id = y.id))
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，该年度事件的证明材料不能再移除或修改；如需更正，请通过复核或申诉办理。'); END;

-- a row is never deleted in the app (removal keeps it as 'removed'); in a decided year not even by hand
CREATE TRIGGER yearend_attachment_lock_delete BEFORE DELETE ON evidence_attachment
WHEN EXISTS (
  SELECT 1 FROM evidence e
    JOIN person p ON p.id = e.person_id
    LEFT JOIN unit u1 ON u1.id = p.unit_id
    LEFT JOIN unit u2 ON u2.id = u1.parent_id
    LEFT JOIN unit u3 ON u3.id = u2.parent_id
    JOIN assessment_year y ON y.unit_id IN (p.unit_id, u1.parent_id, u2.parent_id, u3.parent_id)
  WHERE e.id = OLD.evidence_id AND y.year = CAST(substr(e.date, 1, 4) AS INTEGER) AND y.stage IN ('final', 'archived'))
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，该年度事件的证明材料不能删除。'); END;
