-- Since V6 each tenant's delivery finds its due hires through hire_due_by_tenant; nothing needs hire_due any more.
-- It cost every insert and every change of status, and it misled H2: a statement prepared while the hire table was
-- empty (a new journal) claimed a hire "WHERE hire_id = ? AND status IN (...) AND next_attempt_at <= ?" through
-- hire_due instead of the primary key, and H2 keeps a statement's plan while the statement stays in its cache,
-- so each claim read every queued hire (35% of the CPU time of a saturated intake on a new journal).
DROP INDEX hire_due;
