-- A decided year is frozen: at finalisation everything the evaluation pack prints (each person's
-- printed facts, department and unit names, period texts, evidence, results, summaries, form
-- options, notice, settings) is kept with the year as one JSON document. Every later print of that
-- year reads this copy, so a roster change in a later year never changes a filed form. Only a
-- recorded 复核/申诉/补定等次 outcome (yearend_decision with that source) is laid over it on print.
CREATE TABLE yearend_frozen_pack (
  year_id TEXT PRIMARY KEY REFERENCES assessment_year(id),
  format INTEGER NOT NULL,     -- version of the JSON shape (electron/core/pack/frozen-pack.ts)
  pack_json TEXT NOT NULL,     -- { pack: PackData, history: { personId: RuleHistory[] } }
  content_hash TEXT NOT NULL,  -- sha256 of pack_json; also in the finalisation's audit entry
  frozen_at TEXT NOT NULL,
  frozen_by TEXT NOT NULL
) WITHOUT ROWID;

-- written once, in the finalisation transaction, and never changed
CREATE TRIGGER yearend_frozen_pack_insert BEFORE INSERT ON yearend_frozen_pack
WHEN (SELECT stage FROM assessment_year WHERE id = NEW.year_id) NOT IN ('final', 'archived')
BEGIN SELECT RAISE(ABORT, '只有定档的年度才能保存定档材料。'); END;

CREATE TRIGGER yearend_frozen_pack_update BEFORE UPDATE ON yearend_frozen_pack
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，定档时的考核材料不能再修改。'); END;

CREATE TRIGGER yearend_frozen_pack_delete BEFORE DELETE ON yearend_frozen_pack
BEGIN SELECT RAISE(ABORT, '该年度考核已定档，定档时的考核材料不能删除。'); END;

-- personal summaries are locked with the year
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

-- the registration form's labels and extra rows (app_meta key pack.form.<yearId>) likewise
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
