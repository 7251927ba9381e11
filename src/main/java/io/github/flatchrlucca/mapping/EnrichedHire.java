package io.github.flatchrlucca.mapping;

import java.util.List;

/** A hire with its organisation (establishment, department, role) decided, ready to look up and create in Lucca. */
public record EnrichedHire(LuccaUserDraft draft, List<HireWarning> warnings) {

    public EnrichedHire {
        warnings = List.copyOf(warnings);
    }
}
