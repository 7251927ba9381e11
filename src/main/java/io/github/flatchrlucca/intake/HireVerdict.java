package io.github.flatchrlucca.intake;

import java.util.List;

/** What a Flatchr event is to the connector: a hire to deliver, one that cannot be, or nothing. */
public record HireVerdict(Kind kind, String reason, String companyId, String applicantId, List<String> missingFields) {

    public enum Kind { HIRE, INCOMPLETE, IGNORED }

    static HireVerdict ignored(String reason) {
        return new HireVerdict(Kind.IGNORED, reason, null, null, List.of());
    }

    static HireVerdict hire(String companyId, String applicantId, List<String> missingFields) {
        return missingFields.isEmpty()
                ? new HireVerdict(Kind.HIRE, null, companyId, applicantId, List.of())
                : new HireVerdict(Kind.INCOMPLETE, null, companyId, applicantId, List.copyOf(missingFields));
    }

    public boolean isIgnored() {
        return kind == Kind.IGNORED;
    }

    /** Flatchr sends no event id: one company's applicant is one hire, however often it is sent. */
    public String dedupeKey() {
        return companyId + ":" + applicantId;
    }
}
