-- The days a tenant's first search of Flatchr's API leaves out: until one succeeds, a search looks back from the
-- first try, but never more than a year (ReconciliationRun.LONGEST_FIRST_LOOKBACK); a tenant whose searches failed
-- for longer has older days in no search. Kept from the first run that cuts them (which tells the operators, once)
-- until a search covers them (a backfill), for the admin API and the status page to show: from the first of those
-- days, before the first day a search covers. Null when no day is left out.
ALTER TABLE reconciliation ADD COLUMN not_searched_from DATE;
ALTER TABLE reconciliation ADD COLUMN not_searched_before DATE;
