package io.github.flatchrlucca.journal;

import java.time.Instant;

/**
 * A hire withdrawn when its candidate was moved out of hired, by the keys a search of Flatchr's API finds its
 * application by: its e-mail and vacancy, or Flatchr's id of it (which a search that found it by those, or the
 * write-back, learns).
 *
 * @param matchKey   the e-mail-and-vacancy key as the journal keeps it ({@link ApplicationKey}), or null
 * @param applicant  Flatchr's API's id of the application, or null while it is not known
 * @param movedOutAt when it was moved out of hired, or last shown back in hired by a webhook it stayed withdrawn for
 *                   (its data incomplete): a move back after that is news
 */
public record WithdrawnHire(String hireId, String tenant, String matchKey, String applicant, Instant movedOutAt) {

    /**
     * Whether a search shows its candidate in hired by a change after the move out: moved back in. A change from
     * before is an answer read before the move out, and Flatchr counts whole seconds: a change within the move's own
     * second is taken for the move's, as it may be.
     *
     * @param sameApplication the application's e-mail and vacancy, or null
     * @param changedAt       the application's last change in Flatchr, or null when the search gave none
     */
    public boolean movedBackIn(String sameApplication, String applicantId, Instant changedAt) {
        return changedAt != null && changedAt.isAfter(movedOutAt) && isOf(sameApplication, applicantId);
    }

    /** Whether it is the hire of that application: by its e-mail and vacancy, or by Flatchr's id of it. */
    public boolean isOf(String sameApplication, String applicantId) {
        return hasEmailOf(sameApplication) || applicant != null && applicant.equals(applicantId);
    }

    /** Whether it is kept under this e-mail and vacancy: of two hires of one application, the one of its e-mail now. */
    public boolean hasEmailOf(String sameApplication) {
        return matchKey != null && matchKey.equals(ApplicationKey.of(tenant, sameApplication));
    }
}
