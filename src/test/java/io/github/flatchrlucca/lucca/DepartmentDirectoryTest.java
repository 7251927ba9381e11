package io.github.flatchrlucca.lucca;

import io.github.flatchrlucca.http.Backoff;
import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.http.ApiRequest;
import java.util.Optional;
import java.net.URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.mapping.LuccaDepartment;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DepartmentDirectoryTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LuccaConnection LUCCA = connection("https://acme.ilucca.net");

    private static LuccaConnection connection(String baseUrl) {
        return new LuccaConnection("acme", Optional.of(URI.create(baseUrl)), "key", PARIS, 50, Duration.ofSeconds(60),
                new KeyState(state -> { }));
    }

    @Test
    void eachLuccaInstanceHasItsOwnList() {
        List<LuccaConnection> asked = new ArrayList<>();
        DepartmentDirectory directory = new DepartmentDirectory((connection, request) -> {
            asked.add(connection);
            return answer("{\"items\":[{\"id\":" + (connection == LUCCA ? 1 : 2) + ",\"name\":\"IT\"}]}");
        }, new LuccaRequests(JSON), clock, TTL, BACKOFF);
        LuccaConnection other = connection("https://globex.ilucca.net");

        assertThat(directory.departments(LUCCA)).containsExactly(new LuccaDepartment(1, "IT", true));
        assertThat(directory.departments(other)).containsExactly(new LuccaDepartment(2, "IT", true));
        assertThat(directory.departments(LUCCA)).containsExactly(new LuccaDepartment(1, "IT", true));
        assertThat(asked).containsExactly(LUCCA, other);
    }

    @Test
    void oneLuccaWrittenInCapitalsByAnotherTenantHasTheSameListReadOnce() {
        List<LuccaConnection> asked = new ArrayList<>();
        DepartmentDirectory directory = new DepartmentDirectory((connection, request) -> {
            asked.add(connection);
            return answer("{\"items\":[{\"id\":1,\"name\":\"IT\"}]}");
        }, new LuccaRequests(JSON), clock, TTL, BACKOFF);

        directory.departments(LUCCA);
        directory.departments(connection("https://Acme.ilucca.net:443/"));

        assertThat(asked).containsExactly(LUCCA);
    }

    @Test
    void aHireThatNamesNoDepartmentHasNoneToMatchAndLuccaIsNotAsked() {
        List<String> asked = new ArrayList<>();
        DepartmentDirectory directory = new DepartmentDirectory((connection, request) -> {
            asked.add(request.name());
            return answer("{\"items\":[{\"id\":1,\"name\":\"IT\"}]}");
        }, new LuccaRequests(JSON), clock, TTL, BACKOFF);

        assertThat(directory.toMatch(LUCCA, List::of)).isEmpty();
        assertThat(asked).as("a key that may not read the organisation holds up no such hire").isEmpty();
        assertThat(directory.toMatch(LUCCA, () -> List.of("it"))).containsExactly(new LuccaDepartment(1, "IT", true));
        assertThat(asked).containsExactly("list-departments");
    }

    @Test
    void aDryRunTenantHasNoDepartmentsAndCallsNothing() {
        DepartmentDirectory directory = new DepartmentDirectory((connection, request) -> {
            throw new AssertionError("called Lucca");
        }, new LuccaRequests(JSON), clock, TTL, BACKOFF);

        assertThat(directory.departments(new LuccaConnection("dry", Optional.empty(), "", PARIS, 50,
                Duration.ofSeconds(60), new KeyState(state -> { })))).isEmpty();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TTL = Duration.ofMinutes(60);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(30));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final List<ApiRequest> calls = new ArrayList<>();

    @Test
    void readsEveryPageUntilNoNextIsGiven() {
        DepartmentDirectory directory = directory(pages(Map.of(
                "page=1&limit=100", "{\"items\":[{\"id\":1,\"name\":\"IT\",\"isActive\":true}],\"next\":\"https://x?page=2\"}",
                "page=2&limit=100", "{\"items\":[{\"id\":2,\"name\":\"Sales\",\"isActive\":true}],\"next\":\"https://x?page=3\"}",
                "page=3&limit=100", "{\"items\":[{\"id\":3,\"name\":\"Legal\",\"isActive\":true}],\"next\":null}")));

        List<LuccaDepartment> departments = directory.departments(LUCCA);

        assertThat(departments).containsExactly(
                new LuccaDepartment(1, "IT", true), new LuccaDepartment(2, "Sales", true), new LuccaDepartment(3, "Legal", true));
        assertThat(calls).extracting(ApiRequest::query)
                .containsExactly("page=1&limit=100", "page=2&limit=100", "page=3&limit=100");
    }

    @Test
    void pagesThatSayMoreFollowButRepeatOrHoldNothingEndTheRead() {
        // a Lucca (or a proxy) that ignores the page asked for, then one whose pages are empty but never the last
        DepartmentDirectory repeating = directory(request -> {
            calls.add(request);
            assertThat(calls).as("pages read without end").hasSizeLessThan(10);
            return json("{\"items\":[{\"id\":1,\"name\":\"IT\"}],\"next\":\"https://x?page=2\"}");
        });
        DepartmentDirectory empty = directory(request -> json("{\"items\":[],\"next\":\"https://x?page=2\"}"));

        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> repeating.departments(LUCCA))
                .satisfies(e -> assertThat(e.body()).contains("page 2", "holds nothing the pages before it did not"));
        assertThat(calls).hasSize(2);
        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> empty.departments(LUCCA));
    }

    @Test
    void aReadStopsAfterItsLastAllowedPage() {
        DepartmentDirectory endless = directory(request -> {
            calls.add(request);
            assertThat(calls).as("pages read without end").hasSizeLessThanOrEqualTo(PagesWithoutEnd.MAX_PAGES);
            return json("{\"items\":[{\"id\":" + calls.size() + ",\"name\":\"D\"}],\"next\":\"https://x\"}");
        });

        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> endless.departments(LUCCA))
                .satisfies(e -> assertThat(e.body()).contains("more than " + PagesWithoutEnd.MAX_PAGES + " pages"));
        assertThat(calls).hasSize(PagesWithoutEnd.MAX_PAGES);
    }

    @Test
    void aPageWithoutNextIsTheLast() {
        DepartmentDirectory directory = directory(pages(Map.of(
                "page=1&limit=100", "{\"items\":[{\"id\":1,\"name\":\"IT\"}]}")));

        directory.departments(LUCCA);

        assertThat(calls).hasSize(1);
    }

    @Test
    void inactiveDepartmentsAreKeptAsInactive() {
        DepartmentDirectory directory = directory(pages(Map.of(
                "page=1&limit=100", "{\"items\":[{\"id\":1,\"name\":\"IT\",\"isActive\":false},{\"id\":2,\"name\":\"Sales\"}]}")));

        assertThat(directory.departments(LUCCA)).containsExactly(
                new LuccaDepartment(1, "IT", false), new LuccaDepartment(2, "Sales", true));
    }

    @Test
    void noDepartmentsIsAnEmptyList() {
        DepartmentDirectory directory = directory(pages(Map.of("page=1&limit=100", "{\"items\":[],\"next\":null}")));

        assertThat(directory.departments(LUCCA)).isEmpty();
    }

    @Test
    void anAnswerWithoutTheItemsListIsNoListOfNoDepartmentsButAnUnavailableLucca() {
        DepartmentDirectory directory = directory(pages(Map.of("page=1&limit=100", "{}")));

        assertThatExceptionOfType(LuccaUnavailable.class)
                .isThrownBy(() -> directory.departments(LUCCA)).withMessageContaining("list-departments");
    }

    @Test
    void departmentsAreReadOnceWithinTheTimeToLive() {
        DepartmentDirectory directory = directory(onePage());
        directory.departments(LUCCA);
        clock.advance(TTL.minusSeconds(1));

        directory.departments(LUCCA);

        assertThat(calls).hasSize(1);
    }

    @Test
    void departmentsAreReadAgainOnceTheTimeToLiveIsOver() {
        DepartmentDirectory directory = directory(onePage());
        directory.departments(LUCCA);
        clock.advance(TTL);

        directory.departments(LUCCA);

        assertThat(calls).hasSize(2);
    }

    @Test
    void theTimeToLiveRestartsFromTheLastRead() {
        DepartmentDirectory directory = directory(onePage());
        directory.departments(LUCCA);
        clock.advance(TTL);
        directory.departments(LUCCA);
        clock.advance(TTL.minusSeconds(1));

        directory.departments(LUCCA);

        assertThat(calls).hasSize(2);
    }

    @Test
    void aFailedReadIsTriedAgainOnceItsBackoffIsOver() {
        List<String> answers = new ArrayList<>(List.of("fail", "{\"items\":[{\"id\":1,\"name\":\"IT\"}]}"));
        DepartmentDirectory directory = directory(request -> {
            calls.add(request);
            String answer = answers.remove(0);
            if (answer.equals("fail")) {
                throw new IllegalStateException("Lucca is down");
            }
            return json(answer);
        });

        assertThatIllegalStateException().isThrownBy(() -> directory.departments(LUCCA));
        clock.advance(BACKOFF.first());
        assertThat(directory.departments(LUCCA)).containsExactly(new LuccaDepartment(1, "IT", true));
        assertThat(calls).hasSize(2);
    }

    @Test
    void whileLuccaRefusesTheListItsRefusalIsGivenAgainWithoutACallUntilTheBackoffIsOver() {
        DepartmentDirectory directory = directory(request -> {
            calls.add(request);
            throw new LuccaKeyRejected("list-departments", 403, "{\"Message\":\"forbidden\"}");
        });

        for (int preview = 0; preview < 5; preview++) {
            assertThatExceptionOfType(LuccaKeyRejected.class).isThrownBy(() -> directory.toMatch(LUCCA, () -> List.of("IT")))
                    .satisfies(refusal -> assertThat(refusal.status()).isEqualTo(403));
        }
        assertThat(calls).as("Lucca asked while it refuses the list").hasSize(1);

        clock.advance(BACKOFF.first().minusMillis(1));
        assertThatExceptionOfType(LuccaKeyRejected.class).isThrownBy(() -> directory.toMatch(LUCCA, () -> List.of("IT")));
        assertThat(calls).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThatExceptionOfType(LuccaKeyRejected.class).isThrownBy(() -> directory.toMatch(LUCCA, () -> List.of("IT")));
        assertThat(calls).as("asked again once the first wait is over").hasSize(2);
    }

    @Test
    void eachFailedReadInARowWaitsLongerBeforeTheNext() {
        DepartmentDirectory directory = directory(request -> {
            calls.add(request);
            throw new LuccaUnavailable("list-departments", 503, null);
        });
        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> directory.departments(LUCCA));
        clock.advance(BACKOFF.after(1));
        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> directory.departments(LUCCA));
        assertThat(calls).hasSize(2);

        clock.advance(BACKOFF.after(1));
        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> directory.departments(LUCCA));
        assertThat(calls).as("the second wait is twice the first").hasSize(2);
        clock.advance(BACKOFF.after(2).minus(BACKOFF.after(1)));
        assertThatExceptionOfType(LuccaUnavailable.class).isThrownBy(() -> directory.departments(LUCCA));
        assertThat(calls).hasSize(3);
    }

    @Test
    void anotherKeyIsNotHeldBackByTheFailureOfTheKeyItReplaced() {
        DepartmentDirectory directory = directory(request -> {
            calls.add(request);
            if (calls.size() == 1) {
                throw new LuccaKeyRejected("list-departments", 401, null);
            }
            return json("{\"items\":[{\"id\":1,\"name\":\"IT\"}]}");
        });
        LuccaConnection rotated = new LuccaConnection("acme", LUCCA.baseUrl(), "rotated-key", PARIS, 50,
                Duration.ofSeconds(60), new KeyState(state -> { }));

        assertThatExceptionOfType(LuccaKeyRejected.class).isThrownBy(() -> directory.departments(LUCCA));

        assertThat(directory.departments(rotated)).containsExactly(new LuccaDepartment(1, "IT", true));
        assertThat(directory.departments(LUCCA)).as("the list read is the instance's, whoever read it")
                .containsExactly(new LuccaDepartment(1, "IT", true));
        assertThat(calls).hasSize(2);
    }

    @Test
    void whetherLuccaListsADepartmentIsUnknownUntilTheListIsReadWithThatKey() {
        DepartmentDirectory directory = directory(onePage());
        LuccaConnection anotherKey = new LuccaConnection("globex", LUCCA.baseUrl(), "another-key", PARIS, 50,
                Duration.ofSeconds(60), new KeyState(state -> { }));

        assertThat(directory.lists(LUCCA, 1)).as("never read").isEmpty();
        assertThat(calls).as("the organisation is not read for this alone: the key may not be allowed to").isEmpty();
        directory.departments(LUCCA);

        assertThat(directory.lists(LUCCA, 1)).hasValue(true);
        assertThat(directory.lists(anotherKey, 1)).as("read with another key, which may not read it again").isEmpty();
        assertThat(calls).hasSize(1);
    }

    @Test
    void aListThatLacksTheDepartmentIsReadOnceMoreThenBelievedUntilItIsOld() {
        DepartmentDirectory directory = directory(onePage());
        directory.departments(LUCCA);

        assertThat(directory.lists(LUCCA, 7)).hasValue(false);
        assertThat(directory.lists(LUCCA, 7)).hasValue(false);
        assertThat(calls).as("the first read, and once more for 7").hasSize(2);

        clock.advance(TTL);
        assertThat(directory.lists(LUCCA, 1)).as("an old list is read again with the key that read it").hasValue(true);
        assertThat(calls).hasSize(3);
    }

    private DepartmentDirectory directory(Function<ApiRequest, JsonNode> lucca) {
        return new DepartmentDirectory((connection, request) -> new LuccaCaller.Answer(lucca.apply(request), null),
                new LuccaRequests(JSON), clock, TTL, BACKOFF);
    }

    private Function<ApiRequest, JsonNode> onePage() {
        return pages(Map.of("page=1&limit=100", "{\"items\":[{\"id\":1,\"name\":\"IT\"}],\"next\":null}"));
    }

    /** Answers each department page by its query; any other request fails the test. */
    private Function<ApiRequest, JsonNode> pages(Map<String, String> answerByQuery) {
        return request -> {
            calls.add(request);
            assertThat(request.path()).isEqualTo("/organization/structure/api/departments");
            String answer = answerByQuery.get(request.query());
            assertThat(answer).as("a page for %s", request.query()).isNotNull();
            return json(answer);
        };
    }

    /** Lucca's answer with this body: the departments' reads take no Date header. */
    private static LuccaCaller.Answer answer(String body) {
        return new LuccaCaller.Answer(json(body), null);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
