-- Flatchr's data.applicant.id is its plain id of the application in one event and its 16-character encoded id in
-- another, while data.applicant_id is the plain id in every event (flatchr-webhooks.md, quirk 1). A hire stays keyed
-- by data.applicant.id (dedupe_key, as every hire already recorded is, and as its resends are found); one whose
-- data.applicant_id differs keeps its key by that plain id too, so that a move out of hired whose event carries
-- only that id as data.applicant.id still finds it. Hires recorded before have none: a move out finds them by their
-- key, from either id its event carries. Looked up alone (one statement joined to the others by UNION): its own index.
ALTER TABLE hire ADD COLUMN plain_dedupe_key VARCHAR(400);
CREATE INDEX hire_plain_dedupe_key ON hire (plain_dedupe_key);
