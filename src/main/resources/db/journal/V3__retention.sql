-- When a finished hire's personal data (payload, Lucca request and answers) was erased for retention.
ALTER TABLE hire ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX hire_updated ON hire (updated_at);
