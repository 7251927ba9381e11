package io.github.flatchrlucca.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WebhookNamesakesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventOfTheVacancyAndNamesOfAWebhooksHireNamesItWhateverTheirCaseAccentsAndSpaces() {
        WebhookNamesakes namesakes = WebhookNamesakes.of(List.of("hire-other", "hire-1", "hire-2"), events(Map.of(
                "hire-other", webhook("Camille", "Morel", 7).toString(),
                "hire-1", webhook("Zoé", "Le Gall", 5).toString(),
                "hire-2", webhook("Zoe", "Le Gall", 5).toString())), JSON);

        // the search's event: the vacancy's plain id as its item gives it, a number
        assertThat(namesakes.of(found(" ZOE ", "le-gall", 5))).as("the first, newest").contains("hire-1");
        assertThat(namesakes.of(found("Zoé", "Le Gall", 6))).as("another vacancy").isEmpty();
        assertThat(namesakes.of(found("Zoé", "Gall", 5))).as("another last name").isEmpty();
        assertThat(namesakes.of(found("Chloé", "Le Gall", 5))).as("another first name").isEmpty();
    }

    @Test
    void namesWithNothingToCompareAndUnreadableOrErasedEventsNameNoHire() {
        WebhookNamesakes namesakes = WebhookNamesakes.of(List.of("hire-1", "hire-2", "hire-erased", "hire-3"),
                events(Map.of(
                        "hire-1", webhook("😀", "—", 5).toString(),
                        "hire-2", "not json",
                        "hire-3", webhook("Zoé", "Le Gall", 5).toString())), JSON);

        assertThat(namesakes.of(found("😀", "—", 5))).as("no name to compare").isEmpty();
        assertThat(namesakes.of(found("Zoé", "Le Gall", 5))).contains("hire-3");
        ObjectNode noVacancy = found("Zoé", "Le Gall", 5);
        ((ObjectNode) noVacancy.path("data")).remove("vacancy");
        assertThat(namesakes.of(noVacancy)).as("no vacancy to compare").isEmpty();
    }

    @Test
    void theReasonNamesTheOtherHireAndWhatToDoAndNoCandidate() {
        assertThat(WebhookNamesakes.reason("hire-1", false)).isEqualTo("same name and vacancy as hire hire-1, another "
                + "e-mail: if the e-mail was corrected in Flatchr, cancel this one and correct the employee in Lucca; if "
                + "it is another person, replay it").startsWith(WebhookNamesakes.REASON_START);
    }

    @Test
    void theReasonAsksForNoEmployeeToBeCorrectedWhenTheOtherHireMadeNobody() {
        assertThat(WebhookNamesakes.reason("hire-1", true)).isEqualTo("same name and vacancy as hire hire-1, another "
                + "e-mail, which made nobody in Lucca: if the e-mail was corrected in Flatchr, replay this one and not "
                + "hire hire-1; if it is another person, replay this one").startsWith(WebhookNamesakes.REASON_START);
    }

    @Test
    void theHireAHeldNamesakeNamesIsReadBackFromEitherReasonAndFromNoOther() {
        assertThat(WebhookNamesakes.namesakeIn(WebhookNamesakes.reason("01a2-hire", false))).contains("01a2-hire");
        assertThat(WebhookNamesakes.namesakeIn(WebhookNamesakes.reason("01a2-hire", true))).contains("01a2-hire");
        assertThat(WebhookNamesakes.namesakeIn("the candidate's e-mail is missing")).isEmpty();
        assertThat(WebhookNamesakes.namesakeIn(null)).isEmpty();
    }

    /** A webhook's event: the vacancy's plain id as text, its encoded one apart (flatchr-webhooks.md). */
    private static ObjectNode webhook(String firstname, String lastname, int vacancy) {
        ObjectNode event = found(firstname, lastname, vacancy);
        ((ObjectNode) event.path("data").path("vacancy")).put("id", String.valueOf(vacancy));
        ((ObjectNode) event.path("data")).put("vacancy_id", "Vk3mP0qA9sLx2BcD");
        return event;
    }

    /** The event a search makes of an application it found, its vacancy keyed by the item's plain vacancy_id. */
    private static ObjectNode found(String firstname, String lastname, int vacancy) {
        ObjectNode event = JSON.createObjectNode().put("event", "drag_applicant");
        ObjectNode data = event.putObject("data");
        data.putObject("candidate").put("firstname", firstname).put("lastname", lastname)
                .put("email", firstname + "@example.org");
        data.putObject("vacancy").put("id", vacancy).put("title", "Développeuse Java");
        return event;
    }

    /** The events as the journal gives them, one hire at a time; a hire not there was erased meanwhile. */
    private static Function<String, Optional<String>> events(Map<String, String> byHire) {
        return hireId -> Optional.ofNullable(byHire.get(hireId));
    }
}
