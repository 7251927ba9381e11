-- A search of moves out of hired that keeps failing (an answer over the connector's cap on a day of bulk changes,
-- which stays in the moves' window for a week) is put off, longer after each failure in a row, rather than asked
-- again at every run, each reading up to the cap: how many failed in a row since the last success, and the time
-- before which no scheduled run searches the moves. In the journal, so that every instance sharing it waits alike.
ALTER TABLE reconciliation ADD COLUMN moves_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE reconciliation ADD COLUMN moves_not_before TIMESTAMP WITH TIME ZONE;
