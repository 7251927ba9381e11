-- Each hire's outcome written back to its candidate in Flatchr (FLATCHR_RESULT_TAG), a step of its own: PENDING
-- from the moment the outcome is known, WRITTEN once Flatchr took it, FAILED past the maximum age. Null: nothing to
-- write (the hire is queued, or was another company's).
ALTER TABLE hire ADD COLUMN writeback_status VARCHAR(20);
ALTER TABLE hire ADD COLUMN writeback_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE hire ADD COLUMN writeback_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE hire ADD COLUMN writeback_next_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE hire ADD COLUMN writeback_claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE hire ADD COLUMN writeback_claimed_by VARCHAR(64);
-- Flatchr's encoded id of the application, which the write-back needs: a found hire has it from the search, a
-- webhook's is looked up by e-mail the first time.
ALTER TABLE hire ADD COLUMN flatchr_applicant VARCHAR(64);
CREATE INDEX hire_writeback_due ON hire (tenant, writeback_status, writeback_next_at);
