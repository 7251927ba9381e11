package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.WorkEmailPattern;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One item of the tenants list, read into the settings of that tenant. What a tenant must not share with another
 * (its id, companies and tokens) is claimed as it is read, so that it is checked even when another key is wrong.
 */
final class TenantEntry {

    private static final List<String> KEYS = List.of("id", "flatchrCompanyIds", "webhookToken", "triggerColumns",
            "flatchr", "lucca", "defaults", "departments", "contractTypes", "rehire", "hireHoldSeconds", "login",
            "workEmailPattern", "timezone", "adminToken");
    private static final List<String> FLATCHR_KEYS = List.of("apiKey", "companyKey", "apiBaseUrl",
            "reconcileIntervalSeconds", "reconcileLookbackDays", "resultTag");
    private static final List<String> LUCCA_KEYS = List.of("baseUrl", "instance", "apiKey", "rateLimit");
    private static final List<String> RATE_LIMIT_KEYS = List.of("requests", "windowSeconds");
    private static final List<String> DEFAULTS_KEYS = List.of("legalEntityId", "departmentId", "roleId");

    private final YamlMapping tenant;
    private final SecretReference secrets;
    private final TenantDefaults inherited;
    private final Claims claims;
    private final Problems problems;

    private TenantEntry(YamlMapping tenant, SecretReference secrets, TenantDefaults inherited, Claims claims,
                        Problems problems) {
        this.tenant = tenant;
        this.secrets = secrets;
        this.inherited = inherited;
        this.claims = claims;
        this.problems = problems;
    }

    /** The tenant's settings; empty when any key is wrong, each wrong key then reported to {@code problems}. */
    static Optional<TenantSettings> read(YamlMapping tenant, SecretReference secrets, TenantDefaults inherited,
                                         Claims claims, Problems problems) {
        return new TenantEntry(tenant, secrets, inherited, claims, problems).read();
    }

    // Every key is read, even after a wrong one, so that each is reported; a wrong value reads as absent.
    private Optional<TenantSettings> read() {
        int before = problems.count();
        tenant.allowOnly(KEYS);
        Optional<String> id = id();
        id.ifPresent(valid -> claims.id(tenant, valid));
        String owner = id.map(valid -> "tenant " + valid).orElse(tenant.where());
        Optional<Set<String>> companyIds = companyIds();
        companyIds.ifPresent(ids -> claims.companies(tenant, owner, ids));
        Optional<WebhookToken> token = tenant.requiredText("webhookToken").flatMap(reference ->
                tenant.check("webhookToken", () -> WebhookToken.of(secrets.resolve(reference))));
        token.ifPresent(valid -> claims.webhookToken(tenant, owner, valid.reveal()));
        Set<String> triggerColumns = tenant.texts("triggerColumns")
                .map(columns -> columns.stream().map(column -> column.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(inherited.triggerColumns());
        Optional<FlatchrApi> flatchrApi = tenant.mapping("flatchr")
                .flatMap(section -> flatchrApi(section, owner));
        Optional<YamlMapping> lucca = tenant.mapping("lucca");
        lucca.ifPresent(section -> section.allowOnly(LUCCA_KEYS));
        Optional<URI> baseUrl = lucca.flatMap(this::luccaBaseUrl);
        String apiKey = lucca.flatMap(this::apiKey).orElse("");
        Optional<YamlMapping> rateLimit = lucca.flatMap(section -> section.mapping("rateLimit"));
        rateLimit.ifPresent(section -> section.allowOnly(RATE_LIMIT_KEYS));
        int requests = rateLimit.flatMap(section -> section.positiveInt("requests"))
                .orElse(inherited.rateLimitRequests());
        Duration window = rateLimit.flatMap(section -> section.positiveInt("windowSeconds")).map(Duration::ofSeconds)
                .orElse(inherited.rateLimitWindow());
        Optional<YamlMapping> defaults = tenant.mapping("defaults");
        defaults.ifPresent(section -> section.allowOnly(DEFAULTS_KEYS));
        Integer legalEntityId = defaults.flatMap(section -> section.positiveInt("legalEntityId")).orElse(null);
        Integer departmentId = defaults.flatMap(section -> section.positiveInt("departmentId")).orElse(null);
        Integer roleId = defaults.flatMap(section -> section.positiveInt("roleId")).orElse(null);
        Optional<DepartmentTable> departments = tenant.check("departments",
                () -> DepartmentTable.of(positiveIds("departments")));
        Optional<ContractTypeTable> contractTypes = tenant.check("contractTypes",
                () -> ContractTypeTable.of(positiveIds("contractTypes")));
        RehirePolicy rehire = tenant.text("rehire")
                .flatMap(written -> tenant.parse("rehire", written, RehirePolicy.EXPECTED, RehirePolicy::parse))
                .orElse(inherited.rehire());
        Duration hireHold = tenant.intBetween("hireHoldSeconds", 0, TenantSettings.MAX_HIRE_HOLD_SECONDS)
                .map(Duration::ofSeconds).orElse(inherited.hireHold());
        LoginRule login = tenant.text("login").flatMap(rule -> tenant.check("login", () -> LoginRule.parse(rule)))
                .orElse(inherited.loginRule());
        WorkEmailPattern workEmailPattern = tenant.text("workEmailPattern")
                .flatMap(pattern -> tenant.check("workEmailPattern", () -> WorkEmailPattern.parse(pattern)))
                .orElse(null);
        ZoneId zone = tenant.text("timezone")
                .flatMap(written -> tenant.parse("timezone", written, "a time zone such as Europe/Paris", ZoneId::of))
                .orElse(inherited.zone());
        Optional<String> adminToken = tenant.text("adminToken").flatMap(reference -> tenant.check("adminToken",
                () -> WebhookToken.of(secrets.resolve(reference)).reveal()));
        adminToken.ifPresent(valid -> claims.adminToken(tenant, owner, valid));
        if (problems.count() > before) {
            return Optional.empty();
        }
        // each value left empty above was reported: with no problem, every one is there
        return Optional.of(new TenantSettings(id.orElseThrow(), companyIds.orElseThrow(), token.orElseThrow(),
                triggerColumns, baseUrl, apiKey, requests, window, legalEntityId, departmentId, roleId,
                departments.orElseThrow(), contractTypes.orElseThrow(), rehire, hireHold, login, workEmailPattern, zone, adminToken,
                flatchrApi));
    }

    private Optional<String> id() {
        Optional<String> id = tenant.requiredText("id");
        if (id.isPresent() && !TenantSettings.ID.matcher(id.get()).matches()) {
            tenant.report("id", "'" + id.get() + "' is not a tenant id: 1 to 40 lower-case letters, digits and '-', "
                    + "not starting with '-'");
            return Optional.empty();
        }
        if (id.isPresent() && TenantSettings.DEFAULT_ID.equals(id.get())) {
            tenant.report("id", "'" + id.get() + "' is the tenant the environment settings describe; "
                    + "choose another id");
            return Optional.empty();
        }
        return id;
    }

    private Optional<Set<String>> companyIds() {
        Optional<Set<String>> ids = tenant.texts("flatchrCompanyIds").map(Set::copyOf);
        if (!tenant.has("flatchrCompanyIds") || ids.filter(Set::isEmpty).isPresent()) {
            tenant.report("flatchrCompanyIds",
                    "must list the Flatchr company ids whose hires go to this tenant, such as [4242]");
            return Optional.empty();
        }
        return ids;
    }

    /** Where the tenant's Lucca is, by the rule the environment's tenant follows too ({@link LuccaLocation}). */
    private Optional<URI> luccaBaseUrl(YamlMapping lucca) {
        Optional<URI> baseUrl = lucca.text("baseUrl").flatMap(written -> httpUrl(lucca, "baseUrl", written));
        Optional<URI> instance = lucca.text("instance").flatMap(written ->
                lucca.check("instance", () -> LuccaLocation.instance(written, "lucca.baseUrl")));
        try {
            return LuccaLocation.of(baseUrl, instance);
        } catch (IllegalArgumentException both) {
            lucca.reportHere("gives both baseUrl and instance; " + both.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The tenant's access to Flatchr's API: its key and company key are its own, required as soon as the mapping is
     * written; where the API is and how often and how far back it is searched come from the environment unless
     * given. Empty when a key is wrong, each wrong key then reported.
     */
    private Optional<FlatchrApi> flatchrApi(YamlMapping flatchr, String owner) {
        int before = problems.count();
        flatchr.allowOnly(FLATCHR_KEYS);
        Optional<String> apiKey = unlessWrong(flatchr, "apiKey", flatchr.requiredText("apiKey")
                .flatMap(reference -> flatchr.check("apiKey", () -> secrets.resolve(reference))),
                FlatchrApi::apiKeyProblem);
        Optional<String> companyKey = unlessWrong(flatchr, "companyKey", flatchr.requiredText("companyKey"),
                FlatchrApi::companyKeyProblem);
        Optional<String> sameKeys = companyKey.flatMap(company -> apiKey.flatMap(key ->
                FlatchrApi.sameKeysProblem(company, key, "the API key")));
        if (sameKeys.isPresent()) {
            flatchr.report("companyKey", sameKeys.get());
        } else {
            companyKey.ifPresent(key -> claims.flatchrCompanyKey(flatchr, owner, key));
        }
        URI baseUrl = flatchr.text("apiBaseUrl").flatMap(written -> httpUrl(flatchr, "apiBaseUrl", written))
                .orElse(inherited.flatchrApiBaseUrl());
        Duration interval = flatchr.intBetween("reconcileIntervalSeconds", 0, FlatchrApi.MAX_RECONCILE_INTERVAL_SECONDS)
                .map(Duration::ofSeconds).orElse(inherited.flatchrReconcileInterval());
        Duration lookback = flatchr.intBetween("reconcileLookbackDays", 1, FlatchrApi.MAX_RECONCILE_LOOKBACK_DAYS)
                .map(Duration::ofDays).orElse(inherited.flatchrReconcileLookback());
        Optional<String> resultTag = flatchr.text("resultTag");
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new FlatchrApi(baseUrl, apiKey.orElseThrow(), companyKey.orElseThrow(), interval, lookback,
                resultTag));
    }

    /** The value, unless {@code problemOf} finds it wrong: then that problem is reported against the key. */
    private static Optional<String> unlessWrong(YamlMapping section, String key, Optional<String> value,
                                                Function<String, Optional<String>> problemOf) {
        Optional<String> problem = value.flatMap(problemOf);
        problem.ifPresent(found -> section.report(key, found));
        return problem.isPresent() ? Optional.empty() : value;
    }

    /** An http(s) URL with a host, without its trailing slashes: the environment's rule ({@link ServiceUrl}). */
    private static Optional<URI> httpUrl(YamlMapping section, String key, String written) {
        return section.parse(key, written, "a URL", URI::create)
                .flatMap(uri -> section.check(key, () -> ServiceUrl.of(uri)));
    }

    /** Required as soon as a Lucca is written, even a wrong one ({@link LuccaLocation#apiKeyProblem}). */
    private Optional<String> apiKey(YamlMapping lucca) {
        Optional<String> problem = LuccaLocation.apiKeyProblem(lucca.has("baseUrl") || lucca.has("instance"),
                lucca.has("apiKey"), "lucca.baseUrl", "lucca.instance");
        if (problem.isPresent()) {
            lucca.report("apiKey", problem.get());
            return Optional.empty();
        }
        return lucca.text("apiKey").flatMap(reference -> lucca.check("apiKey", () -> secrets.resolve(reference)));
    }

    /** The table's entries; a wrong one is reported and left out, so that the others are checked too. */
    private Map<String, Integer> positiveIds(String key) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        tenant.mapping(key).ifPresent(table -> table.keys().forEach(name -> {
            if (!table.has(name)) {
                table.report(name, "needs a Lucca id");
            }
            table.positiveInt(name).ifPresent(id -> ids.put(name, id));
        }));
        return ids;
    }
}
