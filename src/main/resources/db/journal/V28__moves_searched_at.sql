-- When the last search of moves out of hired that succeeded began: where the next one starts (a day before), kept
-- apart from the search of hires' last success, so that a failing search of moves (an answer over the connector's
-- cap on a day of bulk changes) no longer fails the run and holds the hires' window, and the hires' window moving on
-- no longer skips the days of moves not searched. Until now both went together.
ALTER TABLE reconciliation ADD COLUMN moves_searched_at TIMESTAMP WITH TIME ZONE;
UPDATE reconciliation SET moves_searched_at = last_success_at;
