-- The same candidate hired twice (two vacancies, two tenants of one Lucca) may have names written differently in
-- Flatchr ("Zoé Martin", "Zoé Martin-Leroy"): under a work e-mail pattern their Lucca addresses then differ, and each
-- hire held its own. Each hire now also holds the candidate's own e-mail (Lucca's personalEmail) in its Lucca, so
-- the second waits for the first and then finds the person by it. kind: which of the two the row holds (a hire gives
-- up only a row of the same kind when it takes another); address_key stays a SHA-256 digest, never the address.
ALTER TABLE lucca_address_reservation ADD COLUMN kind VARCHAR(16) DEFAULT 'LUCCA_MAIL' NOT NULL;
