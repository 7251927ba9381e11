-- The days a tenant's first search of Flatchr's API leaves out: until one succeeds, a search looks back from the
-- first try, but never more than a year (ReconciliationRun.LONGEST_FIRST_LOOKBACK); a tenant whose searches failed
-- for longer has older days in no search. Kept from the first run that cuts them (which tells the operators, once)
-- until a search covers them (a backfill), for the admin API and the status page to show: from the first of those
-- days, before the first day a search covers. Null when no day is left out.
ALTER TABLE reconciliation ADD COLUMN not_searched_from DATE;
ALTER TABLE reconciliation ADD COLUMN not_searched_before DATE;

-- When the journal last learnt, by its own clock, where a hire's candidate is in Flatchr: a webhook's drag into
-- hired (a new hire, one sent again) or out of it (even one it knew), or a search's conclusion (then when its answer
-- was asked for). A search's answer is read minutes before what it shows is applied: what it says of a candidate is
-- applied only to a hire the journal learnt nothing of since that answer was asked for, so that a later webhook
-- (the recruiter undoing a move) always wins. Null for hires of before this version: nothing learnt since.
ALTER TABLE hire ADD COLUMN column_learnt_at TIMESTAMP WITH TIME ZONE;
