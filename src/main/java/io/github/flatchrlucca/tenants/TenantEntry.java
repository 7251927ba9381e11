package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.intake.WebhookToken;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.PhoneNormalizer;
import io.github.flatchrlucca.mapping.WorkEmailPattern;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One tenant's settings, read and checked: an item of the tenants list, or the default tenant, whose settings the
 * environment gives in the same shape ({@link DefaultTenant}), so that one set of rules reads both. What a tenant
 * of the file must not share with another (its id, companies and tokens) is claimed as it is read, so that it is
 * checked even when another key is wrong.
 */
final class TenantEntry {

    private static final List<String> KEYS = List.of("id", "flatchrCompanyIds", "webhookToken", "triggerColumns",
            "flatchr", "lucca", "defaults", "departments", "contractTypes", "rehire", "hireHoldSeconds", "login",
            "workEmailPattern", "timezone", "phoneRegion", "adminToken");
    private static final List<String> FLATCHR_KEYS = List.of("apiKey", "companyKey", "apiBaseUrl",
            "reconcileIntervalSeconds", "reconcileLookbackDays", "resultTag");
    private static final List<String> LUCCA_KEYS = List.of("baseUrl", "instance", "apiKey", "timezone", "rateLimit");
    private static final List<String> RATE_LIMIT_KEYS = List.of("requests", "windowSeconds");
    private static final List<String> DEFAULTS_KEYS = List.of("legalEntityId", "departmentId", "roleId");

    private final YamlMapping tenant;
    private final TenantDefaults inherited;
    private final Claims claims;
    private final SettingProblems problems;

    private TenantEntry(YamlMapping tenant, TenantDefaults inherited, Claims claims, SettingProblems problems) {
        this.tenant = tenant;
        this.inherited = inherited;
        this.claims = claims;
        this.problems = problems;
    }

    /** The tenant's settings; empty when any key is wrong, each wrong key then reported to {@code problems}. */
    static Optional<TenantSettings> read(YamlMapping tenant, TenantDefaults inherited, Claims claims,
                                         SettingProblems problems) {
        return new TenantEntry(tenant, inherited, claims, problems).read();
    }

    /**
     * The default tenant: its token is given (the environment's, or one the connector keeps), and it has no admin
     * token of its own (ADMIN_TOKEN opens every tenant). Its company is the one FLATCHR_COMPANY_ID names, which it
     * needs with Flatchr's API (FLATCHR_COMPANY_KEY is one company's: another's hires would be searched for and
     * written back to in the wrong company, and never searched in their own); without it, it takes any company (once
     * in force, any that no tenant of the file lists). Empty when a key is wrong, reported to {@code problems}.
     */
    static Optional<TenantSettings> readDefault(YamlMapping environment, TenantDefaults inherited, WebhookToken token,
                                                SettingProblems problems) {
        TenantEntry entry = new TenantEntry(environment, inherited, new Claims(Map.of(), Optional.empty()), problems);
        int before = problems.count();
        environment.allowOnly(KEYS);
        // the environment names one company: a value, where the file lists them
        Optional<String> companyId = environment.text("flatchrCompanyIds");
        companyId.flatMap(TenantSettings::companyIdProblem)
                .ifPresent(problem -> environment.report("flatchrCompanyIds", problem));
        TenantSettings settings = entry.settings(TenantSettings.DEFAULT_ID,
                companyId.filter(id -> TenantSettings.companyIdProblem(id).isEmpty()).map(Set::of).orElse(Set.of()),
                token, Optional::empty, "the default tenant");
        if (settings.flatchrApi().isPresent() && companyId.isEmpty()) {
            environment.report("flatchrCompanyIds", "is required when " + environment.nameOf("flatchr.apiKey")
                    + " is set: the webhook's company_id of the company " + environment.nameOf("flatchr.companyKey")
                    + " names, such as 4242 (Flatchr's webhooks carry it as company_id)");
        }
        return problems.count() > before ? Optional.empty() : Optional.of(settings);
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
        Optional<WebhookToken> token = tenant.requiredSecret("webhookToken").flatMap(secret ->
                tenant.check("webhookToken", () -> WebhookToken.of(secret)));
        token.ifPresent(valid -> claims.webhookToken(tenant, owner, valid.reveal()));
        Supplier<Optional<String>> adminToken = () -> {
            Optional<String> valid = tenant.secret("adminToken").flatMap(secret -> tenant.check("adminToken",
                    () -> AdminTokens.checked(secret)));
            valid.ifPresent(claimed -> claims.adminToken(tenant, owner, claimed));
            return valid;
        };
        // a wrong id, company list or token was reported: the rest is read all the same, to name every problem
        TenantSettings settings = settings(id.orElse(""), companyIds.orElse(Set.of()), token.orElse(null), adminToken,
                owner);
        if (settings.flatchrApi().isPresent() && companyIds.filter(ids -> ids.size() > 1).isPresent()) {
            // Flatchr's API is one company's (its companyKey in every path): the others' hires would never be
            // searched, and a hire found would be written as the smallest company's
            tenant.report("flatchrCompanyIds", "lists " + companyIds.get().size() + " companies, and the flatchr "
                    + "section (one companyKey) searches and writes back to one company only; give each company a "
                    + "tenant of its own, or leave flatchr out");
        }
        return problems.count() > before ? Optional.empty() : Optional.of(settings);
    }

    /**
     * What every tenant has, read for the one whose identity is given. Only whole when no problem was reported
     * while reading it: a wrong value reads as absent (null for the token).
     *
     * @param adminToken read last, so that the problems of a tenant are named in the order of its keys
     */
    private TenantSettings settings(String id, Set<String> companyIds, WebhookToken token,
                                    Supplier<Optional<String>> adminToken, String owner) {
        Set<String> triggerColumns = tenant.texts("triggerColumns").flatMap(this::triggerColumns)
                .orElse(inherited.triggerColumns());
        Optional<FlatchrApi> flatchrApi = tenant.mapping("flatchr")
                .flatMap(section -> flatchrApi(section, owner));
        Optional<YamlMapping> lucca = tenant.mapping("lucca");
        lucca.ifPresent(section -> section.allowOnly(LUCCA_KEYS));
        Optional<URI> baseUrl = lucca.flatMap(this::luccaBaseUrl);
        String apiKey = lucca.flatMap(this::apiKey).orElse("");
        ZoneId luccaZone = lucca.flatMap(section -> section.text("timezone").flatMap(written ->
                        section.parse("timezone", written, "a time zone such as Europe/Paris", ZoneId::of)))
                .orElse(TenantSettings.LUCCA_ZONE);
        Optional<YamlMapping> rateLimit = lucca.flatMap(section -> section.mapping("rateLimit"));
        rateLimit.ifPresent(section -> section.allowOnly(RATE_LIMIT_KEYS));
        int requests = rateLimit.flatMap(section -> section.positiveInt("requests"))
                .orElse(inherited.rateLimitRequests());
        // an hour at most, as LUCCA_RATE_LIMIT_WINDOW_SECONDS: 60000 is milliseconds typed for seconds
        Duration window = rateLimit.flatMap(section -> section.intBetween("windowSeconds", 1, 3_600))
                .map(Duration::ofSeconds)
                .orElse(inherited.rateLimitWindow());
        Optional<YamlMapping> defaults = tenant.mapping("defaults");
        defaults.ifPresent(section -> section.allowOnly(DEFAULTS_KEYS));
        Integer legalEntityId = defaults.flatMap(section -> section.positiveInt("legalEntityId")).orElse(null);
        Integer departmentId = defaults.flatMap(section -> section.positiveInt("departmentId")).orElse(null);
        Integer roleId = defaults.flatMap(section -> section.positiveInt("roleId")).orElse(null);
        Optional<DepartmentTable> departments = tenant.table("departments", DepartmentTable::parse,
                DepartmentTable::of);
        Optional<ContractTypeTable> contractTypes = tenant.table("contractTypes", ContractTypeTable::parse,
                ContractTypeTable::of);
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
        String phoneRegion = tenant.text("phoneRegion")
                .flatMap(written -> tenant.parse("phoneRegion", written, PhoneNormalizer.REGION_EXPECTED,
                        PhoneNormalizer::region))
                .orElse(inherited.phoneRegion());
        Optional<String> admin = adminToken.get();
        // each value left empty above was reported; the caller uses these settings only when none was
        return new TenantSettings(id, companyIds, token, triggerColumns, baseUrl, apiKey, luccaZone, requests, window,
                legalEntityId, departmentId, roleId, departments.orElse(null), contractTypes.orElse(null), rehire,
                hireHold, login, workEmailPattern, zone, phoneRegion, admin, flatchrApi);
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
        Optional<List<String>> ids = tenant.texts("flatchrCompanyIds");
        if (!tenant.has("flatchrCompanyIds") || ids.filter(List::isEmpty).isPresent()) {
            tenant.report("flatchrCompanyIds",
                    "must list the Flatchr company ids whose hires go to this tenant, such as [4242]");
            return Optional.empty();
        }
        boolean allIds = true;
        for (int i = 0; ids.isPresent() && i < ids.get().size(); i++) {
            Optional<String> problem = TenantSettings.companyIdProblem(ids.get().get(i));
            if (problem.isPresent()) {
                tenant.report("flatchrCompanyIds[" + i + "]", problem.get());
                allIds = false;
            }
        }
        return allIds ? ids.map(Set::copyOf) : Optional.empty();
    }

    /** The columns in lower case, as matched; empty when an item joins columns, reported. */
    private Optional<Set<String>> triggerColumns(List<String> columns) {
        boolean allColumns = true;
        for (int i = 0; i < columns.size(); i++) {
            Optional<String> problem = TenantSettings.triggerColumnsProblem(columns.get(i),
                    "list each column as an item of its own");
            if (problem.isPresent()) {
                tenant.report("triggerColumns[" + i + "]", problem.get());
                allColumns = false;
            }
        }
        return allColumns ? Optional.of(columns.stream().map(column -> column.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet())) : Optional.empty();
    }

    /** Where the tenant's Lucca is ({@link LuccaLocation}): a base URL or an instance, not both. */
    private Optional<URI> luccaBaseUrl(YamlMapping lucca) {
        Optional<URI> baseUrl = lucca.text("baseUrl").flatMap(written -> httpUrl(lucca, "baseUrl", written));
        Optional<URI> instance = lucca.text("instance").flatMap(written ->
                lucca.check("instance", () -> LuccaLocation.instance(written, lucca.nameOf("baseUrl"))));
        try {
            return LuccaLocation.of(baseUrl, instance);
        } catch (IllegalArgumentException both) {
            lucca.report("instance", "is set as well as " + lucca.nameOf("baseUrl") + "; " + both.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The tenant's access to Flatchr's API: its key and company key are its own, required as soon as the mapping is
     * written (in the environment: as soon as the key, the company key or the result tag is set, since they only
     * serve with a key); where the API is and how often and how far back it is searched are inherited unless
     * given. Empty when a key is wrong, each wrong key then reported; a key is never quoted.
     */
    private Optional<FlatchrApi> flatchrApi(YamlMapping flatchr, String owner) {
        int before = problems.count();
        flatchr.allowOnly(FLATCHR_KEYS);
        requiredWith(flatchr, "apiKey", "", List.of("companyKey", "resultTag"));
        Optional<String> apiKey = unlessWrong(flatchr, "apiKey", flatchr.secret("apiKey"), ApiKeys::problem);
        requiredWith(flatchr, "companyKey", "; expected " + FlatchrApi.COMPANY_KEY_SHAPE, List.of("apiKey"));
        Optional<String> companyKey = unlessWrong(flatchr, "companyKey", flatchr.text("companyKey"),
                FlatchrApi::companyKeyProblem);
        Optional<String> sameKeys = companyKey.flatMap(company -> apiKey.flatMap(key ->
                FlatchrApi.sameKeysProblem(company, key, flatchr.nameOf("apiKey"))));
        if (sameKeys.isPresent()) {
            flatchr.report("companyKey", sameKeys.get());
        } else {
            companyKey.ifPresent(key -> claims.flatchrCompanyKey(flatchr, owner, key));
        }
        URI baseUrl = flatchr.text("apiBaseUrl").flatMap(written -> httpUrl(flatchr, "apiBaseUrl", written))
                .orElse(inherited.flatchrApiBaseUrl());
        Duration interval = flatchr.intBetween("reconcileIntervalSeconds", 0, FlatchrApi.MAX_RECONCILE_INTERVAL_SECONDS)
                .filter(seconds -> {
                    if (seconds != 0 && seconds < FlatchrApi.MIN_RECONCILE_INTERVAL_SECONDS) {
                        flatchr.report("reconcileIntervalSeconds", "'" + seconds + "' is not "
                                + FlatchrApi.RECONCILE_INTERVAL_RANGE);
                        return false;
                    }
                    return true;
                })
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

    /** Reports the key when absent, naming those of {@code others} that are given, since they are what need it. */
    private static void requiredWith(YamlMapping section, String key, String expected, List<String> others) {
        if (!section.has(key)) {
            List<String> given = others.stream().filter(section::has).map(section::nameOf).toList();
            section.report(key, "is required" + (given.isEmpty() ? "" : " when " + String.join(" or ", given)
                    + " is set") + expected);
        }
    }

    /** The value, unless {@code problemOf} finds it wrong: then that problem is reported against the key. */
    private static Optional<String> unlessWrong(YamlMapping section, String key, Optional<String> value,
                                                Function<String, Optional<String>> problemOf) {
        Optional<String> problem = value.flatMap(problemOf);
        problem.ifPresent(found -> section.report(key, found));
        return problem.isPresent() ? Optional.empty() : value;
    }

    /** An http(s) URL with a host, without its trailing slashes ({@link ServiceUrl}). */
    private static Optional<URI> httpUrl(YamlMapping section, String key, String written) {
        return section.check(key, () -> ServiceUrl.parse(written));
    }

    /** Required as soon as a Lucca is written, even a wrong one ({@link LuccaLocation#apiKeyProblem}). */
    private Optional<String> apiKey(YamlMapping lucca) {
        Optional<String> problem = LuccaLocation.apiKeyProblem(lucca.has("baseUrl") || lucca.has("instance"),
                lucca.has("apiKey"), lucca.nameOf("baseUrl"), lucca.nameOf("instance"));
        if (problem.isPresent()) {
            lucca.report("apiKey", problem.get());
            return Optional.empty();
        }
        return unlessWrong(lucca, "apiKey", lucca.secret("apiKey"), ApiKeys::problem);
    }
}
