package io.github.flatchrlucca.delivery;

/**
 * The hire falls back to its tenant's default department, which Lucca does not list, and its user is to be created:
 * Lucca would refuse the user (400), and would again at every attempt until the setting is changed. It dies at once,
 * its create not sent, replayable once
 * the setting names a department Lucca has. Names the setting and the id, never the candidate.
 */
public final class DefaultDepartmentUnlisted extends RuntimeException {

    DefaultDepartmentUnlisted(String problem) {
        super(problem + ": Lucca would refuse the user, so its create was not sent. Set it to a department Lucca lists (or "
                + "unset it, for Lucca's own default), then replay the hire", null, false, false);
    }
}
