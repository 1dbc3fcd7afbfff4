-- Roster indexes for listing 20,000 people: default order (status, then 人员编号) and the filters.
CREATE INDEX person_status_no ON person(status, person_no);
CREATE INDEX person_category ON person(category, status);
CREATE INDEX unit_parent ON unit(parent_id, sort_order);
CREATE INDEX person_move_to ON person_move(to_unit_id);
CREATE INDEX person_move_from ON person_move(from_unit_id);
