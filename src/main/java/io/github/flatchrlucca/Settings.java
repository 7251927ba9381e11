package io.github.flatchrlucca;

import static io.github.flatchrlucca.SettingTypes.adminToken;
import static io.github.flatchrlucca.SettingTypes.between;
import static io.github.flatchrlucca.SettingTypes.httpUrl;
import static io.github.flatchrlucca.SettingTypes.parsed;
import static io.github.flatchrlucca.SettingTypes.port;
import static io.github.flatchrlucca.SettingTypes.positive;
import static io.github.flatchrlucca.SettingTypes.positiveInt;
import static io.github.flatchrlucca.SettingTypes.text;
import static io.github.flatchrlucca.SettingTypes.zeroOrBetween;

import com.fasterxml.jackson.core.JsonPointer;
import io.github.flatchrlucca.mapping.ContractTypeTable;
import io.github.flatchrlucca.mapping.DepartmentTable;
import io.github.flatchrlucca.mapping.LoginRule;
import io.github.flatchrlucca.mapping.PhoneNormalizer;
import io.github.flatchrlucca.mapping.WorkEmailPattern;
import io.github.flatchrlucca.tenants.ApiKeys;
import io.github.flatchrlucca.tenants.FlatchrApi;
import io.github.flatchrlucca.tenants.LuccaLocation;
import io.github.flatchrlucca.tenants.RehirePolicy;
import io.github.flatchrlucca.tenants.TenantSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting of the connector, each declared once, in the order of application.properties. What is checked at
 * start, what the start-up summary shows, application.properties' comments and docs/settings.md all come from
 * {@link #ALL}; SettingsFilesTest fails when either file drifts from it.
 */
final class Settings {

    static final String HTTP = "HTTP server";
    static final String CONNECTOR = "Connector";
    static final String WEBHOOK = "Flatchr webhook";
    static final String FLATCHR_API = "Flatchr API (reconciliation and write-back)";
    static final String LUCCA = "Lucca";
    static final String TENANTS = "Tenants";
    static final String JOURNAL = "Journal";
    static final String DELIVERY = "Delivery and retries";
    static final String OPERATIONS = "Operations";

    // Bounds a typo could leave, shared by the settings of one kind: up to a day of waiting, a timer's period
    private static final Setting.Type<Long> MILLIS_UP_TO_A_DAY =
            between(1, 86_400_000, "from 1 to 86400000 (a day): ms");
    private static final Setting.Type<Long> PERIOD_MILLIS =
            between(100, 86_400_000, "from 100 to 86400000 (a day): ms");
    private static final Setting.Type<Long> SECONDS_UP_TO_A_DAY =
            between(1, 86_400, "from 1 to 86400 (a day): seconds");

    private Settings() {
    }

    // ---- read before application.properties (InstallFiles, FlatchrLucca)

    static final Setting<String> CONFIG_FILE = Setting.of(CONNECTOR, "", "CONFIG_FILE", text(),
            "The `application.properties` to read. It must hold every setting's line: one kept from an older "
                    + "version stops the start naming the lines to add (else their variables would never be read). "
                    + "A value with `{{` or `}}` is refused too (Camel would take it for a reference to another "
                    + "property), and so is a placeholder `{{env:NAME}}` with no default whose variable is not set "
                    + "(Camel would give the whole setting nothing).")
            .whenUnset("`./application.properties`, else the jar's own copy");
    static final Setting<String> ROUTES_DIR = Setting.of(CONNECTOR, "", "ROUTES_DIR", text(),
            "The folder of the `*.camel.yaml` routes to run (edit them, restart, no rebuild); the start-up log says "
                    + "which were loaded.")
            .whenUnset("`./routes`, else the jar's own copy");
    static final Setting<String> LOG_FORMAT = Setting.of(OPERATIONS, "", "LOG_FORMAT",
            SettingTypes.<String>parsed("text or json", value -> {
                if (!Set.of("text", "json").contains(value)) {
                    throw new IllegalArgumentException();
                }
                return value;
            }),
            "`text`, or `json` for JSON lines (logstash format) that log shippers read; anything else stops the "
                    + "start. Logback reads it as it starts, before application.properties. E-mail addresses and "
                    + "phone numbers are masked in both.")
            .defaultValue("text");

    // ---- HTTP server

    static final Setting<Integer> SERVER_PORT = Setting.of(HTTP, "camel.server.port", "SERVER_PORT", port(),
            "HTTP port of the webhook (and of the admin API and status page).")
            .defaultValue("8080");
    static final Setting<Duration> HTTP_IDLE_TIMEOUT = Setting.of(HTTP, "server.idle-timeout-seconds",
            "HTTP_IDLE_TIMEOUT_SECONDS", SECONDS_UP_TO_A_DAY.map(Duration::ofSeconds),
            "A connection that sends and receives nothing for this long is closed (seconds). Longer than the 60 s "
                    + "that load balancers and proxies commonly keep idle connections to a backend, so that they "
                    + "close theirs first.")
            .defaultValue("65");
    static final Setting<Duration> HTTP_REQUEST_TIMEOUT = Setting.of(HTTP, "server.request-timeout-seconds",
            "HTTP_REQUEST_TIMEOUT_SECONDS",
            between(1, 3_600, "from 1 to 3600 (an hour): seconds").map(Duration::ofSeconds),
            "How long a client may take to send a request (seconds), on every path: its headers, from the moment it "
                    + "connects (else the connection is closed), and its body, from its headers (else it is "
                    + "answered `408` and disconnected).")
            .defaultValue("30");

    // ---- Connector

    static final Setting<Path> DATA_DIR = Setting.of(CONNECTOR, "connector.data-dir", "DATA_DIR",
            parsed("a folder path", Path::of),
            "Where the embedded journal (H2 file database) and the generated webhook token live; one connector per "
                    + "folder (a second start says \"another connector is using\" it and stops).")
            .defaultValue("./data");
    static final Setting<URI> PUBLIC_BASE_URL = Setting.of(CONNECTOR, "connector.public-base-url", "PUBLIC_BASE_URL",
            httpUrl(),
            "The address Flatchr reaches this connector at (http or https URL), used to print the webhook URL to "
                    + "paste in Flatchr and to link alerts to the status page. The shipped proxy (deploy/nginx) lets "
                    + "only `/webhooks/` through, so those links answer `404` until it lets operators reach "
                    + "`/admin/` (see docs/deployment.md, \"Reaching the status page\").")
            .whenUnset("`http://localhost:<SERVER_PORT>`").example("https://hr-hooks.acme.fr");
    static final Setting<ZoneId> TIMEZONE = Setting.of(CONNECTOR, "connector.timezone", "CONNECTOR_TIMEZONE",
            parsed("a time zone such as Europe/Paris", ZoneId::of),
            "Zone of the days the connector dates itself: the day a hire last entered the queue (its start day "
                    + "when Flatchr gives none), the day of an outcome written back on Flatchr, the days of the hires "
                    + "list. Flatchr's own dates (a vacancy's start and end) are read as Europe/Paris days, whatever "
                    + "this zone is.")
            .defaultValue("Europe/Paris").tenantKey("timezone");
    static final Setting<String> PHONE_REGION = Setting.of(CONNECTOR, "connector.phone-region",
            "CANDIDATE_PHONE_REGION", parsed(PhoneNormalizer.REGION_EXPECTED, PhoneNormalizer::region),
            "Country (two-letter ISO 3166 code) in which a candidate's phone number written without a country code "
                    + "is read: Flatchr's phone field is free text, and `079 123 45 67` is Swiss (`+41791234567`) "
                    + "only when read in `CH`. A number with its country code (`+41 ...`) is read as written. With "
                    + "`FR`, a number that is no mainland French one is read as of France's overseas departments.")
            .defaultValue("FR").tenantKey("phoneRegion").example("CH");

    // ---- Flatchr webhook

    static final Setting<String> WEBHOOK_TOKEN = Setting.of(WEBHOOK, "flatchr.webhook-token", "FLATCHR_WEBHOOK_TOKEN",
            SettingTypes.webhookToken(),
            "Secret carried in the webhook URL (Flatchr can send neither a header nor a signature), 16 characters "
                    + "at least: letters, digits and `. _ ~ -`, which a URL carries as they are.")
            .whenUnset("generated on first start and kept in `DATA_DIR/webhook-token` (never logged); refused with "
                    + "`JOURNAL_JDBC_URL` while there is a default tenant, as each instance would generate its own")
            .tenantKey("webhookToken").asSecret();
    static final Setting<Set<String>> TRIGGER_COLUMNS = Setting.of(WEBHOOK, "flatchr.trigger-columns",
            "FLATCHR_TRIGGER_COLUMNS", Setting.Type.accepting("column titles or the webhook's column ids, "
                    + "comma-separated", Settings::triggerColumns),
            "Columns (titles, or the webhook's numeric column ids, comma-separated) whose arrival sends a candidate "
                    + "to Lucca, besides any column Flatchr marks as hired, whose arrival always does (the candidate "
                    + "dragged on into it is the same hire, not a second one). List the trigger column and every later column that Flatchr does not mark as hired: "
                    + "a drag into a column neither listed nor marked hired counts as a move out of hired (a hire not "
                    + "yet in Lucca is withdrawn, one in Lucca waits for a person's decision), as the webhook names only "
                    + "the column the candidate went to, not the one they left. With Flatchr's API, name each by its title: the API does not show the webhook's "
                    + "column ids, the webhook does not carry the ids the API lists, and a search of it that cannot "
                    + "find a trigger column by its title fails (outcome columns-unknown) rather than guess.")
            .whenUnset("any column that Flatchr marks as hired").tenantKey("triggerColumns").example("Hired,Offer signed");
    static final Setting<String> DEPARTMENT_POINTER = Setting.of(WEBHOOK, "flatchr.department-pointer",
            "FLATCHR_DEPARTMENT_POINTER", parsed("a JSON pointer", pointer -> JsonPointer.compile(pointer).toString()),
            "JSON pointer into the webhook body where the department may be found: a name, an object's `title` "
                    + "(else its `name`), or a list of either. Flatchr's vacancy has no department field; its folder "
                    + "tags, `/data/vacancy/tags` (objects with a `title`), are a common source. Something there of "
                    + "which no name can be read is a warning on the hire.")
            .whenUnset("no department is read from the event: `LUCCA_DEPARTMENT_ID`, or Lucca's own default, applies")
            .example("/data/vacancy/tags");
    static final Setting<Integer> MAX_BODY_BYTES = Setting.of(WEBHOOK, "flatchr.max-body-bytes",
            "FLATCHR_MAX_BODY_BYTES", between(1_024, 16_777_216, "from 1024 to 16777216 (16 MiB): bytes")
                    .map(Math::toIntExact),
            "Largest webhook (and preview) body accepted (bytes); a hire is a few kilobytes. A larger one is refused "
                    + "from its `Content-Length`, before it is read: the HTTP server's own limit is this one.")
            .defaultValue("1048576");

    // ---- Flatchr API

    static final Setting<String> FLATCHR_API_KEY = Setting.of(FLATCHR_API, "flatchr.api-key", "FLATCHR_API_KEY",
            problemOr("printable ASCII without spaces", ApiKeys::problem),
            "The API key made on Flatchr's Settings > Advanced > API page, with which the connector asks Flatchr "
                    + "for the hires whose webhook never came (reconciliation) and writes each outcome back to the "
                    + "candidate. Never logged. It expires 365 days after it was made (Flatchr warns its admins 15 "
                    + "days before): put a new one in before. The default tenant's own: a tenant of `TENANTS_FILE` "
                    + "never inherits it, and with a file but no default tenant it is refused.")
            .whenUnset("no reconciliation, no write-back").tenantKey("flatchr.apiKey").asSecret();
    static final Setting<String> FLATCHR_COMPANY_KEY = Setting.of(FLATCHR_API, "flatchr.company-key",
            "FLATCHR_COMPANY_KEY", problemOr("8 to 64 letters and digits", FlatchrApi::companyKeyProblem),
            "The encoded company key shown on the same page, which every API path carries: 8 to 64 letters and "
                    + "digits (not the webhook's numeric `company_id`). Required with the key, refused without it; "
                    + "never inherited, and no tenant of the file may use it too.")
            // masked in the start-up summary like the key: it names the customer, in every API path
            .tenantKey("flatchr.companyKey").example("Wy3EOp2NP3p1KMq8").asSecret();
    static final Setting<String> FLATCHR_COMPANY_ID = Setting.of(FLATCHR_API, "flatchr.company-id",
            "FLATCHR_COMPANY_ID", problemOr("a whole number such as 4242", TenantSettings::companyIdProblem),
            "The numeric `company_id` Flatchr's webhooks carry for the company `FLATCHR_COMPANY_KEY` names: the "
                    + "default tenant then takes that company's hires only, and refuses another company's webhook "
                    + "(`403`, recorded as another company's) as a tenant of `TENANTS_FILE` does for a company it does "
                    + "not list. Required with the key: Flatchr's API is that one company's, where another's hires "
                    + "would never be searched for, and their outcomes never found. No tenant of the file may list it "
                    + "too.")
            .whenUnset("the default tenant takes any company's webhooks (refused with `FLATCHR_API_KEY`)")
            .tenantKey("flatchrCompanyIds").example("4242");
    static final Setting<URI> FLATCHR_API_BASE_URL = Setting.of(FLATCHR_API, "flatchr.api-base-url",
            "FLATCHR_API_BASE_URL", httpUrl(),
            "Where Flatchr's API answers, an http or https URL with a host (Flatchr also has a demo host, "
                    + "`https://api.demo.flatchr.io`).")
            .defaultValue(FlatchrApi.DEFAULT_BASE_URL.toString()).tenantKey("flatchr.apiBaseUrl");
    static final Setting<Duration> FLATCHR_RECONCILE_INTERVAL = Setting.of(FLATCHR_API,
            "flatchr.reconcile-interval-seconds", "FLATCHR_RECONCILE_INTERVAL_SECONDS",
            zeroOrBetween(FlatchrApi.MIN_RECONCILE_INTERVAL_SECONDS, FlatchrApi.MAX_RECONCILE_INTERVAL_SECONDS,
                    FlatchrApi.RECONCILE_INTERVAL_RANGE).map(Duration::ofSeconds),
            "How often Flatchr is asked for hires (seconds, from 60 to 604800: a week; each run searches every "
                    + "candidate changed since the day before, in one answer); `0`: never, the key then only serves "
                    + "the write-back.")
            .defaultValue(String.valueOf(FlatchrApi.DEFAULT_RECONCILE_INTERVAL.getSeconds()))
            .tenantKey("flatchr.reconcileIntervalSeconds");
    static final Setting<Duration> FLATCHR_RECONCILE_LOOKBACK = Setting.of(FLATCHR_API,
            "flatchr.reconcile-lookback-days", "FLATCHR_RECONCILE_LOOKBACK_DAYS",
            between(1, FlatchrApi.MAX_RECONCILE_LOOKBACK_DAYS, "a number of days from 1 to "
                    + FlatchrApi.MAX_RECONCILE_LOOKBACK_DAYS).map(Duration::ofDays),
            "How far back the first search after install looks (days, 1 to 365), from its first try: tries that "
                    + "fail (a wrong key) keep that window until one succeeds; later ones start the day before the "
                    + "last successful one.")
            .defaultValue(String.valueOf(FlatchrApi.DEFAULT_RECONCILE_LOOKBACK.toDays()))
            .tenantKey("flatchr.reconcileLookbackDays");
    static final Setting<String> FLATCHR_RESULT_TAG = Setting.of(FLATCHR_API, "flatchr.result-tag",
            "FLATCHR_RESULT_TAG", text(),
            "Title or id of a candidate tag (a free-text, creatable one, not multiple) that receives each hire's "
                    + "outcome for the recruiter, such as \"Lucca: created #416 jdupont, starts 2027-01-04\". Set only with the key; "
                    + "never inherited.")
            .whenUnset("nothing is written to Flatchr").tenantKey("flatchr.resultTag").example("Lucca");

    // ---- Lucca

    static final Setting<URI> LUCCA_BASE_URL = Setting.of(LUCCA, "lucca.base-url", "LUCCA_BASE_URL",
            httpUrl(),
            "Full base URL of the Lucca instance: a production (`.ilucca.net`), test (`.ilucca-test.net`), Swiss "
                    + "(`.ilucca.ch`) or sandbox one. Set it or `LUCCA_INSTANCE`, not both; neither: dry-run, "
                    + "nothing is sent to Lucca.")
            .tenantKey("lucca.baseUrl").example("https://acme.ilucca.net");
    static final Setting<URI> LUCCA_INSTANCE = Setting.of(LUCCA, "lucca.instance", "LUCCA_INSTANCE",
            Setting.Type.accepting("an instance name: letters, digits and '-'",
                    text -> LuccaLocation.instance(text, "LUCCA_BASE_URL")),
            "Short instance name, as Lucca and Flatchr ask for it: `acme` means `https://acme.ilucca.net`.")
            .tenantKey("lucca.instance").example("acme");
    static final Setting<String> LUCCA_API_KEY = Setting.of(LUCCA, "lucca.api-key", "LUCCA_API_KEY",
            problemOr("printable ASCII without spaces", ApiKeys::problem),
            "The API key (a GUID) created in Lucca for this connector. Required when Lucca is configured, refused "
                    + "without one. Never logged.")
            .tenantKey("lucca.apiKey").asSecret();
    static final Setting<ZoneId> LUCCA_TIMEZONE = Setting.of(LUCCA, "lucca.timezone", "LUCCA_TIMEZONE",
            parsed("a time zone such as Europe/Paris", ZoneId::of),
            "The zone of the Lucca instance's clock: its v3 date-times (a person's `modifiedAt`) carry no offset, "
                    + "and the people directory asks who changed since its last read in that time. Europe/Paris for "
                    + "Lucca's French instances; a wrong zone makes it miss the people changed between two reads "
                    + "(up to the zones' difference), and create them again.")
            // no default value here: one would be "set" for a tenants file alone, which this setting of the default tenant's
            // own is refused with (ConnectorSettings.onlyWithTheDefaultTenant); an unset zone is TenantEntry's
            .whenUnset("Europe/Paris").tenantKey("lucca.timezone").example("Europe/London");
    static final Setting<Integer> LEGAL_ENTITY_ID = Setting.of(LUCCA, "lucca.legal-entity-id", "LUCCA_LEGAL_ENTITY_ID",
            positiveInt(), "Establishment (`legalEntityId`) of every new user.")
            .whenUnset("left out: Lucca's own default (Employees > Configuration > Default values) applies")
            .tenantKey("defaults.legalEntityId");
    static final Setting<Integer> DEPARTMENT_ID = Setting.of(LUCCA, "lucca.department-id", "LUCCA_DEPARTMENT_ID",
            positiveInt(), "Department of a new user when none is matched by name. Checked against Lucca's "
                    + "departments once the connector holds their list: one Lucca does not list stops the hires that "
                    + "fall back to it (dead, nothing sent, replayable once fixed), and is shown in health, the "
                    + "status page and an alert.")
            .whenUnset("left out: Lucca's own default applies").tenantKey("defaults.departmentId");
    static final Setting<Integer> ROLE_ID = Setting.of(LUCCA, "lucca.role-id", "LUCCA_ROLE_ID", positiveInt(),
            "Main role (`rolePrincipalId`) of every new user.")
            .whenUnset("left out: Lucca's own default applies").tenantKey("defaults.roleId");
    static final Setting<DepartmentTable> DEPARTMENTS = Setting.of(LUCCA, "lucca.departments", "LUCCA_DEPARTMENTS",
            parsed("a department table such as 'Service IT=12;Marketing=13'", DepartmentTable::parse),
            "Explicit department names to Lucca department ids, used when a name matches no Lucca department by "
                    + "itself.")
            .tenantKey("departments").example("Service IT=12;Marketing=13");
    static final Setting<Duration> DEPARTMENT_CACHE = Setting.of(LUCCA, "lucca.department-cache-minutes",
            "LUCCA_DEPARTMENT_CACHE_MINUTES", between(1, 10_080, "from 1 to 10080 (a week): minutes")
                    .map(Duration::ofMinutes),
            "How long Lucca's department list is kept before it is read again (minutes).")
            .defaultValue("60");
    static final Setting<WorkEmailPattern> WORK_EMAIL_PATTERN = Setting.of(LUCCA, "lucca.work-email-pattern",
            "LUCCA_WORK_EMAIL_PATTERN",
            parsed("an e-mail pattern such as {firstname}.{lastname}@acme.fr", WorkEmailPattern::parse),
            "Builds the work e-mail (`{initial}` also works), parts transliterated like the login, placeholders only "
                    + "before the `@`; it must make an address (one `@`, a domain with a dot, no space), as tried at "
                    + "start on a sample name. Someone in Lucca with that address is taken for the candidate only when "
                    + "Lucca has the candidate's own e-mail as their personal e-mail, or as that address (an internal "
                    + "candidate); otherwise (a namesake, or the same person without it) the hire is dead at once, for a "
                    + "person to decide.")
            .whenUnset("the candidate's own e-mail is sent as mail (Flatchr knows no work address)")
            .tenantKey("workEmailPattern").example("{firstname}.{lastname}@acme.fr");
    static final Setting<LoginRule> LOGIN_RULE = Setting.of(LUCCA, "lucca.login-rule", "LUCCA_LOGIN_RULE",
            parsed("a login rule", LoginRule::parse),
            "Login rule: `initial-lastname` (Lucca's default), `firstname.lastname`, or `email`. A login is at most "
                    + "100 characters (Lucca documents no limit: the connector's cap), cut before its number. An "
                    + "`email` login is never numbered: someone Lucca has with the hire's address as their login is "
                    + "looked up and taken as found by e-mail.")
            .defaultValue("initial-lastname").tenantKey("login");
    static final Setting<ContractTypeTable> CONTRACT_TYPES = Setting.of(LUCCA, "lucca.contract-types",
            "LUCCA_CONTRACT_TYPES", parsed("a contract type table such as '1:21,2:22'", ContractTypeTable::parse),
            "Flatchr `contract_type_id` (a number from 1, without leading zeros, as the webhook sends it) to Lucca "
                    + "work-contract `typeId`. Unmapped types are left to Lucca's default template, with a warning on the "
                    + "hire.")
            .tenantKey("contractTypes").example("1:21,2:22");
    static final Setting<RehirePolicy> REHIRE = Setting.of(LUCCA, "lucca.rehire", "LUCCA_REHIRE",
            parsed(RehirePolicy.EXPECTED, RehirePolicy::parse),
            "A hire whose e-mail is a former employee's in Lucca (no contract on the start day): `contract` gives "
                    + "the same person a new work contract (they can log in again, one history); `report` writes "
                    + "nothing and reports the hire as already in Lucca, for a person to decide (the team's chat "
                    + "told once, naming the Lucca user).")
            .defaultValue("contract").tenantKey("rehire");
    static final Setting<Integer> RATE_LIMIT_REQUESTS = Setting.of(LUCCA, "lucca.rate-limit.requests",
            "LUCCA_RATE_LIMIT_REQUESTS", positiveInt(),
            "Client-side limit on every call to this Lucca instance: calls per window. Lucca allows 50 per 60 s, "
                    + "shared by all the customer's integrations: lower it if other integrations need part of that "
                    + "budget.")
            .defaultValue("50").tenantKey("lucca.rateLimit.requests");
    static final Setting<Duration> RATE_LIMIT_WINDOW = Setting.of(LUCCA, "lucca.rate-limit.window-seconds",
            "LUCCA_RATE_LIMIT_WINDOW_SECONDS", between(1, 3_600, "from 1 to 3600 (an hour): seconds")
                    .map(Duration::ofSeconds),
            "The window of that limit (seconds).")
            .defaultValue("60").tenantKey("lucca.rateLimit.windowSeconds");
    static final Setting<Long> LUCCA_TIMEOUT = Setting.of(LUCCA, "lucca.timeout-ms", "LUCCA_TIMEOUT_MS",
            between(100, 120_000, "from 100 to 120000 (two minutes): ms"),
            "Connect and response timeout of one Lucca call (ms), and of one call to Flatchr's API. Lucca answers "
                    + "`408` itself after 5 s; give the network a little more before calling it lost. A call whose "
                    + "answer is not in whole within twice this is cut. Read by the routes.")
            .defaultValue("10000");

    // ---- Tenants

    static final Setting<Path> TENANTS_FILE = Setting.of(TENANTS, "tenants.file", "TENANTS_FILE",
            parsed("a file path", Path::of),
            "A YAML file listing tenants, each with its Flatchr companies, webhook token, Lucca, key, defaults and "
                    + "tables (see docs/tenants.md), served at `/webhooks/flatchr/<id>`. With a file, the default "
                    + "tenant is kept only when `FLATCHR_WEBHOOK_TOKEN` or a Lucca (`LUCCA_BASE_URL` / "
                    + "`LUCCA_INSTANCE`) is set, so that its Flatchr URL keeps working.")
            .whenUnset("one tenant, `default`, made of the settings above, at `/webhooks/flatchr`")
            .example("/etc/flatchr-lucca/tenants.yaml");
    static final Setting<Long> TENANTS_RELOAD_INTERVAL = Setting.of(TENANTS, "tenants.reload-interval-ms",
            "TENANTS_RELOAD_INTERVAL_MS", PERIOD_MILLIS,
            "How often the tenants file (and the secret files it refers to) is read again (ms); a change takes "
                    + "effect without a restart once two checks in a row have read it the same (a file read half "
                    + "written is never put in force), an invalid file is refused and the previous configuration "
                    + "stays in force. Read by the routes.")
            .defaultValue("5000");

    // ---- Journal

    static final Setting<String> JOURNAL_JDBC_URL = Setting.of(JOURNAL, "journal.jdbc-url", "JOURNAL_JDBC_URL",
            Setting.Type.accepting("a PostgreSQL JDBC URL (`jdbc:postgresql:...`)", SettingTypes::postgresqlUrl),
            "A PostgreSQL URL: one journal shared by any number of instances, which then claim hires one at a time "
                    + "and share the Lucca rate limit (see docs/several-instances.md).")
            .whenUnset("the embedded H2 journal in `DATA_DIR`, for one instance")
            // masked in the start-up summary: a JDBC URL may carry the password (?password=...)
            .example("jdbc:postgresql://db:5432/flatchr_lucca").asSecret();
    static final Setting<String> JOURNAL_USER = Setting.of(JOURNAL, "journal.user", "JOURNAL_USER", text(),
            "The PostgreSQL user; set only with `JOURNAL_JDBC_URL`.");
    static final Setting<String> JOURNAL_PASSWORD = Setting.of(JOURNAL, "journal.password", "JOURNAL_PASSWORD",
            text(), "The PostgreSQL password; set only with `JOURNAL_JDBC_URL`. Never logged.").asSecret();
    static final Setting<Duration> SHUTDOWN_DRAIN = Setting.of(JOURNAL, "shutdown.drain-seconds",
            "SHUTDOWN_DRAIN_SECONDS",
            between(0, 300, "from 0 to 300 (five minutes): seconds").map(Duration::ofSeconds),
            "On SIGTERM, how long an instance keeps accepting webhooks after it turned unready, while the load "
                    + "balancer moves traffic away (seconds).")
            .whenUnset("`5` with a PostgreSQL journal (several instances behind a balancer), `0` with the embedded "
                    + "one (a single instance stops at once)");
    static final Setting<Long> SHUTDOWN_TIMEOUT = Setting.of(JOURNAL, "camel.main.shutdown-timeout",
            "CAMEL_MAIN_SHUTDOWNTIMEOUT", between(1, 300, "from 1 to 300 (five minutes): seconds"),
            "On stop, after the drain, how long in-flight work (a Lucca call, an alert waiting for its next try) has "
                    + "to finish before Camel stops it (seconds); an unfinished hire stays in the journal and is "
                    + "delivered after the restart. Camel's own setting, which Camel Main reads. The deployment files "
                    + "give a connector 30 s to stop (compose's `stop_grace_period`, Kubernetes' "
                    + "`terminationGracePeriodSeconds`, systemd's `TimeoutStopSec`), for `SHUTDOWN_DRAIN_SECONDS` and "
                    + "this together: raise theirs with it, else the process is killed before it has given back "
                    + "what it holds. Camel Main reads the variable itself too: set blank, it is refused, not "
                    + "taken as unset; and a timeout it would take from another spelling "
                    + "(`CAMEL_MAIN_SHUTDOWN_TIMEOUT`, unchecked) stops the start.")
            .defaultValue("15");

    // ---- Delivery and retries

    static final Setting<Duration> RETRY_INITIAL_DELAY = Setting.of(DELIVERY, "retry.initial-delay-ms",
            "RETRY_INITIAL_DELAY_MS", MILLIS_UP_TO_A_DAY.map(Duration::ofMillis),
            "First retry delay after a transient failure (ms), then doubled each attempt with +-20% jitter; also the "
                    + "first pause of every call to a Flatchr company that failed without a Retry-After.")
            .defaultValue("5000");
    static final Setting<Duration> RETRY_MAX_DELAY = Setting.of(DELIVERY, "retry.max-delay-ms", "RETRY_MAX_DELAY_MS",
            MILLIS_UP_TO_A_DAY.map(Duration::ofMillis),
            "Longest wait between two attempts (ms), at least `RETRY_INITIAL_DELAY_MS`.")
            .defaultValue("1800000");
    static final Setting<Duration> RETRY_MAX_AGE = Setting.of(DELIVERY, "retry.max-age-hours", "RETRY_MAX_AGE_HOURS",
            between(1, 8_760, "from 1 to 8760 (a year): hours").map(Duration::ofHours),
            "How long a hire keeps being retried after it entered the queue (its arrival, its replay), or after its "
                    + "hold (HIRE_HOLD_SECONDS) ended (hours); then it is dead (and replayable). "
                    + "Longer than RETRY_INITIAL_DELAY_MS and RETRY_KEY_REJECTED_DELAY_MS.")
            .defaultValue("24");
    static final Setting<Duration> KEY_REJECTED_DELAY = Setting.of(DELIVERY, "retry.key-rejected-delay-ms",
            "RETRY_KEY_REJECTED_DELAY_MS", MILLIS_UP_TO_A_DAY.map(Duration::ofMillis),
            "While Lucca rejects the API key (`401`/`403`) hires wait at least this long before they try again "
                    + "(ms); longer as their attempts grow, and past `RETRY_MAX_AGE_HOURS` they are dead like any "
                    + "failed hire.")
            .defaultValue("60000");
    static final Setting<Long> DELIVERY_POLL_INTERVAL = Setting.of(DELIVERY, "delivery.poll-interval-ms",
            "DELIVERY_POLL_INTERVAL_MS", between(10, 3_600_000, "from 10 to 3600000 (an hour): ms"),
            "How often the journal is asked for hires that are due (retries, hires left by a restart) (ms); a new "
                    + "hire does not wait for it: the webhook starts a delivery round as soon as the hire is "
                    + "recorded. Read by the routes.")
            .defaultValue("250");
    static final Setting<Duration> HIRE_HOLD = Setting.of(DELIVERY, "delivery.hire-hold-seconds", "HIRE_HOLD_SECONDS",
            between(0, TenantSettings.MAX_HIRE_HOLD_SECONDS, "from 0 (no hold) to "
                    + TenantSettings.MAX_HIRE_HOLD_SECONDS + " (a day): seconds").map(Duration::ofSeconds),
            "How long a hire waits before its first delivery (seconds, 0 to 86400): a candidate dragged into hired "
                    + "by mistake and moved out again within it never reaches Lucca, provided Flatchr's webhook "
                    + "covers every column, not only the hired one (it then sends the move out). The status page shows \"held "
                    + "until\"; an operator's \"deliver now\" or a replay does not wait.")
            .defaultValue("0").tenantKey("hireHoldSeconds");
    static final Setting<Long> BATCH_SIZE = Setting.of(DELIVERY, "delivery.batch-size", "DELIVERY_BATCH_SIZE",
            between(1, 1_000, "from 1 to 1000: hires"),
            "Most due hires looked at per round; each is claimed just before it is delivered. Read by the routes.")
            .defaultValue("20");
    static final Setting<Duration> LEASE = Setting.of(DELIVERY, "delivery.lease-seconds", "DELIVERY_LEASE_SECONDS",
            SECONDS_UP_TO_A_DAY.map(Duration::ofSeconds),
            "A claim not renewed for this long (seconds) is considered abandoned (its instance died) and the hire "
                    + "is taken again. Renewed before every Lucca call, and every third of it while a call waits for "
                    + "its turn in the rate limit (a 429's Retry-After, a full window, up to an hour), so it only needs "
                    + "to outlast one call: at least two seconds longer than twice `LUCCA_TIMEOUT_MS` (the call's "
                    + "connection and its answer; the commit that renews the claim; up to a second by which two "
                    + "instances' times may differ). A call is sent only while the claim renewed for it covers its "
                    + "whole length and that second: one whose commit ate the rest is held back (so that no other "
                    + "instance takes the hire over while its create is on its way), a failed attempt retried with "
                    + "backoff.")
            .defaultValue("180");

    // ---- Operations

    static final Setting<Integer> MANAGEMENT_PORT = Setting.of(OPERATIONS, "camel.management.port", "MANAGEMENT_PORT",
            port(),
            "Port of health (`/observe/health`) and Prometheus metrics (`/observe/metrics`). On the webhook's port "
                    + "the metrics (whose labels name every tenant) need `Authorization: Bearer <ADMIN_TOKEN>`, and "
                    + "health details count tenants without naming them; on a port of their own, kept off the "
                    + "internet, both are open and name each tenant (see docs/operations.md).")
            .whenUnset("`SERVER_PORT`").unsetAs(SERVER_PORT);
    static final Setting<String> ADMIN_TOKEN = Setting.of(OPERATIONS, "admin.token", "ADMIN_TOKEN", adminToken(),
            "Bearer token of `/admin/api/*` (which the status page calls), for every tenant, and, on the webhook's "
                    + "port, of `/observe/metrics`; 16 characters at least, and no other token of the connector "
                    + "(webhook, tenant) may be the same.")
            .whenUnset("the admin API and status page answer `404` (unless a tenant has its own `adminToken`)")
            .tenantKey("adminToken").asSecret();
    static final Setting<URI> ALERT_WEBHOOK_URL = Setting.of(OPERATIONS, "alert.webhook-url", "ALERT_WEBHOOK_URL",
            SettingTypes.secretHttpUrl(),
            "Incoming-webhook URL of the team's chat (Slack or Mattermost): told when a hire goes dead, when Lucca "
                    + "rejects the API key, and when the oldest queued hire waits too long. A secret: never logged.")
            .whenUnset("no alerts").asSecret();
    static final Setting<Duration> ALERT_QUEUE_AGE = Setting.of(OPERATIONS, "alert.queue-age-seconds",
            "ALERT_QUEUE_AGE_SECONDS",
            between(1, 604_800, "from 1 to 604800 (a week): seconds").map(Duration::ofSeconds),
            "How long the oldest queued hire may wait for Lucca before someone is told, and the status page shows "
                    + "it late (seconds; a held hire waits from the end of its hold).")
            .defaultValue("3600");
    static final Setting<Long> ALERT_CHECK_INTERVAL = Setting.of(OPERATIONS, "alert.check-interval-ms",
            "ALERT_CHECK_INTERVAL_MS", PERIOD_MILLIS,
            "How often the queue's age is looked at, the count of a burst of dead or rejected hires sent once its "
                    + "minute is over, and that of a tenant's webhooks refused for their token once their hour is "
                    + "over (ms). Read by the routes.")
            .defaultValue("60000");
    static final Setting<Long> ALERT_RETRY_DELAY = Setting.of(OPERATIONS, "alert.retry-delay-ms",
            "ALERT_RETRY_DELAY_MS", between(1, 60_000, "from 1 to 60000 (a minute): ms"),
            "How long an alert the chat refused (`429`, `408`, `5xx`) or did not answer waits before it is sent "
                    + "again (ms); three more tries, each wait twice the last (at most a minute), or as long as the "
                    + "chat's `Retry-After` asks, up to a minute; then it is logged and lost. Read by the routes.")
            .defaultValue("2000");
    static final Setting<Duration> RETENTION = Setting.of(OPERATIONS, "retention.days", "RETENTION_DAYS",
            between(0, 36_500, "from 0 to 36500 (a hundred years): days").map(Duration::ofDays),
            "GDPR: days a finished hire keeps the candidate's data (payload, Lucca request and answers, the key "
                    + "made of the e-mail), and longer while its outcome is still being written back to Flatchr; ids, "
                    + "statuses and times are kept so that counts stay right.")
            .defaultValue("90");
    static final Setting<Long> RETENTION_CHECK_INTERVAL = Setting.of(OPERATIONS, "retention.check-interval-ms",
            "RETENTION_CHECK_INTERVAL_MS", PERIOD_MILLIS,
            "How often data past retention is erased (ms). Read by the routes.")
            .defaultValue("3600000");

    /**
     * Every setting, in the order application.properties gives them (those read before it, environment only, at
     * the end of their group) and docs/settings.md shows them, group by group.
     */
    static final List<Setting<?>> ALL = List.of(
            SERVER_PORT, HTTP_IDLE_TIMEOUT, HTTP_REQUEST_TIMEOUT,
            DATA_DIR, PUBLIC_BASE_URL, TIMEZONE, PHONE_REGION, CONFIG_FILE, ROUTES_DIR,
            WEBHOOK_TOKEN, TRIGGER_COLUMNS, DEPARTMENT_POINTER, MAX_BODY_BYTES,
            FLATCHR_API_KEY, FLATCHR_COMPANY_KEY, FLATCHR_COMPANY_ID, FLATCHR_API_BASE_URL, FLATCHR_RECONCILE_INTERVAL,
            FLATCHR_RECONCILE_LOOKBACK, FLATCHR_RESULT_TAG,
            LUCCA_BASE_URL, LUCCA_INSTANCE, LUCCA_API_KEY, LUCCA_TIMEZONE, LEGAL_ENTITY_ID, DEPARTMENT_ID, ROLE_ID,
            DEPARTMENTS, DEPARTMENT_CACHE, WORK_EMAIL_PATTERN, LOGIN_RULE, CONTRACT_TYPES, REHIRE, RATE_LIMIT_REQUESTS,
            RATE_LIMIT_WINDOW, LUCCA_TIMEOUT,
            TENANTS_FILE, TENANTS_RELOAD_INTERVAL,
            JOURNAL_JDBC_URL, JOURNAL_USER, JOURNAL_PASSWORD, SHUTDOWN_DRAIN, SHUTDOWN_TIMEOUT,
            RETRY_INITIAL_DELAY, RETRY_MAX_DELAY, RETRY_MAX_AGE, KEY_REJECTED_DELAY, DELIVERY_POLL_INTERVAL, HIRE_HOLD,
            BATCH_SIZE, LEASE,
            MANAGEMENT_PORT, ADMIN_TOKEN, ALERT_WEBHOOK_URL, ALERT_QUEUE_AGE, ALERT_CHECK_INTERVAL, ALERT_RETRY_DELAY,
            RETENTION, RETENTION_CHECK_INTERVAL, LOG_FORMAT);

    /** The settings application.properties holds: all but those read before it. */
    static List<Setting<?>> inProperties() {
        return ALL.stream().filter(setting -> !setting.environmentOnly()).toList();
    }

    /**
     * What the start-up log says of the settings: each one set to other than its default, by its variable, a
     * secret masked; the others have their defaults, which docs/settings.md lists.
     */
    static String summary(Function<String, Optional<String>> properties) {
        String changed = inProperties().stream()
                .flatMap(setting -> properties.apply(setting.key()).map(String::strip)
                        .filter(value -> !value.isEmpty() && !value.equals(unsetValue(setting, properties)))
                        .map(value -> setting.env() + "=" + setting.shown(value)).stream())
                .collect(Collectors.joining(", "));
        return changed.isEmpty() ? "every setting has its default" : changed + "; every other setting has its default";
    }

    /**
     * What a setting is when unset: its default, else what the setting it is unset as is (MANAGEMENT_PORT is
     * SERVER_PORT's, which the properties give it when unset: not a change to tell).
     */
    private static String unsetValue(Setting<?> setting, Function<String, Optional<String>> properties) {
        if (!setting.defaultValue().isEmpty()) {
            return setting.defaultValue();
        }
        return setting.unsetAs().map(other -> properties.apply(other.key()).map(String::strip)
                .filter(value -> !value.isEmpty()).orElseGet(() -> unsetValue(other, properties))).orElse("");
    }

    private static Set<String> triggerColumns(String text) {
        // a tenant's triggerColumns follow the same rule: neither accepts what the other refuses
        TenantSettings.triggerColumnsProblem(text, "separate the columns with commas").ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Set<String> columns = Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(column -> !column.isEmpty())
                .map(column -> column.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        // set, yet naming nothing (" , "): taken as unset, it would widen to every hired column
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("lists no column");
        }
        return columns;
    }

    /** The text, unless {@code problemOf} finds it wrong: then the problem, which never quotes a secret. */
    private static Setting.Type<String> problemOr(String accepts, Function<String, Optional<String>> problemOf) {
        return Setting.Type.accepting(accepts, text -> {
            problemOf.apply(text).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            return text;
        });
    }
}
