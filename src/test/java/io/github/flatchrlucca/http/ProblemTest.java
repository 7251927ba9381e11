package io.github.flatchrlucca.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void anIncompleteHireNamesItsFieldsAndSaysWhy() {
        Problem problem = Problem.incomplete("h-1", List.of("data.candidate.firstname", "data.candidate.lastname"),
                "data.candidate.firstname is missing, data.candidate.lastname is longer than 100 characters");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.document())
                .containsEntry("detail", "The hire was recorded as rejected: data.candidate.firstname is missing, "
                        + "data.candidate.lastname is longer than 100 characters.")
                .containsEntry("fields", List.of("data.candidate.firstname", "data.candidate.lastname"))
                .containsEntry("hireId", "h-1");
    }

    @Test
    void aJournalThatCannotCommitSaysTheHireMayNotHaveBeenRecorded() {
        // a commit whose sync to disk failed is kept, and delivered: "nothing was recorded" would not be true
        assertThat(Problem.unavailable().document()).containsEntry("detail", "The journal cannot commit right now; the "
                + "hire may not have been recorded. Send it again (a resend is recognised).");
    }
}
