package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LuccaUserDraftTest {

    private static final LuccaUserDraft FULL = new LuccaUserDraft("Éloïse", "Müller-Straße", "eloise.muller@acme.fr",
            "eloise@gmail.com", "+33612345678", "Développeuse Java", LocalDate.of(2026, 1, 6), "emuller", 3, 12, 4);

    @Test
    void createBodyUsesLuccaFieldNamesInLuccaOrder() {
        assertThat(FULL.toCreateBody()).containsExactly(
                entry("firstName", "Éloïse"),
                entry("lastName", "Müller-Straße"),
                entry("mail", "eloise.muller@acme.fr"),
                entry("login", "emuller"),
                entry("dtContractStart", "2026-01-06T00:00:00"),
                entry("legalEntityId", 3),
                entry("departmentId", 12),
                entry("rolePrincipalId", 4),
                entry("jobTitle", "Développeuse Java"),
                entry("personalEmail", "eloise@gmail.com"),
                entry("personalMobile", "+33612345678"));
    }

    @Test
    void createBodyLeavesOutNullFieldsSoLuccaDefaultsApply() {
        LuccaUserDraft minimal = new LuccaUserDraft(
                "Éloïse", "Müller", "eloise@gmail.com", null, null, null, LocalDate.of(2026, 1, 6), null, null, null, null);

        assertThat(minimal.toCreateBody()).containsExactly(
                entry("firstName", "Éloïse"),
                entry("lastName", "Müller"),
                entry("mail", "eloise@gmail.com"),
                entry("dtContractStart", "2026-01-06T00:00:00"));
    }

    @Test
    void createBodyWithoutStartDateHasNoDtContractStart() {
        LuccaUserDraft noStart = new LuccaUserDraft("A", "B", "a@b.fr", null, null, null, null, null, null, null, null);

        assertThat(noStart.toCreateBody()).doesNotContainKey("dtContractStart");
    }

    @Test
    void withLoginChangesOnlyTheLogin() {
        assertThat(FULL.withLogin("emuller2")).isEqualTo(new LuccaUserDraft("Éloïse", "Müller-Straße",
                "eloise.muller@acme.fr", "eloise@gmail.com", "+33612345678", "Développeuse Java",
                LocalDate.of(2026, 1, 6), "emuller2", 3, 12, 4));
    }

    @Test
    void withOrganisationChangesOnlyTheOrganisation() {
        assertThat(FULL.withOrganisation(30, null, 40)).isEqualTo(new LuccaUserDraft("Éloïse", "Müller-Straße",
                "eloise.muller@acme.fr", "eloise@gmail.com", "+33612345678", "Développeuse Java",
                LocalDate.of(2026, 1, 6), "emuller", 30, null, 40));
    }
}
