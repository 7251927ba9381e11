-- How the connector learnt of a hire: Flatchr's webhook, or a search of Flatchr's API (reconciliation).
ALTER TABLE hire ADD COLUMN origin VARCHAR(20) DEFAULT 'webhook' NOT NULL;
-- The webhook names an application by a plain id and the API by an encoded one: a hire is also unique by its
-- candidate's e-mail and vacancy within its tenant, kept as a digest (it outlives retention, which erases the
-- e-mail). Null when the hire lacks either; several nulls are allowed by H2 and PostgreSQL alike.
ALTER TABLE hire ADD COLUMN match_key VARCHAR(120);
CREATE UNIQUE INDEX hire_match_key ON hire (match_key);

-- Each tenant's searches of Flatchr's API: one at a time across instances (a lease, as a hire's claim), when the
-- next is due, and what the last one came to.
CREATE TABLE reconciliation (
    tenant          VARCHAR(40) NOT NULL PRIMARY KEY,
    claimed_by      VARCHAR(64),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    next_run_at     TIMESTAMP WITH TIME ZONE,
    -- when the last search that succeeded began: the next one looks from the day before it
    last_success_at TIMESTAMP WITH TIME ZONE,
    -- the first day the last search looked at (the end is the day it ran)
    last_window_from TIMESTAMP WITH TIME ZONE,
    last_run_at     TIMESTAMP WITH TIME ZONE,
    last_outcome    VARCHAR(40),
    last_error      TEXT,
    last_found      INTEGER,
    last_recorded   INTEGER,
    last_failed     INTEGER,
    failures        INTEGER DEFAULT 0 NOT NULL
);
