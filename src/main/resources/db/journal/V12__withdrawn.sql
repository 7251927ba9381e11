-- A hire whose candidate was moved out of hired in Flatchr after the Lucca account was made waits for a person's
-- decision: why, and since when. A person clears it with a note, which the hire's history keeps.
ALTER TABLE hire ADD COLUMN decision_needed VARCHAR(200);
ALTER TABLE hire ADD COLUMN decision_needed_at TIMESTAMP WITH TIME ZONE;
-- When Flatchr last said the candidate left hired (a webhook's arrival, or the candidate's last change in a search
-- of Flatchr's API): a search that shows the same move again changes nothing. Null again when moved back into hired.
ALTER TABLE hire ADD COLUMN moved_out_at TIMESTAMP WITH TIME ZONE;
