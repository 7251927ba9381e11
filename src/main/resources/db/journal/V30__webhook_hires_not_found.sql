-- A search about to record an application it cannot match by e-mail looks among the tenant's webhook hires that no
-- search has found (no Flatchr id) for one of the same names and vacancy under another e-mail, newest first. Not
-- only those of the search's window: a hire from before the tenant's searches began (its API key added later), whose
-- e-mail HR replaced weeks after, is one too. Through this index the query reads those hires alone, in its order
-- (the tenant's, the webhook's, no Flatchr id, not erased: each an equality; then the newest first), and stops at
-- its bound; through the tenant's newest (hire_by_tenant_newest) it would read every hire the tenant ever had, erased
-- ones included, when fewer than its bound are left to find. Erased hires keep no Flatchr id either: erased_at keeps
-- their growing number out of the range read.
CREATE INDEX hire_webhook_not_found ON hire (tenant, origin, flatchr_applicant, erased_at, received_at DESC);
