package io.github.flatchrlucca.intake;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a Flatchr event is to the connector: a hire to deliver, one that cannot be (incomplete: a field
 * missing or unusable, or sent by a company that is not the tenant's), a candidate of the tenant's moved out of hired
 * (a hire the journal holds may be withdrawn), or nothing.
 *
 * @param reason           why it is ignored or refused; for a move out of hired, who moved the candidate and where to
 * @param sameApplication  the candidate's e-mail and the vacancy's id ({@link SameApplication}), by which a hire the
 *                         webhook sent and one Flatchr's API found are one; null when the event lacks either
 * @param plainApplicantId Flatchr's plain id of the application when the event names it by another as well
 *                         ({@link io.github.flatchrlucca.mapping.ApplicationId#plain}), else null
 */
public record HireVerdict(Kind kind, String reason, String companyId, String applicantId,
                          List<UnusableField> unusableFields, String sameApplication, String plainApplicantId) {

    public enum Kind { HIRE, INCOMPLETE, OTHER_COMPANY, MOVED_OUT, IGNORED }

    public HireVerdict(Kind kind, String reason, String companyId, String applicantId,
                       List<UnusableField> unusableFields, String sameApplication) {
        this(kind, reason, companyId, applicantId, unusableFields, sameApplication, null);
    }

    public HireVerdict(Kind kind, String reason, String companyId, String applicantId,
                       List<UnusableField> unusableFields) {
        this(kind, reason, companyId, applicantId, unusableFields, null);
    }

    static HireVerdict ignored(String reason) {
        return new HireVerdict(Kind.IGNORED, reason, null, null, List.of());
    }

    /** A hire of the tenant's, complete or not. */
    public static HireVerdict hire(String companyId, String applicantId, List<UnusableField> unusableFields,
                                   Optional<String> sameApplication) {
        return new HireVerdict(unusableFields.isEmpty() ? Kind.HIRE : Kind.INCOMPLETE, null, companyId, applicantId,
                List.copyOf(unusableFields), sameApplication.orElse(null));
    }

    /** A candidate of the tenant's dragged into a column that does not trigger: {@code how} says by whom, and where. */
    static HireVerdict movedOut(String companyId, String applicantId, Optional<String> sameApplication, String how) {
        return new HireVerdict(Kind.MOVED_OUT, how, companyId, applicantId, List.of(), sameApplication.orElse(null));
    }

    /** A hire on a tenant's URL from a company that is not the tenant's: a wrong URL or a leaked token. */
    static HireVerdict otherCompany(String tenant, String companyId, String applicantId) {
        return new HireVerdict(Kind.OTHER_COMPANY, "company_id " + companyId + " is not one of tenant " + tenant
                + "'s Flatchr companies", companyId, applicantId, List.of());
    }

    /** The same verdict, of an application the event also names by Flatchr's plain id when it does. */
    HireVerdict alsoNamedBy(Optional<String> plainApplicantId) {
        return new HireVerdict(kind, reason, companyId, applicantId, unusableFields, sameApplication,
                plainApplicantId.orElse(null));
    }

    public boolean isIgnored() {
        return kind == Kind.IGNORED;
    }

    public boolean isMovedOut() {
        return kind == Kind.MOVED_OUT;
    }

    public boolean isOtherCompany() {
        return kind == Kind.OTHER_COMPANY;
    }

    /** The names of the fields that make the hire incomplete, as clients read them from a 422. */
    public List<String> fields() {
        return unusableFields.stream().map(UnusableField::field).toList();
    }

    /**
     * Why the hire is recorded as rejected, for the operator who reads the journal and for Flatchr's 422:
     * "data.candidate.firstname is missing, data.candidate.lastname is longer than 100 characters".
     */
    public String rejection() {
        return kind == Kind.OTHER_COMPANY ? reason
                : unusableFields.stream().map(UnusableField::described).collect(Collectors.joining(", "));
    }

    /** What the journal records as the hire's rejection: null for a hire to deliver. */
    public String recordedRejection() {
        return kind == Kind.HIRE ? null : rejection();
    }

    /**
     * The e-mail-and-vacancy key the journal matches the hire by: none for a hire of another company, which is not
     * the tenant's and must never stand for one that is.
     */
    public String matchingApplication() {
        return isOtherCompany() ? null : sameApplication;
    }

    /**
     * Flatchr sends no event id: one company's applicant is one hire, however often it is sent. A hire sent
     * to the wrong tenant is kept apart, so that it never stands in the way of the same hire sent right.
     */
    public String dedupeKey() {
        String key = companyId + ":" + applicantId;
        return kind == Kind.OTHER_COMPANY ? "other-company:" + key : key;
    }

    /**
     * The hire's key by Flatchr's plain id of the application, when the event names it by another ({@link
     * #dedupeKey} is by {@code data.applicant.id}, which may be Flatchr's encoded id): a hire keeps it, and a move out
     * of hired is looked up by it too. None for a hire of another company, which must never stand for one that is.
     */
    public String plainDedupeKey() {
        return plainApplicantId == null || isOtherCompany() ? null : companyId + ":" + plainApplicantId;
    }

    /** Without the candidate's personal data: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "HireVerdict[kind=" + kind + ", companyId=" + companyId + ", applicantId=" + applicantId
                + ", plainApplicantId=" + plainApplicantId + ", unusableFields="
                + (unusableFields == null ? 0 : unusableFields.size()) + "]";
    }
}
