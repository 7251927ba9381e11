package io.github.flatchrlucca.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationIdTest {

    @Test
    void theApplicationsIdIsReadAsTextFromEitherDocumentedField() {
        assertThat(ApplicationId.of(Json.parse("{\"applicant\":{\"id\":1234},\"applicant_id\":5678}"))).contains("1234");
        assertThat(ApplicationId.of(Json.parse("{\"applicant\":{\"id\":\" \"},\"applicant_id\":\" 5678 \"}")))
                .as("a blank id is none").contains("5678");
        assertThat(ApplicationId.of(Json.parse("{\"applicant\":{\"id\":null},\"candidate\":{\"id\":77}}")))
                .as("no vacancy: nothing to stand for the application").isEmpty();
    }

    @Test
    void thePlainApplicantIdIsTheOtherIdOfTheApplicationOnlyWhenItIsNotTheOneItIsNamedBy() {
        assertThat(ApplicationId.plain(Json.parse(
                "{\"applicant\":{\"id\":\"G6KzqPkNZ0n31m0l\"},\"applicant_id\":1234}"))).contains("1234");
        assertThat(ApplicationId.plain(Json.parse("{\"applicant\":{\"id\":1234},\"applicant_id\":\" 1234 \"}")))
                .as("the same id: no other").isEmpty();
        assertThat(ApplicationId.plain(Json.parse("{\"applicant_id\":1234}"))).as("the id it is named by").isEmpty();
        assertThat(ApplicationId.plain(Json.parse("{\"applicant\":{\"id\":1234},\"applicant_id\":\" \"}"))).isEmpty();
    }

    @Test
    void anOldPayloadWithoutApplicantIdIsNamedByItsCandidateAndVacancy() {
        assertThat(ApplicationId.of(Json.parse("{\"candidate\":{\"id\":77},\"vacancy\":{\"id\":\" 5 \"}}")))
                .contains("candidate-77-vacancy-5");
        assertThat(ApplicationId.of(Json.parse(
                "{\"applicant_id\":5678,\"candidate\":{\"id\":77},\"vacancy\":{\"id\":5}}"))).contains("5678");
        assertThat(ApplicationId.of(Json.parse("{\"candidate\":{\"id\":\" \"},\"vacancy\":{\"id\":5}}"))).isEmpty();
    }
}
