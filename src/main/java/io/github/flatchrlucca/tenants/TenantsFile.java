package io.github.flatchrlucca.tenants;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads TENANTS_FILE: the customers one connector serves, each with its own Flatchr companies, webhook token,
 * Lucca and mapping. The whole file is checked before any of it is used, so a typo stops the (re)load with a
 * message naming the tenant and key rather than sending one customer's hires to another's Lucca; every problem
 * is named at once, so a file is fixed in one go.
 */
public final class TenantsFile {

    private static final List<String> KEYS = List.of("tenants");
    // A tenant with every key and a few comments is one or two KiB: a thousand customers fit. A larger file is a
    // wrong path (a log, a runaway generator), refused before it is read whole, at start and at every reload check;
    // below SnakeYAML's own limit (3 M code points), so that the refusal is this one, naming the setting.
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    private final Path file;
    private final SecretReference secrets;
    private final TenantDefaults inherited;
    private final Map<String, String> environmentTokens;
    private final Optional<TenantSettings> defaultTenant;

    private TenantsFile(Path file, SecretReference secrets, TenantDefaults inherited,
                        Map<String, String> environmentTokens, Optional<TenantSettings> defaultTenant) {
        this.file = file;
        this.secrets = secrets;
        this.inherited = inherited;
        this.environmentTokens = environmentTokens;
        this.defaultTenant = defaultTenant;
    }

    /**
     * Reads and checks the file; relative {@code ${file:...}} secrets are found next to it.
     *
     * @param environment looks an environment variable up for {@code ${env:...}} secrets
     * @param inherited         what a tenant takes from the environment settings when it does not say
     * @param environmentTokens each token the environment settings use, by the setting's name ("ADMIN_TOKEN",
     *                          "FLATCHR_WEBHOOK_TOKEN"): no token of the file may be one of them
     * @param defaultTenant     the default tenant, when it is in force next to the file: no tenant of the file may
     *                          list its company (FLATCHR_COMPANY_ID) nor search its Flatchr API's (FLATCHR_COMPANY_KEY)
     * @throws InvalidTenantsFile when the file cannot be read or is wrong anywhere; it names every problem found
     */
    public static LoadedTenants read(Path file, Function<String, Optional<String>> environment, TenantDefaults inherited,
                                     Map<String, String> environmentTokens, Optional<TenantSettings> defaultTenant) {
        return read(text(file), file, environment, inherited, environmentTokens, defaultTenant);
    }

    /** The file's text, unparsed; InvalidTenantsFile when it cannot be read, or is larger than any tenants take. */
    static String text(Path file) {
        try {
            return CappedTextFile.read(file, MAX_BYTES);
        } catch (CappedTextFile.TooLarge e) {
            throw new Problems(file).fatal("", "is " + e.getMessage() + ", more than a thousand tenants take: is "
                    + "TENANTS_FILE the right path?");
        } catch (IOException e) {
            throw new Problems(file).fatal("", "cannot be read (" + ReadFailure.describe(e) + ")");
        }
    }

    /** The file's text, as read from {@code file}, which names it in messages and locates relative secrets. */
    static LoadedTenants read(String yaml, Path file, Function<String, Optional<String>> environment,
            TenantDefaults inherited, Map<String, String> environmentTokens, Optional<TenantSettings> defaultTenant) {
        return read(yaml, file, secrets(file, environment), inherited, environmentTokens, defaultTenant);
    }

    /** The secrets of {@code file}: relative {@code ${file:...}} paths start next to it. */
    static SecretReference secrets(Path file, Function<String, Optional<String>> environment) {
        return new SecretReference(environment, file.toAbsolutePath().getParent());
    }

    /** The file's text, its secrets resolved by {@code secrets}, which remembers the secret files it read. */
    static LoadedTenants read(String yaml, Path file, SecretReference secrets, TenantDefaults inherited,
                              Map<String, String> environmentTokens, Optional<TenantSettings> defaultTenant) {
        return new TenantsFile(file, secrets, inherited, environmentTokens, defaultTenant).tenants(yaml);
    }

    private LoadedTenants tenants(String yaml) {
        Problems problems = new Problems(file);
        Object loaded = load(yaml, problems);
        if (!(loaded instanceof Map<?, ?> top)) {
            throw problems.fatal("", "must be a mapping whose key 'tenants' lists the tenants");
        }
        new YamlMapping(problems, secrets::resolve, "", "", top).allowOnly(KEYS);
        if (!(top.get("tenants") instanceof List<?> entries) || entries.isEmpty()) {
            throw problems.fatal("tenants", "lists no tenant; write one item (- id: ...) per tenant");
        }
        List<TenantSettings> tenants = new ArrayList<>();
        Claims claims = new Claims(environmentTokens, defaultTenant);
        for (int i = 0; i < entries.size(); i++) {
            String where = where(i, entries.get(i));
            if (entries.get(i) instanceof Map<?, ?> entry) {
                TenantEntry.read(new YamlMapping(problems, secrets::resolve, where, "", entry), inherited, claims,
                        problems)
                        .ifPresent(tenants::add);
            } else {
                problems.add(where, "must be a mapping (id: ..., flatchrCompanyIds: ..., ...)");
            }
        }
        problems.throwIfAny();
        return new LoadedTenants(tenants, fingerprint(yaml, tenants));
    }

    private Object load(String yaml, Problems problems) {
        try {
            return new Load(LoadSettings.builder().build()).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            // problem and position only: the library's own message quotes the file's lines, which may hold a secret
            String problem = e.getContext() == null || e.getContext().isBlank()
                    ? e.getProblem() : e.getContext() + ": " + e.getProblem();
            String position = e.getProblemMark()
                    .map(mark -> "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)).orElse("");
            throw problems.fatal(position, "not valid YAML (" + problem + ")");
        } catch (YamlEngineException e) {
            throw problems.fatal("", "not valid YAML (" + e.getMessage() + ")");
        }
    }

    /** The item's index, and its id when it has one, so that a message points at the tenant an engineer knows. */
    private static String where(int index, Object entry) {
        String where = "tenants[" + index + "]";
        if (entry instanceof Map<?, ?> map) {
            Optional<String> id = YamlMapping.scalarText(map.get("id")).filter(text -> !text.isEmpty());
            return id.map(text -> where + " (" + text + ")").orElse(where);
        }
        return where;
    }

    /** Over the text and every secret, so that a secret rotated behind an unchanged reference changes it too. */
    private static String fingerprint(String yaml, List<TenantSettings> tenants) {
        List<String> parts = new ArrayList<>(List.of(yaml));
        for (TenantSettings tenant : tenants) {
            parts.add(tenant.webhookToken().reveal());
            parts.add(tenant.luccaApiKey());
            parts.add(tenant.adminToken().orElse(""));
            parts.add(tenant.flatchrApi().map(FlatchrApi::apiKey).orElse(""));
        }
        return Fingerprint.of(parts);
    }
}
