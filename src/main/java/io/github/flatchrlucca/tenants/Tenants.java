package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.flatchr.FlatchrConnection;
import io.github.flatchrlucca.journal.ClaimedHire;
import io.github.flatchrlucca.lucca.LuccaConnection;
import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.mapping.MappingSettings;
import io.github.flatchrlucca.routes.Variables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.function.BiConsumer;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * The tenants in force. Replaced whole by a reload, so a reader always sees one consistent configuration;
 * what Lucca said of a tenant's key is kept across reloads as long as the key stays the same.
 */
public final class Tenants {

    private final String departmentPointer;
    private final Duration windowSlack;
    private final BiConsumer<String, KeyState.State> credentialsChanged;
    private final BiConsumer<String, KeyState.State> flatchrKeyChanged;
    private final Map<String, KeptCredentials> credentials = new ConcurrentHashMap<>();
    private final Map<String, KeptCredentials> flatchrCredentials = new ConcurrentHashMap<>();
    private volatile Map<String, Tenant> byId = Map.of();

    /**
     * @param windowSlack        added to each tenant's rate-limit window (LuccaRateLimiter.windowSlack)
     * @param credentialsChanged told which tenant's key Lucca now rejects, or accepts again after a rejection
     */
    public Tenants(String departmentPointer, Duration windowSlack,
                   BiConsumer<String, KeyState.State> credentialsChanged) {
        this(departmentPointer, windowSlack, credentialsChanged, (tenant, state) -> { });
    }

    /** @param flatchrKeyChanged told which tenant's key Flatchr's API now rejects, or accepts again */
    public Tenants(String departmentPointer, Duration windowSlack,
                   BiConsumer<String, KeyState.State> credentialsChanged,
                   BiConsumer<String, KeyState.State> flatchrKeyChanged) {
        this.departmentPointer = departmentPointer;
        this.windowSlack = windowSlack;
        this.credentialsChanged = credentialsChanged;
        this.flatchrKeyChanged = flatchrKeyChanged;
    }

    /** Puts a new configuration in force at once; returns which tenant ids came and went. */
    public synchronized Change replace(List<TenantSettings> settings) {
        // who lists each company, for the default tenant to leave it to that tenant; the file lists each once
        Map<String, String> tenantByCompanyId = new HashMap<>();
        settings.forEach(tenant -> tenant.flatchrCompanyIds()
                .forEach(companyId -> tenantByCompanyId.putIfAbsent(companyId, tenant.id())));
        Map<String, String> companies = Map.copyOf(tenantByCompanyId);
        Map<String, Tenant> next = new LinkedHashMap<>();
        settings.forEach(tenant -> next.put(tenant.id(), build(tenant, companies)));
        Set<String> added = new TreeSet<>(next.keySet());
        added.removeAll(byId.keySet());
        Set<String> removed = new TreeSet<>(byId.keySet());
        removed.removeAll(next.keySet());
        credentials.keySet().retainAll(next.keySet());
        flatchrCredentials.keySet().retainAll(next.keySet());
        byId = Map.copyOf(next);
        return new Change(added, removed);
    }

    /** Tenant ids that came with a reload, and those that went (their queued hires wait for their return). */
    public record Change(Set<String> added, Set<String> removed) {
    }

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Whether the tenant is in the configuration now: a round claims none of its hires once a reload took it away. */
    public boolean inForce(String id) {
        return byId.containsKey(id);
    }

    /** The tenant's Lucca, or null if the tenant went with a reload (its round then reads nothing from Lucca). */
    public LuccaConnection luccaOf(String id) {
        return find(id).map(Tenant::lucca).orElse(null);
    }

    /**
     * Whether a tenant in force has these people ({@link LuccaConnection#people}: a Lucca instance as one key sees it):
     * the people directory forgets those none has any more (a reload took their tenants away, or changed their key).
     */
    public boolean usesPeopleOf(String people) {
        return byId.values().stream().anyMatch(tenant -> tenant.lucca().people().equals(people));
    }

    /** @throws TenantChanged when the tenant left the configuration since the caller found it (a reload) */
    public Tenant current(String id) {
        return find(id).orElseThrow(() -> TenantChanged.left(id));
    }

    /** @throws TenantChanged when the hire's tenant left the configuration since its round found it */
    public Tenant forHire(@Body ClaimedHire hire) {
        return current(hire.tenant());
    }

    /**
     * The Lucca a hire's next call goes to: its tenant's, as the configuration in force says now, with the key of now
     * (a reload may have come during the attempt, or while the call waited for its turn). Never one the configuration
     * no longer names: a hire is not carried on to a Lucca its tenant left, nor half made in one Lucca and finished in
     * another, whose people were never looked at.
     *
     * @param started the Lucca the attempt began with
     * @throws TenantChanged when the tenant left the configuration, or has another Lucca now (or none: a dry run)
     */
    public LuccaConnection luccaNow(@Variable(Variables.LUCCA) LuccaConnection started) {
        LuccaConnection now = luccaOf(started.tenant());
        if (now == null) {
            throw TenantChanged.left(started.tenant());
        }
        // compared as the budget and the journal name a Lucca (lucca_instance), so that no two checks disagree
        if (!now.instance().equals(started.instance())) {
            throw TenantChanged.otherLucca(started.tenant());
        }
        return now;
    }

    /**
     * Before a call to Flatchr's API made with the connection a search or a turn of write-backs began with: it is still
     * the tenant's (the same address, key and company). A reload during it (the tenant gone, or its company corrected,
     * its key rotated) sends nothing more where it began, whose answers would be read as the tenant's.
     *
     * @throws TenantChanged when it is not
     */
    public void stillItsFlatchr(@Variable(Variables.FLATCHR) FlatchrConnection started) {
        if (!current(started.tenant()).flatchr().equals(Optional.of(started))) {
            throw TenantChanged.otherFlatchr(started.tenant());
        }
    }

    /** The Lucca connections whose key nothing has tried yet: new tenants, rotated keys ({@link KeyState#firstTry}). */
    public List<LuccaConnection> keysToTry() {
        return byId.values().stream().filter(tenant -> !tenant.dryRun())
                .map(Tenant::lucca).filter(lucca -> lucca.credentials().firstTry()).toList();
    }

    public List<String> ids() {
        return new ArrayList<>(new TreeSet<>(byId.keySet()));
    }

    public Collection<Tenant> all() {
        return byId.values();
    }

    /**
     * The ids of the tenants whose hires' outcomes are written back to Flatchr (a result tag and an API key to write
     * it with): Retention keeps their hires' personal data while the write-back may need it. Read from the tenants
     * in force at each call: after a reload, those it configured.
     */
    public List<String> writingBack() {
        return writingBackTenants().map(Tenant::id).toList();
    }

    /** The tenants in force whose outcomes are written back (a result tag), by id: the write-back's turns. */
    public Stream<Tenant> writingBackTenants() {
        return byId.values().stream().filter(tenant -> tenant.resultTag().isPresent())
                .sorted(Comparator.comparing(Tenant::id));
    }

    private Tenant build(TenantSettings settings, Map<String, String> tenantByCompanyId) {
        HireMapper mapper = new HireMapper(new MappingSettings(settings.zone(), settings.loginRule(),
                settings.workEmailPattern(), settings.phoneRegion(), departmentPointer));
        LuccaConnection lucca = new LuccaConnection(settings.id(), settings.luccaBaseUrl(), settings.luccaApiKey(),
                settings.luccaZone(), settings.rateLimitRequests(), settings.rateLimitWindow().plus(windowSlack),
                kept(credentials, settings.id(), settings.luccaBaseUrl() + " " + settings.luccaApiKey(),
                        credentialsChanged));
        Optional<FlatchrConnection> flatchr = settings.flatchrApi().map(api -> new FlatchrConnection(settings.id(),
                api.baseUrl(), api.apiKey(), api.companyKey(),
                kept(flatchrCredentials, settings.id(), api.baseUrl() + " " + api.apiKey(), flatchrKeyChanged)));
        return new Tenant(settings, mapper, lucca, flatchr, tenantByCompanyId);
    }

    /**
     * What an API said of a tenant's key, kept across reloads while the key (and where it is sent) stays the same;
     * a new key has not been tried yet: what was said of the old one no longer holds, but for a rejection, after
     * which the new key's first success is told as the key accepted again.
     */
    private static KeyState kept(Map<String, KeptCredentials> keptByTenant, String tenant, String keyAndWhere,
                                 BiConsumer<String, KeyState.State> changed) {
        // only a digest of the key is kept next to its state, so no copy of the key outlives its tenant
        String key = Fingerprint.of(keyAndWhere);
        KeptCredentials kept = keptByTenant.get(tenant);
        if (kept == null || !kept.matches(key)) {
            kept = new KeptCredentials(key, new KeyState(state -> changed.accept(tenant, state),
                    kept == null ? null : kept.credentials()));
            keptByTenant.put(tenant, kept);
        }
        return kept.credentials();
    }

    private record KeptCredentials(String key, KeyState credentials) {
        boolean matches(String other) {
            return key.equals(other);
        }
    }
}
