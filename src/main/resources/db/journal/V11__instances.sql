-- The connector instances that share this journal, each seen every few seconds while it searches Flatchr. An
-- instance that starts while another is up has missed no webhook, and need not search Flatchr at once.
CREATE TABLE connector_instance (
    instance_id VARCHAR(64) PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
