package io.github.flatchrlucca.lucca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.ApiRequest;
import io.github.flatchrlucca.http.KeyState;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PeopleDirectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LuccaConnection ACME = connection("acme", "https://acme.ilucca.net");

    /** Our clock: an hour and a half behind Lucca's, whose Date headers below say 10:30 GMT. */
    private final MutableClock ours = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final Deque<LuccaCaller.Answer> answers = new ArrayDeque<>();
    private final List<ApiRequest> sent = new ArrayList<>();
    /** Lucca instances no tenant in force uses any more (a reload took them away). */
    private final Set<String> unused = new HashSet<>();
    private final PeopleDirectory directory = directoryWithin(new PeopleBudget(1_000_000));
    /** A directory whose Luccas over the budget each call to Lucca notes, in {@link #overBudgetAtEachCall}. */
    private PeopleDirectory observed;
    private final List<Long> overBudgetAtEachCall = new ArrayList<>();

    @Test
    void aPersonSaysWhoItIsWithoutTheirMailOrLogin() {
        String person = new PeopleDirectory.Person(1001, "ada@acme.test", "alovelace", null, "ada@example.org").toString();

        assertThat(person).isEqualTo("Person[id=1001, contractEnd=null]");
        assertThat(new LuccaCaller.Answer(new ObjectMapper().createObjectNode().put("mail", "ada@acme.test"),
                "Fri, 04 Dec 2026 10:00:00 GMT").toString()).isEqualTo("Answer[date=Fri, 04 Dec 2026 10:00:00 GMT]");
    }

    @Test
    void readsEveryonePageByPageFormerEmployeesIncludedThenKnowsTheirMailsAndLogins() {
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", PeopleDirectory.PAGE_SIZE, 1));
        answers.add(page("Tue, 01 Dec 2026 10:30:01 GMT", 2, 1 + PeopleDirectory.PAGE_SIZE));

        directory.refresh(ACME);

        assertThat(sent).extracting(ApiRequest::name).containsExactly("list-people", "list-people");
        assertThat(sent).extracting(ApiRequest::query).containsExactly(
                "formerEmployees=true&fields=id,login,mail,personalEmail,dtContractEnd,modifiedAt,collection.count&paging=0,1000",
                "formerEmployees=true&fields=id,login,mail,personalEmail,dtContractEnd,modifiedAt,collection.count"
                        + "&paging=1000,1000");
        assertThat(directory.answers(ACME)).isTrue();
        assertThat(directory.withMail(ACME, " Person1001@ACME.test")).contains(new LuccaPerson(1001, "person1001", "person1001@acme.test", null, null));
        assertThat(directory.loginsContaining(ACME, "person100")).containsExactlyInAnyOrder(
                "person100", "person1000", "person1001", "person1002");
    }

    @Test
    void thenAsksOnlyWhoChangedSinceItsLastReadByLuccasClockLessTheOverlap() {
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 1, 1));
        directory.refresh(ACME);
        ours.advance(Duration.ofSeconds(30)); // ours says 09:00:30; Lucca's clock matters, not ours
        answers.add(new LuccaCaller.Answer(items(person(7, "new@acme.test", "jdoe", null)),
                "Tue, 01 Dec 2026 10:31:00 GMT"));
        directory.refresh(ACME);
        answers.add(new LuccaCaller.Answer(items(), "Tue, 01 Dec 2026 10:32:00 GMT"));
        directory.refresh(ACME);

        // 10:30 GMT is 11:30 in Paris in December; ten minutes of overlap
        assertThat(decoded(sent.get(1))).isEqualTo("modifiedAt=since,2026-12-01T11:20:00&formerEmployees=true"
                + "&fields=id,login,mail,personalEmail,dtContractEnd,modifiedAt&paging=0,1000");
        assertThat(decoded(sent.get(2))).startsWith("modifiedAt=since,2026-12-01T11:21:00&");
        assertThat(directory.withMail(ACME, "new@acme.test")).contains(new LuccaPerson(7, "jdoe", "new@acme.test", null, null));
    }

    @Test
    void aChangedPersonReplacesWhatWasKnownOfThemAndAFormerEmployeeIsKnownAsSuch() {
        answers.add(new LuccaCaller.Answer(items(person(7, "old@acme.test", "jdoe", null)),
                "Tue, 01 Dec 2026 10:30:00 GMT"));
        directory.refresh(ACME);
        answers.add(new LuccaCaller.Answer(items(person(7, "jane@acme.test", "jdoe", "2025-06-30T00:00:00")),
                "Tue, 01 Dec 2026 10:31:00 GMT"));
        directory.refresh(ACME);

        assertThat(directory.withMail(ACME, "old@acme.test")).isEmpty();
        LuccaPerson jane = directory.withMail(ACME, "jane@acme.test").get(0);
        assertThat(jane).isEqualTo(new LuccaPerson(7, "jdoe", "jane@acme.test", LocalDate.of(2025, 6, 30), null));
        assertThat(jane.isFormerEmployee(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(directory.loginsContaining(ACME, "JDO")).containsExactly("jdoe");
    }

    @Test
    void everyoneWithAnAddressIsListedInTheOrderOfTheirIdsAndAChangeIsFollowed() {
        // Lucca does not make addresses unique: a former account beside a current one
        answers.add(new LuccaCaller.Answer(items(person(9, "Camille@acme.test", "cmorel2", null),
                person(7, "camille@acme.test", "cmorel", "2020-12-31T00:00:00"), person(8, "camille@acme.test", "cm", null)),
                "Tue, 01 Dec 2026 10:30:00 GMT"));
        directory.refresh(ACME);

        assertThat(directory.withMail(ACME, "CAMILLE@acme.test")).extracting(LuccaPerson::id).containsExactly(7L, 8L, 9L);

        answers.add(new LuccaCaller.Answer(items(person(8, "other@acme.test", "cm", null),
                person(9, "other2@acme.test", "cmorel2", null)), "Tue, 01 Dec 2026 10:31:00 GMT"));
        directory.refresh(ACME);

        assertThat(directory.withMail(ACME, "camille@acme.test")).extracting(LuccaPerson::id).containsExactly(7L);
        answers.add(new LuccaCaller.Answer(items(person(7, "other@acme.test", "cmorel", null)),
                "Tue, 01 Dec 2026 10:32:00 GMT"));
        directory.refresh(ACME);
        assertThat(directory.withMail(ACME, "camille@acme.test")).isEmpty();
        assertThat(directory.withMail(ACME, "other@acme.test")).extracting(LuccaPerson::id).containsExactly(7L, 8L);
    }

    @Test
    void everyoneWithAPersonalEmailIsListedIgnoringCaseAndSpacesAndAChangeIsFollowed() {
        answers.add(new LuccaCaller.Answer(items(
                person(7, "jdupont@acme.test", "jdupont", "2025-08-31T00:00:00").put("personalEmail", " Jeanne.Dupont@Example.org"),
                person(8, "jeanne.d@acme.test", "jdupont2", null).put("personalEmail", "jeanne.dupont@example.org"),
                person(9, "paul@acme.test", "pmartin", null).put("personalEmail", "paul@example.org"),
                person(10, "nobody@acme.test", "nobody", null)), "Tue, 01 Dec 2026 10:30:00 GMT"));
        directory.refresh(ACME);

        assertThat(directory.withPersonalEmail(ACME, "jeanne.dupont@EXAMPLE.org ")).extracting(PeopleDirectory.Person::id,
                PeopleDirectory.Person::mail).containsExactly(tuple(7L, "jdupont@acme.test"), tuple(8L, "jeanne.d@acme.test"));
        assertThat(directory.withPersonalEmail(ACME, "jeanne.dupont@example.org").get(0).found())
                .isEqualTo(new LuccaPerson(7, "jdupont", "jdupont@acme.test", LocalDate.of(2025, 8, 31), " Jeanne.Dupont@Example.org"));
        assertThat(directory.withPersonalEmail(ACME, " ")).as("a blank e-mail is nobody's, not everyone's without one")
                .isEmpty();
        assertThat(directory.withPersonalEmail(ACME, null)).isEmpty();

        answers.add(new LuccaCaller.Answer(items(
                person(8, "jeanne.d@acme.test", "jdupont2", null).put("personalEmail", "jeanne.d@example.org")),
                "Tue, 01 Dec 2026 10:31:00 GMT"));
        directory.refresh(ACME);

        assertThat(directory.withPersonalEmail(ACME, "jeanne.dupont@example.org"))
                .extracting(PeopleDirectory.Person::id).containsExactly(7L);
    }

    @Test
    void aPersonalEmailChangedOrRemovedInLuccaNoLongerFindsItsOldOwner() {
        answers.add(new LuccaCaller.Answer(items(
                person(7, "jdupont@acme.test", "jdupont", null).put("personalEmail", "jeanne.dupont@example.org"),
                person(8, "jeanne.d@acme.test", "jdupont2", null).put("personalEmail", "Jeanne.Dupont@example.org"),
                person(9, "paul@acme.test", "pmartin", null).put("personalEmail", "paul@example.org")),
                "Tue, 01 Dec 2026 10:30:00 GMT"));
        directory.refresh(ACME);

        answers.add(new LuccaCaller.Answer(items(
                person(7, "jdupont@acme.test", "jdupont", null).put("personalEmail", " JEANNE@example.org"),
                person(9, "paul@acme.test", "pmartin", null)), "Tue, 01 Dec 2026 10:31:00 GMT"));
        directory.refresh(ACME);

        assertThat(directory.withPersonalEmail(ACME, "jeanne.dupont@example.org")).as("changed: only 8 still has it")
                .extracting(PeopleDirectory.Person::id).containsExactly(8L);
        assertThat(directory.withPersonalEmail(ACME, "jeanne@example.org")).extracting(PeopleDirectory.Person::id)
                .containsExactly(7L);
        assertThat(directory.withPersonalEmail(ACME, "paul@example.org")).as("removed").isEmpty();

        answers.add(new LuccaCaller.Answer(items(
                person(8, "jeanne.d@acme.test", "jdupont2", null).put("personalEmail", " ")),
                "Tue, 01 Dec 2026 10:32:00 GMT"));
        directory.refresh(ACME);
        assertThat(directory.withPersonalEmail(ACME, "jeanne.dupont@example.org")).as("made blank").isEmpty();
    }

    /**
     * The look-up by personal e-mail answers what a scan of everyone the directory was told of would: the same people
     * in the same order, through reads that add, change and remove personal e-mails and creates of our own.
     */
    @Test
    void theLookUpByPersonalEmailFindsWhatAScanOfEveryoneWould() {
        Random random = new Random(20);
        String[] emails = {"a@example.org", " A@Example.org", "b@example.org", "B@EXAMPLE.ORG ", "c@example.org", " ",
                null};
        Map<Long, PeopleDirectory.Person> told = new HashMap<>();
        for (int read = 0; read < 40; read++) {
            List<ObjectNode> changed = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(5); i++) {
                long id = 1 + random.nextInt(12);
                String email = emails[random.nextInt(emails.length)];
                changed.add(person(id, "p" + id + "@acme.test", "p" + id, null).put("personalEmail", email));
                told.put(id, new PeopleDirectory.Person(id, "p" + id + "@acme.test", "p" + id, null, email));
            }
            answers.add(new LuccaCaller.Answer(items(changed.toArray(ObjectNode[]::new)),
                    "Tue, 01 Dec 2026 10:" + (10 + read) + ":00 GMT"));
            directory.refresh(ACME);
            if (random.nextInt(4) == 0) {
                long id = 1 + random.nextInt(12);
                String email = emails[random.nextInt(emails.length)];
                directory.created(ACME, id, "p" + id + "@acme.test", "p" + id, null, email);
                told.put(id, new PeopleDirectory.Person(id, "p" + id + "@acme.test", "p" + id, null, email));
            }
            for (String email : List.of("a@example.org", "B@example.org ", "c@example.org", "d@example.org")) {
                assertThat(directory.withPersonalEmail(ACME, email)).as("read %d, %s", read, email)
                        .isEqualTo(scan(told.values(), email));
            }
        }
    }

    /** The look-up as it was made before the directory kept an index: everyone, one by one. */
    private static List<PeopleDirectory.Person> scan(Collection<PeopleDirectory.Person> everyone, String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return everyone.stream()
                .filter(person -> person.personalEmail() != null
                        && wanted.equals(person.personalEmail().strip().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingLong(PeopleDirectory.Person::id))
                .toList();
    }

    @Test
    void aFailedReadLeavesItUntrustedUntilAReadSucceeds() {
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 1, 1));
        directory.refresh(ACME);

        directory.refresh(ACME); // no answer queued: Lucca is unavailable
        assertThat(directory.answers(ACME)).isFalse();

        answers.add(new LuccaCaller.Answer(items(), "Tue, 01 Dec 2026 10:35:00 GMT"));
        directory.refresh(ACME);
        assertThat(directory.answers(ACME)).isTrue();
        // the failed read moved nothing: still since the last good one
        assertThat(decoded(sent.get(2))).startsWith("modifiedAt=since,2026-12-01T11:20:00&");
    }

    @Test
    void aFirstReadAnsweredWithoutTheListLuccaDocumentsIsAFailedReadNotANobody() {
        // a proxy's 200: an empty body (read as JSON null), or {}
        answers.add(new LuccaCaller.Answer(JSON.nullNode(), "Tue, 01 Dec 2026 10:30:00 GMT"));
        directory.refresh(ACME);
        assertThat(directory.answers(ACME)).as("no one listed is not \"nobody\"").isFalse();
        answers.add(new LuccaCaller.Answer(JSON.createObjectNode(), "Tue, 01 Dec 2026 10:31:00 GMT"));
        directory.refresh(ACME);
        assertThat(directory.answers(ACME)).isFalse();

        answers.add(page("Tue, 01 Dec 2026 10:35:00 GMT", 1, 1));
        directory.refresh(ACME);

        assertThat(directory.answers(ACME)).isTrue();
        assertThat(sent.get(2).name()).as("everyone is read again, not only who changed since").isEqualTo("list-people");
        assertThat(directory.withMail(ACME, "person1@acme.test")).isNotEmpty();
    }

    @Test
    void aLuccaThatAnswersTheSameFullPageWhateverIsAskedIsReadTwiceNotForEver() {
        for (int i = 0; i < 5; i++) {
            answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", PeopleDirectory.PAGE_SIZE, 1));
        }

        assertThatThrownBy(() -> directory.refreshNow(ACME)).isInstanceOf(LuccaUnavailable.class)
                .satisfies(e -> assertThat(((LuccaUnavailable) e).body()).contains("the read stops"));
        assertThat(sent).as("the second page brought no one new").hasSize(2);
        assertThat(directory.answers(ACME)).as("each hire is then looked up in Lucca").isFalse();
    }

    @Test
    void neverReadItIsNotTrustedAndARefreshNowThatFailsSaysWhy() {
        assertThat(directory.answers(ACME)).isFalse();
        assertThat(directory.withMail(ACME, "anyone@acme.test")).isEmpty();

        assertThatThrownBy(() -> directory.refreshNow(ACME)).isInstanceOf(LuccaUnavailable.class);
        assertThat(directory.answers(ACME)).isFalse();
    }

    @Test
    void aReadIsTrustedForAFewMinutesOfOurClock() {
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 1, 1));
        directory.refresh(ACME);

        ours.advance(PeopleDirectory.TRUSTED_FOR.minusSeconds(1));
        assertThat(directory.answers(ACME)).isTrue();
        ours.advance(Duration.ofSeconds(1));
        assertThat(directory.answers(ACME)).isFalse();
    }

    @Test
    void anAnswerWithoutADateHeaderCannotBeTrusted() {
        answers.add(new LuccaCaller.Answer(items(), null));

        directory.refresh(ACME);

        assertThat(directory.answers(ACME)).isFalse();
    }

    @Test
    void whatTheConnectorCreatesIsKnownAtOnce() {
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 1, 1));
        directory.refresh(ACME);

        directory.created(ACME, 42, "New.Hire@acme.test", "nhire", null, "new.hire@example.org");

        assertThat(directory.withMail(ACME, "new.hire@acme.test")).contains(new LuccaPerson(42, "nhire", "New.Hire@acme.test", null, "new.hire@example.org"));
        assertThat(directory.loginsContaining(ACME, "nhire")).containsExactly("nhire");
        assertThat(directory.withPersonalEmail(ACME, "new.hire@example.org")).as("the same candidate hired again")
                .extracting(PeopleDirectory.Person::id).containsExactly(42L);
    }

    @Test
    void tenantsOnTheSameLuccaShareItsPeopleAndAnotherLuccaHasItsOwn() {
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 1, 1));
        directory.refresh(ACME);

        assertThat(directory.withMail(connection("acme-retail", "https://acme.ilucca.net"), "person1@acme.test"))
                .isNotEmpty();
        LuccaConnection globex = connection("globex", "https://globex.ilucca.net");
        assertThat(directory.answers(globex)).isFalse();
        assertThat(directory.withMail(globex, "person1@acme.test")).isEmpty();
    }

    @Test
    void tenantsOfOneLuccaWithKeysThatSeeDifferentPeopleEachReadEveryoneTheirKeySees() {
        // a key limited to some establishments lists only their people: anna to key-a, bruno to key-b
        List<String> keysUsed = new ArrayList<>();
        PeopleBudget budget = new PeopleBudget(1_000);
        PeopleDirectory byKey = new PeopleDirectory((lucca, request) -> {
            keysUsed.add(lucca.apiKey() + " " + request.name());
            if (request.name().equals("list-changed-people")) {
                return new LuccaCaller.Answer(items(), "Tue, 01 Dec 2026 10:31:00 GMT");
            }
            return new LuccaCaller.Answer(items(lucca.apiKey().equals("key-a")
                    ? person(1, "anna@acme.test", "anna", null) : person(2, "bruno@acme.test", "bruno", null)),
                    "Tue, 01 Dec 2026 10:30:00 GMT");
        }, new LuccaRequests(JSON), ours, budget, people -> !unused.contains(people));
        LuccaConnection tenantA = connection("acme", "https://acme.ilucca.net", "key-a");
        LuccaConnection tenantB = connection("acme-retail", "https://acme.ilucca.net", "key-b");

        byKey.refresh(tenantA);
        byKey.refresh(tenantB);

        assertThat(keysUsed).containsExactly("key-a list-people", "key-b list-people");
        assertThat(byKey.answers(tenantB)).isTrue();
        assertThat(byKey.withMail(tenantB, "bruno@acme.test")).extracting(LuccaPerson::id).containsExactly(2L);
        assertThat(byKey.withMail(tenantA, "bruno@acme.test")).as("not someone key-a sees").isEmpty();
        assertThat(budget.held()).isEqualTo(2);

        byKey.refresh(connection("acme-too", "https://acme.ilucca.net", "key-a"));
        assertThat(keysUsed).as("a tenant with the same key shares its directory").last()
                .isEqualTo("key-a list-changed-people");

        unused.add(tenantA.people()); // key-a rotated: no tenant shows it any more
        byKey.forgetUnused();
        assertThat(budget.held()).as("key-a's people given back").isEqualTo(1);
        assertThat(byKey.withMail(tenantB, "bruno@acme.test")).isNotEmpty();
        assertThat(tenantA.people()).as("a digest of the key, never the key").doesNotContain("key-a");
    }

    @Test
    void whoChangedSinceTheLastReadIsAskedInTheTimeOfTheInstancesClock() {
        // a Lucca keeping London time: its modifiedAt are London's local times
        Map<Long, ObjectNode> people = new HashMap<>();
        people.put(1L, person(1, "anna@acme.test", "anna", null).put("modifiedAt", "2026-12-01T09:00:00"));
        PeopleDirectory inLondon = new PeopleDirectory((lucca, request) -> {
            sent.add(request);
            String query = decoded(request);
            String since = query.startsWith("modifiedAt=since,") ? query.substring("modifiedAt=since,".length(),
                    query.indexOf('&')) : "";
            return new LuccaCaller.Answer(items(people.values().stream()
                    .filter(person -> person.path("modifiedAt").asText().compareTo(since) >= 0)
                    .toArray(ObjectNode[]::new)),
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ours.instant().atZone(ZoneOffset.UTC)));
        }, new LuccaRequests(JSON), ours, new PeopleBudget(1_000), whose -> true);
        LuccaConnection london = connection("acme-uk", "https://acme-uk.ilucca.net", "key", ZoneId.of("Europe/London"));

        ours.set(Instant.parse("2026-12-01T10:00:00Z"));
        inLondon.refresh(london);
        ours.set(Instant.parse("2026-12-01T10:01:00Z")); // HR creates jeanne
        people.put(2L, person(2, "jeanne@acme.test", "jeanne", null).put("modifiedAt", "2026-12-01T10:01:00"));
        ours.set(Instant.parse("2026-12-01T10:02:00Z"));
        inLondon.refresh(london);
        ours.set(Instant.parse("2026-12-01T10:04:00Z"));
        inLondon.refresh(london);

        assertThat(inLondon.answers(london)).isTrue();
        assertThat(inLondon.withMail(london, "jeanne@acme.test")).extracting(LuccaPerson::id).containsExactly(2L);
        assertThat(decoded(sent.get(1))).startsWith("modifiedAt=since,2026-12-01T09:50:00&");
    }

    @Test
    void tenantsOfOneLuccaAndKeyGivingItDifferentZonesEachHaveTheirOwnDirectory() {
        // one of them is misconfigured: neither misses people for it
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 1, 1));
        answers.add(page("Tue, 01 Dec 2026 10:30:01 GMT", 1, 1));

        directory.refresh(ACME);
        directory.refresh(connection("acme-uk", "https://acme.ilucca.net", "key", ZoneId.of("Europe/London")));

        assertThat(sent).extracting(ApiRequest::name).containsExactly("list-people", "list-people");
    }

    @Test
    void aFullReadThatCollectedFewerPeopleThanLuccaCountedIsNotTrustedAndIsMadeAgain() {
        // Lucca documents no order for its pages: someone deleted once the first page is read shifts the others, and
        // the first of the second page is on none
        List<Long> lucca = new ArrayList<>();
        for (long id = 1; id <= PeopleDirectory.PAGE_SIZE + 1; id++) {
            lucca.add(id);
        }
        PeopleDirectory shifting = new PeopleDirectory((connection, request) -> {
            sent.add(request);
            String query = decoded(request);
            int offset = Integer.parseInt(query.replaceAll(".*paging=(\\d+),.*", "$1"));
            ObjectNode body = items(lucca.stream().skip(offset).limit(PeopleDirectory.PAGE_SIZE)
                    .map(id -> person(id, "person" + id + "@acme.test", "person" + id, null))
                    .toArray(ObjectNode[]::new));
            if (query.contains("collection.count")) {
                ((ObjectNode) body.get("data")).put("count", lucca.size());
            }
            if (sent.size() == 1) {
                lucca.remove(Long.valueOf(1)); // HR deletes person 1 while the read goes on
            }
            return new LuccaCaller.Answer(body, "Tue, 01 Dec 2026 10:30:00 GMT");
        }, new LuccaRequests(JSON), ours, new PeopleBudget(10_000), whose -> true);

        shifting.refresh(ACME);

        assertThat(shifting.withMail(ACME, "person1001@acme.test")).as("on no page").isEmpty();
        assertThat(shifting.answers(ACME)).as("each hire is looked up in Lucca").isFalse();

        shifting.refresh(ACME);

        assertThat(sent).extracting(ApiRequest::name).as("everyone read again, not who changed")
                .containsExactly("list-people", "list-people", "list-people", "list-people");
        assertThat(shifting.answers(ACME)).isTrue();
        assertThat(shifting.withMail(ACME, "person1001@acme.test")).isNotEmpty();
    }

    @Test
    void someoneCreatedDuringAFullReadDoesNotFailItTheNextReadOfChangesBringsThem() {
        // created in name order before the read's place: later pages count one more, and one person is read twice
        List<Long> lucca = new ArrayList<>();
        for (long id = 1; id <= PeopleDirectory.PAGE_SIZE + 1; id++) {
            lucca.add(id);
        }
        PeopleDirectory growing = new PeopleDirectory((connection, request) -> {
            sent.add(request);
            String query = decoded(request);
            if (request.name().equals("list-changed-people")) {
                return new LuccaCaller.Answer(items(person(5000, "new@acme.test", "new", null)),
                        "Tue, 01 Dec 2026 10:35:00 GMT");
            }
            int offset = Integer.parseInt(query.replaceAll(".*paging=(\\d+),.*", "$1"));
            ObjectNode body = items(lucca.stream().skip(offset).limit(PeopleDirectory.PAGE_SIZE)
                    .map(id -> person(id, "person" + id + "@acme.test", "person" + id, null))
                    .toArray(ObjectNode[]::new));
            ((ObjectNode) body.get("data")).put("count", lucca.size());
            if (sent.size() == 1) {
                lucca.add(0, 5000L); // HR creates someone listed first while the read goes on
            }
            return new LuccaCaller.Answer(body, "Tue, 01 Dec 2026 10:30:00 GMT");
        }, new LuccaRequests(JSON), ours, new PeopleBudget(10_000), whose -> true);

        growing.refresh(ACME);

        assertThat(growing.answers(ACME)).as("nobody was missed").isTrue();
        assertThat(growing.withMail(ACME, "person1001@acme.test")).isNotEmpty();

        growing.refresh(ACME);

        assertThat(sent).extracting(ApiRequest::name).as("who changed, not everyone again")
                .containsExactly("list-people", "list-people", "list-changed-people");
        assertThat(growing.withMail(ACME, "new@acme.test")).isNotEmpty();
    }

    @Test
    void aUserOneTenantCreatedIsKnownToTheDirectoryOfAnotherKeyOfTheSameLucca() {
        PeopleDirectory byKey = new PeopleDirectory((lucca, request) -> new LuccaCaller.Answer(items(),
                "Tue, 01 Dec 2026 10:30:00 GMT"), new LuccaRequests(JSON), ours, new PeopleBudget(1_000),
                people -> true);
        LuccaConnection tenantA = connection("acme", "https://acme.ilucca.net", "key-a");
        LuccaConnection tenantB = connection("acme-retail", "https://acme.ilucca.net", "key-b");
        LuccaConnection elsewhere = connection("globex", "https://globex.ilucca.net", "key-a");
        byKey.refresh(tenantA);
        byKey.refresh(tenantB);
        byKey.refresh(elsewhere);

        byKey.created(tenantA, 416, "jeanne.dupont@acme.test", "jdupont", null, null);

        assertThat(byKey.loginsContaining(tenantB, "jdupont")).as("a login is the instance's to give once")
                .containsExactly("jdupont");
        assertThat(byKey.withMail(tenantB, "jeanne.dupont@acme.test")).extracting(LuccaPerson::id)
                .containsExactly(416L);
        assertThat(byKey.loginsContaining(elsewhere, "jdupont")).as("another Lucca's").isEmpty();
    }

    @Test
    void aUserCreatedDoesNotWaitForAnotherKeysReadWhichKnowsThemOnceItEnds() throws Exception {
        CountDownLatch readOfKeyB = new CountDownLatch(1);
        CountDownLatch luccaAnswersKeyB = new CountDownLatch(1);
        PeopleDirectory byKey = new PeopleDirectory((lucca, request) -> {
            if (lucca.apiKey().equals("key-b")) {
                readOfKeyB.countDown();
                try {
                    luccaAnswersKeyB.await(); // a read waiting for Lucca's rate limit, holding its directory
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new LuccaCaller.Answer(items(), "Tue, 01 Dec 2026 10:30:00 GMT");
        }, new LuccaRequests(JSON), ours, new PeopleBudget(1_000), people -> true);
        LuccaConnection tenantA = connection("acme", "https://acme.ilucca.net", "key-a");
        LuccaConnection tenantB = connection("acme-retail", "https://acme.ilucca.net", "key-b");
        byKey.refresh(tenantA);
        Thread reading = new Thread(() -> byKey.refresh(tenantB));
        reading.start();
        readOfKeyB.await();

        Thread creating = new Thread(() -> byKey.created(tenantA, 416, "jeanne.dupont@acme.test", "jdupont", null,
                null));
        creating.start();
        creating.join(Duration.ofSeconds(30).toMillis());
        boolean createdWhileKeyBRead = !creating.isAlive();
        luccaAnswersKeyB.countDown();
        reading.join();
        creating.join();

        assertThat(createdWhileKeyBRead).as("tenant A's delivery does not wait for key-b's read").isTrue();
        assertThat(byKey.loginsContaining(tenantA, "jdupont")).containsExactly("jdupont");
        assertThat(byKey.loginsContaining(tenantB, "jdupont")).as("known to key-b's directory once its read ended")
                .containsExactly("jdupont");
    }

    @Test
    void aDirectoryNobodyAsksKeepsAtMostSoManyUsersCreatedElsewhereAndIsNotTrustedForTheRoundAfter() {
        PeopleDirectory byKey = new PeopleDirectory((lucca, request) -> new LuccaCaller.Answer(items(),
                "Tue, 01 Dec 2026 10:30:00 GMT"), new LuccaRequests(JSON), ours, new PeopleBudget(10_000),
                people -> true);
        LuccaConnection tenantA = connection("acme", "https://acme.ilucca.net", "key-a");
        LuccaConnection tenantB = connection("acme-retail", "https://acme.ilucca.net", "key-b");
        byKey.refresh(tenantA);
        byKey.refresh(tenantB);

        for (long id = 1; id <= PeopleDirectory.CREATED_ELSEWHERE + 1; id++) {
            byKey.created(tenantA, id, "p" + id + "@acme.test", "p" + id, null, null);
        }

        assertThat(byKey.withLogin(tenantB, "p1")).as("kept").isPresent();
        assertThat(byKey.withLogin(tenantB, "p" + (PeopleDirectory.CREATED_ELSEWHERE + 1))).as("left out").isEmpty();
        assertThat(byKey.answers(tenantB)).as("this round's hires are looked up in Lucca").isFalse();
        byKey.refresh(tenantB);
        assertThat(byKey.answers(tenantB)).as("trusted again once read").isTrue();
        assertThat(byKey.withLogin(tenantA, "p" + (PeopleDirectory.CREATED_ELSEWHERE + 1))).isPresent();
    }

    @Test
    void aDryRunTenantCallsNothing() {
        directory.refresh(new LuccaConnection("dry", Optional.empty(), "", PARIS, 50, Duration.ofSeconds(60),
                new KeyState(state -> { })));

        assertThat(sent).isEmpty();
    }

    @Test
    void whenTheClocksGoBackTheOverlapStartsFromTheLowerOffset() {
        // 00:55 GMT on 25 October 2026 is 02:55 in Paris (summer time); at 01:00 GMT Paris goes back to 02:00
        ours.set(Instant.parse("2026-10-25T01:30:00Z"));
        String since = directory.since(Instant.parse("2026-10-25T00:55:00Z"), PARIS);

        assertThat(since).isEqualTo("2026-10-25T01:45:00");
    }

    // ---- the budget every Lucca's directory shares

    @Test
    void aLuccaListingMorePeopleThanTheBudgetIsDroppedAndItsHiresAreLookedUpInLuccaOneByOne() {
        PeopleBudget budget = new PeopleBudget(2_500);
        PeopleDirectory small = directoryWithin(budget);
        for (int first = 1; first <= 10_000; first += PeopleDirectory.PAGE_SIZE) {
            answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", PeopleDirectory.PAGE_SIZE, first));
        }

        small.refresh(ACME);

        assertThat(sent).as("the read stops at the page that goes past the budget").hasSize(3);
        assertThat(small.answers(ACME)).as("each hire is looked up in Lucca, as when the read fails").isFalse();
        assertThat(small.withMail(ACME, "person1@acme.test")).isEmpty();
        assertThat(budget.held()).as("its people are let go").isZero();
        assertThat(small.overBudget()).isEqualTo(1);

        small.refresh(ACME);
        assertThatThrownBy(() -> small.refreshNow(ACME)).isInstanceOf(PeopleOverBudget.class)
                .hasMessageNotContaining("@");
        assertThat(sent).as("not read again at each round, nor for a refused create").hasSize(3);
        small.created(ACME, 42, "new.hire@acme.test", "nhire", null, null);
        assertThat(small.withMail(ACME, "new.hire@acme.test")).as("a dropped directory holds nobody").isEmpty();
        assertThat(budget.held()).isZero();
    }

    @Test
    void aUserWeCreatedThatTheBudgetHasNoRoomForIsLeftOutUntilTheNextReadNeverDroppingTheDirectory() {
        // another Lucca's read may be filling the budget at this moment: this one is not dropped for it
        PeopleBudget budget = new PeopleBudget(2);
        PeopleDirectory small = directoryWithin(budget);
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 2, 1));
        small.refresh(ACME);
        assertThat(small.answers(ACME)).isTrue();

        small.created(ACME, 42, "new.hire@acme.test", "nhire", null, null);

        assertThat(small.overBudget()).isZero();
        assertThat(small.answers(ACME)).as("the round's next hires would not see their login taken").isFalse();
        assertThat(small.withMail(ACME, "new.hire@acme.test")).isEmpty();
        assertThat(small.withMail(ACME, "person1@acme.test")).as("its people are kept").isNotEmpty();
        assertThat(budget.held()).isEqualTo(2);
        answers.add(new LuccaCaller.Answer(items(), "Tue, 01 Dec 2026 10:31:00 GMT"));
        small.refresh(ACME);
        assertThat(small.answers(ACME)).as("the next round's read, of who changed").isTrue();
    }

    @Test
    void theDirectoryOfALuccaNoTenantUsesAnyMoreIsForgottenAndItsPeopleGivenBack() {
        PeopleBudget budget = new PeopleBudget(1_000);
        PeopleDirectory shared = directoryWithin(budget);
        LuccaConnection globex = connection("globex", "https://globex.ilucca.net");
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 3, 1));
        shared.refresh(ACME);
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 2, 100));
        shared.refresh(globex);
        assertThat(budget.held()).isEqualTo(5);

        unused.add(ACME.people()); // a reload took away the tenants of acme's Lucca
        shared.forgetUnused();

        assertThat(budget.held()).isEqualTo(2);
        assertThat(shared.answers(ACME)).isFalse();
        assertThat(shared.withMail(ACME, "person1@acme.test")).isEmpty();
        assertThat(shared.withMail(globex, "person100@acme.test")).as("globex's Lucca is still used").isNotEmpty();
    }

    @Test
    void aLuccaForgottenWhileItsReadWaitsOnLuccaDoesNotHoldUpTheReloadAndTheReadStopsAtItsNextPage() throws Exception {
        PeopleBudget budget = new PeopleBudget(10_000);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        PeopleDirectory shared = new PeopleDirectory((lucca, request) -> {
            sent.add(request);
            if (sent.size() == 2) { // the second page waits, as for Lucca's rate limit
                waiting.countDown();
                try {
                    answered.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return page("Tue, 01 Dec 2026 10:30:00 GMT", PeopleDirectory.PAGE_SIZE, sent.size() * 10_000);
        }, new LuccaRequests(JSON), ours, budget, people -> !unused.contains(people));
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        // a refused create's read: its failure goes to the attempt, which is tried again
        Thread round = new Thread(() -> {
            try {
                shared.refreshNow(ACME);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        round.start();
        waiting.await();
        unused.add(ACME.people());
        Thread reload = new Thread(shared::forgetUnused);
        try {
            reload.start();
            // the read is held until after this: a reload that waited for it would still run when the join gives up
            // (a thread seen BLOCKED for a moment, on a class loader's lock say, proved nothing)
            reload.join(Duration.ofSeconds(10).toMillis());

            assertThat(reload.getState()).as("not waiting for the read to end").isEqualTo(Thread.State.TERMINATED);
        } finally {
            answered.countDown();
            round.join();
            reload.join();
        }
        assertThat(sent).as("no page after the one under way").hasSize(2);
        assertThat(failure.get()).as("a read that stopped, not one that found nobody").isNotNull()
                .hasMessageContaining("forgotten");
        assertThat(budget.held()).as("its people given back").isZero();
        assertThat(shared.answers(ACME)).isFalse();
    }

    @Test
    void aLuccaForgottenWhileItsOnlyPageIsReadFailsTheReadRatherThanLeavingADirectoryOfNobody() {
        PeopleBudget budget = new PeopleBudget(10_000);
        AtomicReference<PeopleDirectory> shared = new AtomicReference<>();
        shared.set(new PeopleDirectory((lucca, request) -> {
            sent.add(request);
            // a reload takes the Lucca's tenants away while its only page is on its way
            unused.add(ACME.people());
            shared.get().forgetUnused();
            return page("Tue, 01 Dec 2026 10:30:00 GMT", 1, 1);
        }, new LuccaRequests(JSON), ours, budget, people -> !unused.contains(people)));

        // a refused create's read: judged against nobody, the refusal would be final; failed, the attempt is retried
        assertThatThrownBy(() -> shared.get().refreshNow(ACME)).as("a read that stopped, not one that found nobody")
                .hasMessageContaining("forgotten");
        assertThat(sent).hasSize(1);
        assertThat(budget.held()).as("its people given back").isZero();
        assertThat(shared.get().answers(ACME)).isFalse();
    }

    /** Globex's 1,001 people read first, then Acme's 2,000, which do not fit beside them and are dropped. */
    private PeopleDirectory acmeDroppedBesideGlobex(PeopleBudget budget, LuccaConnection globex) {
        PeopleDirectory shared = directoryWithin(budget);
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", PeopleDirectory.PAGE_SIZE, 5_001));
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", 1, 6_001));
        shared.refresh(globex);
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", PeopleDirectory.PAGE_SIZE, 1));
        answers.add(page("Tue, 01 Dec 2026 10:30:00 GMT", PeopleDirectory.PAGE_SIZE, 1_001));
        shared.refresh(ACME);
        return shared;
    }

    @Test
    void aDroppedDirectoryIsReadAgainOnceAForgottenLuccaLeftItMoreRoom() {
        PeopleBudget budget = new PeopleBudget(2_500);
        LuccaConnection globex = connection("globex", "https://globex.ilucca.net");
        PeopleDirectory shared = acmeDroppedBesideGlobex(budget, globex);
        assertThat(shared.answers(ACME)).as("1,001 and 2,000 people do not fit in 2,500").isFalse();
        assertThat(budget.held()).isEqualTo(1_001);

        unused.add(globex.people());
        answers.add(page("Tue, 01 Dec 2026 10:31:00 GMT", PeopleDirectory.PAGE_SIZE, 1));
        answers.add(page("Tue, 01 Dec 2026 10:31:00 GMT", PeopleDirectory.PAGE_SIZE, 1_001));
        answers.add(page("Tue, 01 Dec 2026 10:31:00 GMT", 0, 2_001));
        shared.refresh(ACME);

        assertThat(shared.answers(ACME)).isTrue();
        assertThat(shared.withMail(ACME, "person2000@acme.test")).isNotEmpty();
        assertThat(budget.held()).isEqualTo(2_000);
        assertThat(shared.overBudget()).isZero();
    }

    @Test
    void aDroppedDirectoryReadAgainStaysDroppedUntilTheReadSucceedsAndIsSaidOnce() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(PeopleDirectory.class);
        logger.addAppender(log);
        try {
            PeopleBudget budget = new PeopleBudget(2_500);
            LuccaConnection globex = connection("globex", "https://globex.ilucca.net");
            PeopleDirectory shared = acmeDroppedBesideGlobex(budget, globex);
            unused.add(globex.people());
            observed = shared;
            // read again with globex's room, and past it once more
            for (int first = 1; first <= 2_001; first += PeopleDirectory.PAGE_SIZE) {
                answers.add(page("Tue, 01 Dec 2026 10:31:00 GMT", PeopleDirectory.PAGE_SIZE, first));
            }

            shared.refresh(ACME);

            assertThat(overBudgetAtEachCall).as("the alert does not end for the time of the read").containsOnly(1L)
                    .hasSize(3);
            assertThat(shared.overBudget()).isEqualTo(1);
            assertThat(budget.held()).isZero();
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(message -> message.contains("more people than the people directories may hold"))
                    .as("said once, when it was dropped").hasSize(1);
        } finally {
            logger.detachAppender(log);
        }
    }

    private PeopleDirectory directoryWithin(PeopleBudget budget) {
        return new PeopleDirectory((lucca, request) -> {
            sent.add(request);
            if (observed != null) {
                overBudgetAtEachCall.add(observed.overBudget());
            }
            if (answers.isEmpty()) {
                throw new LuccaUnavailable(request.name(), 503, "down");
            }
            return answers.removeFirst();
        }, new LuccaRequests(JSON), ours, budget, people -> !unused.contains(people));
    }

    private static LuccaCaller.Answer page(String date, int size, int firstId) {
        ArrayNode list = JSON.createArrayNode();
        for (int id = firstId; id < firstId + size; id++) {
            list.add(person(id, "person" + id + "@acme.test", "person" + id, null));
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("data").set("items", list);
        return new LuccaCaller.Answer(body, date);
    }

    private static ObjectNode items(ObjectNode... people) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putObject("data").putArray("items");
        for (ObjectNode person : people) {
            list.add(person);
        }
        return body;
    }

    private static ObjectNode person(long id, String mail, String login, String contractEnd) {
        ObjectNode person = JSON.createObjectNode();
        person.put("id", id);
        person.put("mail", mail);
        person.put("login", login);
        person.put("dtContractEnd", contractEnd);
        person.put("modifiedAt", "2026-12-01T11:29:59.123");
        return person;
    }

    private static String decoded(ApiRequest request) {
        return URLDecoder.decode(request.query(), StandardCharsets.UTF_8);
    }

    private static LuccaConnection connection(String tenant, String baseUrl) {
        return connection(tenant, baseUrl, "key");
    }

    private static LuccaConnection connection(String tenant, String baseUrl, String apiKey) {
        return connection(tenant, baseUrl, apiKey, PARIS);
    }

    private static LuccaConnection connection(String tenant, String baseUrl, String apiKey, ZoneId zone) {
        return new LuccaConnection(tenant, Optional.of(URI.create(baseUrl)), apiKey, zone, 50, Duration.ofSeconds(60),
                new KeyState(state -> { }));
    }
}
