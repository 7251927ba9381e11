package io.github.flatchrlucca.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The route tests' claim, checked without booting anything: every onException, when and otherwise in
 * routes/*.camel.yaml belongs to a route test class, whose last test fails unless each of them ran (see
 * {@link RoutesInTheJvm}). A branch added to the YAML needs a test class to own it, and a test that takes it.
 */
class RouteBranchesTest {

    private static final RouteBranches BRANCHES = RouteBranches.read(Path.of("routes"));

    @Test
    void everyBranchOfTheRoutesBelongsToARouteTest() {
        List<String> owned = new ArrayList<>(DeliveryRoutesTest.OWNERS);
        owned.addAll(ConnectorRoutesTest.OWNERS);
        owned.addAll(FlatchrRoutesTest.OWNERS);

        assertThat(BRANCHES.all()).isNotEmpty();
        assertThat(BRANCHES.all().stream().filter(branch -> !owned.contains(branch.owner())).toList())
                .as("branches that no route test owns").isEmpty();
        assertThat(owned).as("owners without a branch: a test class claims what is not there")
                .allSatisfy(owner -> assertThat(BRANCHES.of(owner)).isNotEmpty());
    }

    @Test
    void aBranchIsKnownByAFirstStepNoOtherStepShares() {
        // otherwise another step of the same id, run elsewhere, would pass for the branch
        assertThat(BRANCHES.all()).allSatisfy(branch -> {
            assertThat(branch.firstStep()).as(branch.toString()).isNotNull();
            assertThat(Collections.frequency(BRANCHES.stepIds(), branch.firstStep())).as(branch.toString())
                    .isEqualTo(1);
        });
    }

    @Test
    void theBranchesAreReadFromTheYamlAsWritten() {
        assertThat(BRANCHES.of("deliver-hire")).extracting(RouteBranches.Branch::id)
                .contains("dry-run", "deliver-to-lucca", "existing-person", "rehired-person", "new-employee");
        assertThat(BRANCHES.of("delivery-failures")).extracting(RouteBranches.Branch::firstStep)
                .contains("record-dead", "wait-for-a-valid-key", "retry-later");
    }
}
