-- The Lucca (its base URL) in which the hire's user was made, or its create sent: a reload of the tenants may give
-- its tenant another Lucca while the hire waits for a retry, and a user id, or a create whose answer was lost, means
-- nothing in another one (a contract on whoever has that id there, an account made twice). Such a hire is not sent
-- anywhere: it dies for a person. Null for the hires recorded before: the Lucca in force, as it always was.
ALTER TABLE hire ADD COLUMN lucca_instance VARCHAR(2000);
