package io.github.flatchrlucca.mapping;

import java.util.List;

/**
 * A Flatchr hire read into Lucca's terms, before anything is looked up in Lucca.
 *
 * @param warnings        what could not be carried over as given, each with what it speaks of
 * @param loginBase       the login before collisions with existing Lucca logins are resolved
 * @param departmentNames the department names the hire carries, to be matched against Lucca's
 * @param contractTypeId  Flatchr's contract type id as text, or null
 * @param applicationId   Flatchr's id of the application ({@code data.applicant.id}), or null: the contract's
 *                        {@code externalId}, so a person in Lucca can be traced back to the hire
 */
public record MappedHire(
        LuccaUserDraft draft,
        List<HireWarning> warnings,
        String loginBase,
        List<String> departmentNames,
        String contractTypeId,
        String applicationId) {

    public MappedHire {
        warnings = List.copyOf(warnings);
        departmentNames = List.copyOf(departmentNames);
    }

    /** The warnings as a person reads them. */
    public List<String> warningTexts() {
        return warnings.stream().map(HireWarning::text).toList();
    }

    /** Without the candidate's personal data: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "MappedHire[draft=" + draft + ", warnings=" + warnings.size() + ", contractTypeId=" + contractTypeId
                + ", applicationId=" + applicationId + "]";
    }
}
