-- A search of Flatchr's API asks which of the applications it found the tenant's journal already holds by Flatchr's
-- own id of each, as well as by e-mail and vacancy: a webhook's hire whose candidate's e-mail was corrected in
-- Flatchr since is known by that id only (the write-back learns it), and would otherwise be recorded, and made in
-- Lucca, a second time. New hires' ids come in order, so the index's new keys (the tenant, no id yet) are appended.
CREATE INDEX hire_flatchr_applicant ON hire (tenant, flatchr_applicant);
