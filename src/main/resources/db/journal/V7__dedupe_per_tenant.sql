-- A hire is unique within its tenant (customer), not across tenants: the same Flatchr application sent to the
-- default URL and then to its own tenant's URL is two records, and a resend never moves a hire to another tenant.
-- The key keeps its one unique column; it now starts with the tenant (up to 41 more characters: the column
-- grows first, so that no key accepted before is too long for it now).
ALTER TABLE hire ALTER COLUMN dedupe_key SET DATA TYPE VARCHAR(400);
UPDATE hire SET dedupe_key = tenant || ':' || dedupe_key;

-- Retention now erases a finished hire's login reservation with its other personal data (a login is made of the
-- person's names): those of hires erased before this version go now.
DELETE FROM tenant_login_reservation WHERE hire_id IN (SELECT hire_id FROM hire WHERE erased_at IS NOT NULL);
