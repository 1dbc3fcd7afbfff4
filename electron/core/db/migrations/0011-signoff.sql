-- Notification and sign-off (送达与签收): per person of a decided year, the day the written result
-- was delivered, the person's own opinion (同意 / 不同意 with its text / 拒签 with the witness's note)
-- and the signing day. Redress deadlines run from the delivery day recorded here.
CREATE TABLE yearend_signoff (
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
) WITHOUT ROWID;
