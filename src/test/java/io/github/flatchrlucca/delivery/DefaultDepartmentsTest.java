package io.github.flatchrlucca.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.http.Backoff;
import io.github.flatchrlucca.lucca.DepartmentDirectory;
import io.github.flatchrlucca.lucca.LuccaCaller;
import io.github.flatchrlucca.lucca.LuccaRequests;
import io.github.flatchrlucca.signals.DeliveryAlerts;
import io.github.flatchrlucca.tenants.Tenant;
import io.github.flatchrlucca.tenants.TenantSettings;
import io.github.flatchrlucca.tenants.TestTenants;
import io.github.flatchrlucca.tenants.Tenants;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which hires a default department Lucca does not list stops, what the dead hire is told, and what the operator is
 * told of the tenant: Lucca here answers the departments it is given, and counts the reads.
 */
class DefaultDepartmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI LUCCA = URI.create("https://acme.ilucca.net");
    private static final String KEY = "0d8c7a61-2222-4000-8000-0000000000aa";
    private static final Duration TTL = Duration.ofMinutes(60);
    private static final int GONE = 999;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    /** Lucca's departments as its list gives them now; null: it refuses the list. */
    private List<Integer> inLucca = new ArrayList<>(List.of(12, 14));
    private final List<ApiRequest> reads = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final DepartmentDirectory directory = new DepartmentDirectory(this::lucca, new LuccaRequests(JSON), clock,
            TTL, new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(30)));
    private final Tenants tenants = TestTenants.inForce(TestTenants.withDefaultDepartment(
            TestTenants.tenant(TenantSettings.DEFAULT_ID, "token-0123456789abcdef"), LUCCA, KEY, GONE));
    private final DefaultDepartments defaults = new DefaultDepartments(directory, tenants, new DeliveryAlerts() {
        @Override
        public void hireDead(String tenant, String hireId, String why) {
            throw new AssertionError("a dead hire is DeliveryFailures' to tell");
        }

        @Override
        public void rehireReported(String tenant, String hireId, long luccaUserId) {
            throw new AssertionError("a rehire reported is DeliveryRecords' to tell");
        }

        @Override
        public void contractEndsSooner(String tenant, String hireId, long luccaUserId, String lastDay) {
            throw new AssertionError("an employee whose contract ends sooner is DeliveryRecords' to tell");
        }

        @Override
        public void decisionNoLongerNeeded(String tenant, String hireId) {
            throw new AssertionError("not this class's to tell");
        }

        @Override
        public void defaultDepartmentUnlisted(String tenant, String problem) {
            told.add(tenant + ": " + problem);
        }

        @Override
        public void defaultDepartmentListed(String tenant, String setting) {
            told.add(tenant + ": " + setting + " listed");
        }
    });

    private LuccaCaller.Answer lucca(io.github.flatchrlucca.lucca.LuccaConnection connection, ApiRequest request) {
        reads.add(request);
        if (inLucca == null) {
            throw new IllegalStateException("Lucca refuses the list");
        }
        StringBuilder items = new StringBuilder();
        inLucca.forEach(id -> items.append(items.isEmpty() ? "" : ",").append("{\"id\":").append(id)
                .append(",\"name\":\"D").append(id).append("\",\"isActive\":true}"));
        try {
            return new LuccaCaller.Answer(JSON.readTree("{\"items\":[" + items + "],\"next\":null}"), null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Tenant tenant() {
        return tenants.current(TenantSettings.DEFAULT_ID);
    }

    /** A hire of the round named a department: Lucca's list was read for it, with the tenant's key. */
    private void listReadForAHireThatNamesADepartment() {
        directory.toMatch(tenant().lucca(), () -> List.of("Service IT"));
    }

    @Test
    void whileLuccasListIsNotKnownAHireFallingBackToTheDefaultGoesOnAndLuccaIsNotAskedForIt() {
        // a key whose role may not read the organisation delivers hires that name no department, as before
        assertThatCode(() -> defaults.check(tenant(), tenant().lucca(), GONE)).doesNotThrowAnyException();

        assertThat(reads).isEmpty();
        assertThat(told).isEmpty();
        assertThat(defaults.health(TenantSettings.DEFAULT_ID)).isEmpty();
    }

    @Test
    void aHireFallingBackToADefaultLuccaDoesNotListStopsNamingTheSettingAndTheIdOnly() {
        listReadForAHireThatNamesADepartment();

        assertThatExceptionOfType(DefaultDepartmentUnlisted.class)
                .isThrownBy(() -> defaults.check(tenant(), tenant().lucca(), GONE))
                .withMessage("LUCCA_DEPARTMENT_ID 999 is not among Lucca's departments: Lucca would refuse the user, "
                        + "so its create was not sent. Set it to a department Lucca lists (or unset it, for Lucca's own "
                        + "default), then replay the hire");
        assertThat(reads).as("the list read for the hire, and once more before it is believed").hasSize(2);
    }

    @Test
    void theNextHiresStopWithoutAskingLuccaAgainAndTheTenantIsToldOnce() {
        listReadForAHireThatNamesADepartment();
        for (int hire = 0; hire < 3; hire++) {
            assertThatExceptionOfType(DefaultDepartmentUnlisted.class)
                    .isThrownBy(() -> defaults.check(tenant(), tenant().lucca(), GONE));
        }

        assertThat(reads).hasSize(2);
        assertThat(told).containsExactly("default: LUCCA_DEPARTMENT_ID 999 is not among Lucca's departments");
        assertThat(defaults.health(TenantSettings.DEFAULT_ID))
                .hasValue("LUCCA_DEPARTMENT_ID 999 is not among Lucca's departments");
    }

    @Test
    void aHireGivenAnotherDepartmentGoesOnWhateverTheDefault() {
        listReadForAHireThatNamesADepartment();

        assertThatCode(() -> defaults.check(tenant(), tenant().lucca(), 12)).doesNotThrowAnyException();
        assertThat(reads).hasSize(1);
        assertThat(told).isEmpty();
    }

    @Test
    void aTenantWithoutADefaultDepartmentLeavesItToLucca() {
        tenants.replace(List.of(TestTenants.withDefaultDepartment(
                TestTenants.tenant(TenantSettings.DEFAULT_ID, "token-0123456789abcdef"), LUCCA, KEY, null)));
        listReadForAHireThatNamesADepartment();

        assertThatCode(() -> defaults.check(tenant(), tenant().lucca(), null)).doesNotThrowAnyException();
        assertThat(reads).hasSize(1);
        assertThat(defaults.health(TenantSettings.DEFAULT_ID)).isEmpty();
    }

    @Test
    void aDefaultLuccaListsGoesOnAndHealthSaysOk() {
        inLucca.add(GONE);
        listReadForAHireThatNamesADepartment();

        assertThatCode(() -> defaults.check(tenant(), tenant().lucca(), GONE)).doesNotThrowAnyException();
        assertThat(reads).hasSize(1);
        assertThat(told).isEmpty();
        assertThat(defaults.health(TenantSettings.DEFAULT_ID)).hasValue("ok");
    }

    @Test
    void aDepartmentMadeInLuccaSinceTheListWasReadIsFoundByTheReadMadeBeforeAHireIsStopped() {
        listReadForAHireThatNamesADepartment();
        inLucca.add(GONE);

        assertThatCode(() -> defaults.check(tenant(), tenant().lucca(), GONE)).doesNotThrowAnyException();
        assertThat(reads).hasSize(2);
    }

    @Test
    void whenTheReadMadeAgainFailsTheHireGoesOnAsBefore() {
        listReadForAHireThatNamesADepartment();
        inLucca = null;

        assertThatCode(() -> defaults.check(tenant(), tenant().lucca(), GONE)).doesNotThrowAnyException();
        assertThat(told).isEmpty();
    }

    @Test
    void aTenantOfTheTenantsFileIsToldItsOwnKey() {
        tenants.replace(List.of(TestTenants.withDefaultDepartment(
                TestTenants.tenant("acme", "acme-token-0123456789", "4242"), LUCCA, KEY, GONE)));
        Tenant acme = tenants.current("acme");
        directory.toMatch(acme.lucca(), () -> List.of("Service IT"));

        assertThatExceptionOfType(DefaultDepartmentUnlisted.class)
                .isThrownBy(() -> defaults.check(acme, acme.lucca(), GONE))
                .withMessageStartingWith("defaults.departmentId (tenants file) 999 is not among Lucca's departments");
    }

    @Test
    void aSettingFixedByAReloadIsToldOnceAndHealthForgetsTheOldOne() {
        listReadForAHireThatNamesADepartment();
        assertThatExceptionOfType(DefaultDepartmentUnlisted.class)
                .isThrownBy(() -> defaults.check(tenant(), tenant().lucca(), GONE));

        tenants.replace(List.of(TestTenants.withDefaultDepartment(
                TestTenants.tenant(TenantSettings.DEFAULT_ID, "token-0123456789abcdef"), LUCCA, KEY, 14)));
        assertThat(defaults.health(TenantSettings.DEFAULT_ID)).as("nothing known yet of 14").isEmpty();
        defaults.check(tenant(), tenant().lucca(), 14);
        defaults.check(tenant(), tenant().lucca(), 14);

        assertThat(told).containsExactly("default: LUCCA_DEPARTMENT_ID 999 is not among Lucca's departments",
                "default: LUCCA_DEPARTMENT_ID 14 listed");
        assertThat(defaults.health(TenantSettings.DEFAULT_ID)).hasValue("ok");
    }

    @Test
    void aDryRunTenantHasNothingToShow() {
        tenants.replace(List.of(TestTenants.tenant(TenantSettings.DEFAULT_ID, "token-0123456789abcdef")));

        assertThat(defaults.health(TenantSettings.DEFAULT_ID)).isEmpty();
        assertThat(defaults.health("nobody")).isEmpty();
    }
}
