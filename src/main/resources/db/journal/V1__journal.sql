-- One row per hire received from Flatchr, whatever became of it. Portable SQL: the same migration
-- serves the embedded H2 journal and PostgreSQL.
CREATE TABLE hire (
    hire_id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    -- Flatchr company + applicant: the same hire sent twice is one row.
    dedupe_key          VARCHAR(300) NOT NULL UNIQUE,
    status              VARCHAR(20)  NOT NULL,
    payload             TEXT,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts            INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMP WITH TIME ZONE,
    -- Set while one worker delivers the hire; a claim past this time was abandoned.
    claimed_until       TIMESTAMP WITH TIME ZONE,
    -- Set just before the create is sent: a retry then knows a user found by e-mail may be ours.
    create_attempted_at TIMESTAMP WITH TIME ZONE,
    lucca_user_id       BIGINT,
    last_lucca_status   INTEGER,
    last_lucca_body     TEXT,
    last_error          TEXT,
    warnings            TEXT,
    -- The create request that was sent, or in dry-run would have been.
    lucca_request       TEXT
);

CREATE INDEX hire_due ON hire (status, next_attempt_at);
