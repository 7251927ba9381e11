-- When a search of Flatchr's API saw a hire it recorded in hired: its answer, which may come minutes before the hire
-- is recorded (one call for the details of each new application first). A move out of hired after that answer is a
-- move of the hire's candidate, and withdraws it. Null for a hire the webhook sent, or queued again since (a replay,
-- moved back into hired): the time it was queued is then when it was last known in hired.
ALTER TABLE hire ADD COLUMN seen_in_hired_at TIMESTAMP WITH TIME ZONE;

-- When the tenant's searches of Flatchr's API were first tried: until one succeeds, each try looks back from then,
-- not from its own start (a week of failures would leave that week's hires unsearched). Tenants searched before
-- this version count from now.
ALTER TABLE reconciliation ADD COLUMN first_tried_at TIMESTAMP WITH TIME ZONE;
UPDATE reconciliation SET first_tried_at = CURRENT_TIMESTAMP;
