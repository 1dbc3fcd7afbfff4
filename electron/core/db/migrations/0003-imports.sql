-- Schema additions for imports. Reserved in the numbering so capabilities can land in any order.
SELECT 1;
