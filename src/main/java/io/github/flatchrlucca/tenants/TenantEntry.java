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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One item of the tenants list, read into the settings of that tenant; rules that span tenants are the file's. */
final class TenantEntry {

    private static final List<String> KEYS = List.of("id", "flatchrCompanyIds", "webhookToken", "triggerColumns",
            "lucca", "defaults", "departments", "contractTypes", "login", "workEmailPattern", "timezone", "adminToken");
    private static final List<String> LUCCA_KEYS = List.of("baseUrl", "instance", "apiKey", "rateLimit");
    private static final List<String> RATE_LIMIT_KEYS = List.of("requests", "windowSeconds");
    private static final List<String> DEFAULTS_KEYS = List.of("legalEntityId", "departmentId", "roleId");
    // Lucca instance names are the DNS label before .ilucca.net, as LUCCA_INSTANCE reads them.
    private static final Pattern INSTANCE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final YamlMapping tenant;
    private final SecretReference secrets;
    private final TenantDefaults inherited;

    private TenantEntry(YamlMapping tenant, SecretReference secrets, TenantDefaults inherited) {
        this.tenant = tenant;
        this.secrets = secrets;
        this.inherited = inherited;
    }

    static TenantSettings read(YamlMapping tenant, SecretReference secrets, TenantDefaults inherited) {
        return new TenantEntry(tenant, secrets, inherited).read();
    }

    private TenantSettings read() {
        tenant.allowOnly(KEYS);
        String id = id();
        Set<String> companyIds = Set.copyOf(tenant.texts("flatchrCompanyIds").filter(ids -> !ids.isEmpty())
                .orElseThrow(() -> tenant.invalid("flatchrCompanyIds",
                        "must list the Flatchr company ids whose hires go to this tenant, such as [4242]")));
        WebhookToken token = tenant.check("webhookToken",
                () -> WebhookToken.of(secrets.resolve(tenant.requiredText("webhookToken"))));
        Optional<YamlMapping> lucca = tenant.mapping("lucca");
        lucca.ifPresent(section -> section.allowOnly(LUCCA_KEYS));
        Optional<URI> baseUrl = lucca.flatMap(this::luccaBaseUrl);
        String apiKey = lucca.map(section -> apiKey(section, baseUrl.isPresent())).orElse("");
        Optional<YamlMapping> rateLimit = lucca.flatMap(section -> section.mapping("rateLimit"));
        rateLimit.ifPresent(section -> section.allowOnly(RATE_LIMIT_KEYS));
        Optional<YamlMapping> defaults = tenant.mapping("defaults");
        defaults.ifPresent(section -> section.allowOnly(DEFAULTS_KEYS));
        return new TenantSettings(
                id,
                companyIds,
                token,
                tenant.texts("triggerColumns")
                        .map(columns -> columns.stream().map(column -> column.toLowerCase(Locale.ROOT))
                                .collect(Collectors.toUnmodifiableSet()))
                        .orElse(inherited.triggerColumns()),
                baseUrl,
                apiKey,
                rateLimit.flatMap(section -> section.positiveInt("requests")).orElse(inherited.rateLimitRequests()),
                rateLimit.flatMap(section -> section.positiveInt("windowSeconds")).map(Duration::ofSeconds)
                        .orElse(inherited.rateLimitWindow()),
                defaults.flatMap(section -> section.positiveInt("legalEntityId")).orElse(null),
                defaults.flatMap(section -> section.positiveInt("departmentId")).orElse(null),
                defaults.flatMap(section -> section.positiveInt("roleId")).orElse(null),
                tenant.check("departments", () -> DepartmentTable.of(positiveIds("departments"))),
                tenant.check("contractTypes", () -> ContractTypeTable.of(positiveIds("contractTypes"))),
                tenant.text("login").map(rule -> tenant.check("login", () -> LoginRule.parse(rule)))
                        .orElse(inherited.loginRule()),
                tenant.text("workEmailPattern")
                        .map(pattern -> tenant.check("workEmailPattern", () -> WorkEmailPattern.parse(pattern)))
                        .orElse(null),
                tenant.text("timezone")
                        .map(zone -> tenant.parse("timezone", zone, "a time zone such as Europe/Paris", ZoneId::of))
                        .orElse(inherited.zone()),
                tenant.text("adminToken").map(reference -> tenant.check("adminToken",
                        () -> WebhookToken.of(secrets.resolve(reference)).reveal())));
    }

    private String id() {
        String id = tenant.requiredText("id");
        if (!TenantSettings.ID.matcher(id).matches()) {
            throw tenant.invalid("id", "'" + id + "' is not a tenant id: 1 to 40 lower-case letters, digits and '-', "
                    + "not starting with '-'");
        }
        if (TenantSettings.DEFAULT_ID.equals(id)) {
            throw tenant.invalid("id", "'" + id + "' is the tenant the environment settings describe; choose another id");
        }
        return id;
    }

    /** A full base URL, or the short instance name customers know from Lucca; neither: the tenant runs dry. */
    private Optional<URI> luccaBaseUrl(YamlMapping lucca) {
        Optional<String> baseUrl = lucca.text("baseUrl");
        Optional<String> instance = lucca.text("instance");
        if (baseUrl.isPresent() && instance.isPresent()) {
            throw lucca.invalidHere("gives both baseUrl and instance; keep one");
        }
        if (baseUrl.isPresent()) {
            URI uri = lucca.parse("baseUrl", baseUrl.get(), "a URL", URI::create);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw lucca.invalid("baseUrl", "'" + baseUrl.get() + "' is not an http(s) URL with a host");
            }
            return Optional.of(URI.create(baseUrl.get().replaceAll("/+$", "")));
        }
        return instance.map(written -> {
            String name = written.toLowerCase(Locale.ROOT);
            if (!INSTANCE.matcher(name).matches()) {
                throw lucca.invalid("instance", "'" + written + "' is not an instance name such as 'acme' "
                        + "(for acme.ilucca.net); use lucca.baseUrl for other hosts");
            }
            return URI.create("https://" + name + ".ilucca.net");
        });
    }

    private String apiKey(YamlMapping lucca, boolean luccaGiven) {
        if (luccaGiven) {
            return lucca.check("apiKey", () -> secrets.resolve(lucca.requiredText("apiKey")));
        }
        // a key without a Lucca is a forgotten baseUrl more often than a wish to run dry
        if (lucca.text("apiKey").isPresent()) {
            throw lucca.invalid("apiKey", "is given, but neither lucca.baseUrl nor lucca.instance says where to "
                    + "send it; remove the key to run this tenant dry");
        }
        return "";
    }

    private Map<String, Integer> positiveIds(String key) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        tenant.mapping(key).ifPresent(table -> table.keys().forEach(name -> ids.put(name,
                table.positiveInt(name).orElseThrow(() -> table.invalid(name, "needs a Lucca id")))));
        return ids;
    }
}
