-- The hires waiting for a person's decision, counted for each tenant by the status page's /tenants and /stats at each
-- refresh (every 5 s an open tab) and listed by its "needs a decision" filter: a few among all the hires ever
-- received. Without an index each count read every hire's row, its event included: 1.2 to 4.9 s for 200,000 hires
-- of 3 KiB events on H2, twice a refresh. Through this index, and a range of dates rather than IS NOT NULL (which H2
-- answers by walking the whole index), under 1 ms. Keyed by the date alone: new hires (no decision) all go to its
-- end, so a webhook's commit adds one key where it adds the others, not a leaf rewritten somewhere in the middle.
-- Every change sets both columns together; a hire marked before that was so is given its last change's date.
UPDATE hire SET decision_needed_at = updated_at WHERE decision_needed IS NOT NULL AND decision_needed_at IS NULL;
CREATE INDEX hire_decision_needed ON hire (decision_needed_at);
