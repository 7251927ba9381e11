package io.github.flatchrlucca.tenants;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the tenants in force in step with TENANTS_FILE: read at start (a bad file stops the start), then read
 * again at every check; a change (to the file, or to a secret file it refers to) takes effect once two checks in a
 * row have read it the same, an invalid file is refused with its reason and the previous configuration stays in
 * force. The file is polled rather than watched: a Kubernetes ConfigMap or a Docker secret is replaced through a
 * symbolic link, which file-system events do not report reliably, and reading a few files every few seconds costs
 * little: the file is parsed again only when it, or a secret file it read, changed ({@link LastParse}).
 */
public final class TenantsFileWatch {

    private static final Logger LOG = LoggerFactory.getLogger(TenantsFileWatch.class);

    private final Optional<LastParse> file;
    private final Optional<TenantSettings> defaultTenant;
    private final Tenants tenants;
    private final Consumer<List<String>> inForce;
    private final Consumer<String> refused;
    private String fingerprint;
    // a valid change read by the last check only: put in force if the next check reads it the same
    private String unconfirmed;
    // volatile: read by a metrics scrape, outside the checks' lock
    private volatile String lastRefusal;

    /**
     * @param defaultTenant the tenant of the environment settings, served next to the file's when there is one
     * @param adminToken    ADMIN_TOKEN, which opens every tenant: the file may use neither it nor the default
     *                      tenant's webhook token (nor the default tenant's Flatchr company, by its id or its key)
     * @param inForce       told the tenant ids every time a configuration comes into force
     * @param refused       told why a changed file was refused (once per distinct reason)
     */
    public TenantsFileWatch(Optional<Path> file, Optional<TenantSettings> defaultTenant, Optional<String> adminToken,
                            Function<String, Optional<String>> env, TenantDefaults defaults, Tenants tenants,
                            Consumer<List<String>> inForce, Consumer<String> refused) {
        this.defaultTenant = defaultTenant;
        Map<String, String> tokens = new LinkedHashMap<>();
        adminToken.ifPresent(token -> tokens.put("ADMIN_TOKEN", token));
        defaultTenant.ifPresent(tenant -> tokens.put("FLATCHR_WEBHOOK_TOKEN", tenant.webhookToken().reveal()));
        this.file = file.map(path -> new LastParse(path, env, defaults, tokens, defaultTenant));
        this.tenants = tenants;
        this.inForce = inForce;
        this.refused = refused;
    }

    /** The first configuration; an invalid one throws, and the connector does not start. */
    public synchronized void loadAtStart() {
        List<TenantSettings> all = new ArrayList<>();
        defaultTenant.ifPresent(all::add);
        if (file.isPresent()) {
            LoadedTenants loaded = file.get().read();
            all.addAll(loaded.tenants());
            fingerprint = loaded.fingerprint();
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("No tenant: TENANTS_FILE lists none and no single-tenant setting is made");
        }
        tenants.replace(all);
        inForce.accept(tenants.ids());
    }

    /** Whether the file as it is now was refused, the previous configuration in force, until a check reads it valid. */
    public boolean fileRefused() {
        return lastRefusal != null;
    }

    /**
     * Called at every check: does nothing unless the file or a secret it names changed, and was read so at the
     * check before too.
     */
    public synchronized void reloadIfChanged() {
        if (file.isEmpty()) {
            return;
        }
        LoadedTenants loaded;
        try {
            loaded = file.get().read();
        } catch (IllegalArgumentException e) {
            unconfirmed = null;
            if (!e.getMessage().equals(lastRefusal)) {
                lastRefusal = e.getMessage();
                LOG.error("TENANTS_FILE was changed but is refused; the previous configuration stays in force. {}",
                        e.getMessage());
                refused.accept(e.getMessage());
            }
            return;
        }
        lastRefusal = null;
        if (loaded.fingerprint().equals(fingerprint)) {
            unconfirmed = null;
            return;
        }
        // A file written in place (not replaced by a rename) can be read half written, and half a file can be valid:
        // the tenants after the cut gone (their URLs answering 401), the last one without its Lucca (a dry run that
        // records its queued hires as such, sent nowhere), a value cut short. A writer is done by the next check.
        if (!loaded.fingerprint().equals(unconfirmed)) {
            unconfirmed = loaded.fingerprint();
            return;
        }
        List<TenantSettings> all = new ArrayList<>();
        defaultTenant.ifPresent(all::add);
        all.addAll(loaded.tenants());
        Tenants.Change change = tenants.replace(all);
        fingerprint = loaded.fingerprint();
        inForce.accept(tenants.ids());
        LOG.info("TENANTS_FILE reloaded: {} tenant(s) in force{}{}", all.size(),
                change.added().isEmpty() ? "" : ", added " + change.added(),
                change.removed().isEmpty() ? "" : ", removed " + change.removed());
    }
}
