-- Schema additions for yearend. Reserved in the numbering so capabilities can land in any order.
SELECT 1;
