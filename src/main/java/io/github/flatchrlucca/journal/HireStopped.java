package io.github.flatchrlucca.journal;

/**
 * The hire was stopped while this instance was delivering it (an operator cancelled it, or Flatchr's recruiter moved
 * the candidate out of hired, and maybe back in with data it cannot be sent with: rejected): the attempt stops before
 * its next call.
 */
public final class HireStopped extends RuntimeException {

    HireStopped(String hireId, HireStatus status) {
        super("hire " + hireId + " was " + status.label() + " during its attempt", null, false, false);
    }
}
