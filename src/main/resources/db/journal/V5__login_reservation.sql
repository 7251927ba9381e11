-- Logins this connector has given, so that two hires of namesakes delivered at the same moment (by two
-- instances) never both take "cmorel2": Lucca would refuse the second one.
CREATE TABLE login_reservation (
    login       VARCHAR(200) NOT NULL PRIMARY KEY,
    hire_id     VARCHAR(36)  NOT NULL,
    reserved_at TIMESTAMP WITH TIME ZONE NOT NULL
);
