-- When a queued hire's hold (HIRE_HOLD_SECONDS, a tenant's hireHoldSeconds) ends: it waits for Lucca from then, or
-- from when it entered the queue (queued_at) when that is later or it was not held (NULL). The queue-age alert and the
-- status page read it at every attempt: next_attempt_at, which they read it from before, is the hold's end only until
-- the first attempt, and a hire held two hours whose first attempt got a 429 was then said to have waited two hours.
ALTER TABLE hire ADD COLUMN held_until TIMESTAMP WITH TIME ZONE;
-- The queued hires not tried yet are held until their first attempt; those tried already keep no trace of their hold,
-- and wait from when they entered the queue.
UPDATE hire SET held_until = next_attempt_at WHERE status = 'RECEIVED' AND attempts = 0
    AND next_attempt_at > queued_at;
-- Each tenant's longest-waiting hire is chosen by that time: the grouping reads the queued hires' index alone (V19),
-- which holds it too.
DROP INDEX hire_queued_by_tenant;
CREATE INDEX hire_queued_by_tenant ON hire (status, tenant, received_at, queued_at, held_until);
