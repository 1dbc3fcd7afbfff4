-- People stay themselves: one 身份证号 belongs to one person record, and a pair the clerk has judged
-- to be two different people (same name, sex and birth month) is not flagged as a duplicate again.
--
-- The store refuses a second person with the same 身份证号 by triggers, not a UNIQUE index: a store
-- from an earlier release may already hold such a pair (nothing refused it then), and a UNIQUE index
-- would make this migration fail and the store unopenable. The pair shows as a duplicate in the
-- roster until it is merged; no new one can be written.
CREATE INDEX person_id_card ON person(id_card) WHERE id_card IS NOT NULL;
CREATE INDEX person_identity ON person(name, gender, birth_month);

CREATE TRIGGER person_id_card_unique_insert BEFORE INSERT ON person
WHEN NEW.id_card IS NOT NULL AND EXISTS (SELECT 1 FROM person WHERE id_card = NEW.id_card)
BEGIN SELECT RAISE(ABORT, '身份证号已被名册中的其他人员使用，同一人不能登记为两个人员。'); END;

CREATE TRIGGER person_id_card_unique_update BEFORE UPDATE OF id_card ON person
WHEN NEW.id_card IS NOT NULL AND NEW.id_card IS NOT OLD.id_card
 AND EXISTS (SELECT 1 FROM person WHERE id_card = NEW.id_card AND id <> NEW.id)
BEGIN SELECT RAISE(ABORT, '身份证号已被名册中的其他人员使用，同一人不能登记为两个人员。'); END;

-- 确认不是同一人: the clerk's judgement on a flagged pair (person_a < person_b), with the reason.
CREATE TABLE person_distinct (
  person_a TEXT NOT NULL REFERENCES person(id),
  person_b TEXT NOT NULL REFERENCES person(id),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
) WITHOUT ROWID;
CREATE INDEX person_distinct_b ON person_distinct(person_b);
