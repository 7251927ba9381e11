package io.github.flatchrlucca.signals;

/**
 * Tells a person that a hire was refused when it came (incomplete, or of a company that is not the tenant's) and
 * recorded as rejected: Flatchr sends a webhook once and shows no failed one, so nobody else would know.
 */
public interface RejectedHireAlert {

    /**
     * Once for each rejection that is news: a new hire, or one whose reason changed, not a resend for the same reason.
     *
     * @param why what is missing or unusable, or the company that is not the tenant's: field names and ids, never
     *            the candidate's e-mail or phone
     */
    void hireRejected(String tenant, String hireId, String why);

    /**
     * A search's hire recorded as rejected for a person to decide: the names and vacancy of a webhook's hire under
     * another e-mail (the candidate's corrected, or a namesake). Told once for each such hire.
     *
     * @param why the other hire's id and what to do, never the candidate's names or e-mail
     */
    void namesakeHeld(String tenant, String hireId, String why);
}
