-- Which tenant (customer) a hire belongs to: its webhook URL said so, and its Lucca, key and mapping follow.
-- Hires recorded before tenants existed belong to the tenant the environment settings describe.
ALTER TABLE hire ADD COLUMN tenant VARCHAR(40) DEFAULT 'default' NOT NULL;
-- Each tenant's delivery looks only at its own queue.
CREATE INDEX hire_due_by_tenant ON hire (tenant, status, next_attempt_at);

-- A login is taken within one customer's Lucca, not across customers: reservations are per tenant.
CREATE TABLE tenant_login_reservation (
    tenant      VARCHAR(40)  NOT NULL,
    login       VARCHAR(200) NOT NULL,
    hire_id     VARCHAR(36)  NOT NULL,
    reserved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, login)
);
INSERT INTO tenant_login_reservation (tenant, login, hire_id, reserved_at)
    SELECT 'default', login, hire_id, reserved_at FROM login_reservation;
DROP TABLE login_reservation;
