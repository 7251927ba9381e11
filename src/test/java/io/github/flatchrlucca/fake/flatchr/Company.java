package io.github.flatchrlucca.fake.flatchr;

import io.github.flatchrlucca.fake.ApiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the fake Flatchr holds for its one company. Every method is atomic (synchronized), and what it
 * hands out is immutable, so the connector's threads and the test see consistent states.
 * A mistake in seeding (an unknown column, a duplicate id) is the test's bug: an IllegalArgumentException.
 */
final class Company {

    private static final int FIRST_CANDIDATE_ID = 5001;

    private final String key;
    private final EncodedIds ids = new EncodedIds();
    private final Map<String, Vacancy> vacancies = new LinkedHashMap<>(); // by encoded id
    private final Map<String, Column> columns = new LinkedHashMap<>(); // by title
    private final Map<String, Tag> tags = new LinkedHashMap<>(); // by encoded id
    private final Map<String, Application> applications = new LinkedHashMap<>(); // by encoded id, in seeding order
    private final Set<String> unknownToDetails = new HashSet<>();
    private final Map<String, List<Trait>> traits = new LinkedHashMap<>(); // by application id
    private int lastCandidateId = FIRST_CANDIDATE_ID - 1;

    Company(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    // ---- seeding

    /** The vacancy's tags become tags of the company too, unless one with the same id is already there. */
    synchronized void add(Vacancy vacancy) {
        if (vacancies.containsKey(vacancy.id())) {
            throw new IllegalArgumentException("a vacancy " + vacancy.id() + " exists already");
        }
        vacancies.put(vacancy.id(), vacancy);
        vacancy.tags().forEach(tag -> tags.putIfAbsent(tag.id(), tag));
    }

    synchronized void add(Column column) {
        if (columns.containsKey(column.title())
                || columns.values().stream().anyMatch(known -> known.id().equals(column.id()))) {
            throw new IllegalArgumentException("a column " + column.id() + " or titled " + column.title() + " exists already");
        }
        columns.put(column.title(), column);
    }

    synchronized void add(Tag tag) {
        if (tags.putIfAbsent(tag.id(), tag) != null) {
            throw new IllegalArgumentException("a tag " + tag.id() + " exists already");
        }
    }

    synchronized Application add(ApplicationSeed seed) {
        requireVacancy(seed.vacancyId);
        Column column = requireColumn(seed.column);
        String id = seed.id != null ? seed.id : unusedApplicationId();
        if (applications.containsKey(id)) {
            throw new IllegalArgumentException("an application " + id + " exists already");
        }
        Instant created = seed.createdAt != null ? seed.createdAt : Instant.now();
        Application application = new Application(id, ++lastCandidateId, seed.candidate, seed.vacancyId,
                column.title(), column.hired(), seed.status, seed.score, created,
                seed.updatedAt != null ? seed.updatedAt : created, seed.source, seed.externalId);
        applications.put(id, application);
        traits.put(id, new ArrayList<>());
        return application;
    }

    private String unusedApplicationId() {
        String id = ids.next();
        while (applications.containsKey(id)) {
            id = ids.next();
        }
        return id;
    }

    synchronized void move(String applicationId, String columnTitle, Instant at) {
        Column to = requireColumn(columnTitle);
        applications.put(applicationId, requireApplication(applicationId).inColumn(to, at));
    }

    synchronized void archive(String applicationId, Instant at) {
        applications.put(applicationId, requireApplication(applicationId).archived(at));
    }

    synchronized void edit(String applicationId, Candidate edited, Instant at) {
        applications.put(applicationId, requireApplication(applicationId).withCandidate(edited, at));
    }

    synchronized void updatedAt(String applicationId, Instant at) {
        applications.put(applicationId, requireApplication(applicationId).updatedAt(at));
    }

    synchronized void hideFromDetails(String applicationId) {
        requireApplication(applicationId);
        unknownToDetails.add(applicationId);
    }

    private Vacancy requireVacancy(String vacancyId) {
        Vacancy vacancy = vacancies.get(vacancyId);
        if (vacancy == null) {
            throw new IllegalArgumentException("no vacancy " + vacancyId + ": add it first");
        }
        return vacancy;
    }

    private Column requireColumn(String title) {
        Column column = columns.get(title);
        if (column == null) {
            throw new IllegalArgumentException("no column titled " + title + ": add it first");
        }
        return column;
    }

    private Application requireApplication(String applicationId) {
        Application application = applications.get(applicationId);
        if (application == null) {
            throw new IllegalArgumentException("no application " + applicationId);
        }
        return application;
    }

    // ---- reading

    synchronized List<Application> applications() {
        return List.copyOf(applications.values());
    }

    synchronized Optional<Application> application(String applicationId) {
        return Optional.ofNullable(applications.get(applicationId));
    }

    synchronized boolean knownToDetails(String applicationId) {
        return applications.containsKey(applicationId) && !unknownToDetails.contains(applicationId);
    }

    synchronized Optional<Vacancy> vacancy(String vacancyId) {
        return Optional.ofNullable(vacancies.get(vacancyId));
    }

    synchronized List<Vacancy> vacancies() {
        return List.copyOf(vacancies.values());
    }

    synchronized Optional<Column> column(String title) {
        return Optional.ofNullable(columns.get(title));
    }

    /** By position, as the pipeline shows them. */
    synchronized List<Column> columns() {
        return columns.values().stream().sorted(Comparator.comparingInt(Column::position)).toList();
    }

    synchronized List<Tag> tags() {
        return List.copyOf(tags.values());
    }

    /** The application's tag values, in the order they were first written; empty for an unknown application. */
    synchronized List<Trait> traits(String applicationId) {
        return List.copyOf(traits.getOrDefault(applicationId, List.of()));
    }

    // ---- writing through the API

    /**
     * Sets one value of a candidate tag on an application. A tag that is not {@code multiple} holds one value:
     * writing it again replaces the value (the trait keeps its id). A {@code multiple} tag gains the value,
     * unless it already has it (then the trait that has it is answered, nothing is added). Writing a value
     * leaves the application's {@code updated_at} alone (the reference does not say it moves; the plainest
     * reading is that a tag value is not a change of the application).
     */
    synchronized Trait setTrait(String applicationId, String tagId, String value) {
        List<Trait> values = traits.get(applicationId);
        if (values == null) {
            throw ApiError.notFound("no applicant " + applicationId);
        }
        Tag tag = tags.get(tagId);
        // A vacancy tag is not a candidate tag: for this endpoint, no such tag exists.
        if (tag == null || !Tag.CANDIDATES.equals(tag.type())) {
            throw ApiError.notFound("no candidate tag " + tagId);
        }
        if (!tag.creatable() && !tag.choices().contains(value.strip())) {
            throw ApiError.badRequest("tag " + tag.title() + " takes only one of: " + tag.values());
        }
        for (int i = 0; i < values.size(); i++) {
            Trait known = values.get(i);
            if (!known.tagId().equals(tagId)) {
                continue;
            }
            if (!tag.multiple()) {
                Trait replaced = new Trait(known.id(), tagId, value);
                values.set(i, replaced);
                return replaced;
            }
            if (known.value().equals(value)) {
                return known;
            }
        }
        Trait added = new Trait(ids.next(), tagId, value);
        values.add(added);
        return added;
    }
}
