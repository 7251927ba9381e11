-- Which hire may make the Lucca account of an address, in each Lucca. The same person hired into two vacancies is
-- two hires with one address; delivered at the same moment by two instances (or by two tenants sharing a Lucca),
-- each would find nobody in a people directory read before the other's create, and Lucca would hold the person
-- twice. The first hire to look its person up holds the address; another waits while the holder is being delivered.
-- address_key: SHA-256 of the Lucca and the address in lower case (the address is personal data); erased with the
-- hire's personal data.
CREATE TABLE lucca_address_reservation (
    address_key VARCHAR(64)              NOT NULL PRIMARY KEY,
    hire_id     VARCHAR(36)              NOT NULL,
    reserved_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- A hire holds only its address of now (a reload may give its tenant another work e-mail pattern): the one it held
-- before is given up as it takes the new one.
CREATE INDEX lucca_address_reservation_by_hire ON lucca_address_reservation (hire_id);
