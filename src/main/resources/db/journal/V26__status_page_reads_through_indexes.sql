-- The hires waiting for a person's decision, counted for each tenant by the status page's /tenants and /stats at each
-- refresh (every 5 s an open tab) and listed by its "needs a decision" filter: a few among all the hires ever
-- received. Without an index each count read every hire's row, its event included: 1.2 to 4.9 s for 200,000 hires
-- of 3 KiB events on H2, twice a refresh. Through this index, and a range of dates rather than IS NOT NULL (which H2
-- answers by walking the whole index), under 1 ms. Keyed by the date alone: new hires (no decision) all go to its
-- end, so a webhook's commit adds one key where it adds the others, not a leaf rewritten somewhere in the middle.
-- Every change sets both columns together; a hire marked before that was so is given its last change's date.
UPDATE hire SET decision_needed_at = updated_at WHERE decision_needed IS NOT NULL AND decision_needed_at IS NULL;
CREATE INDEX hire_decision_needed ON hire (decision_needed_at);
-- One tenant's hires, newest first: a page of the status page opened for a tenant (a tenant's own admin token always
-- is), at each refresh. H2 read them through the first index led by the tenant and sorted them all (0.3 to 1.6 s for
-- 40,000 of a tenant's hires among 200,000); through this one, in its order, it reads the page alone. The list
-- orders by the tenant first when it names one (JournalReader.list), as H2 takes an index for a sort only when the
-- sort begins with the index's first column.
CREATE INDEX hire_by_tenant_newest ON hire (tenant, received_at DESC);
