package io.github.flatchrlucca.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.fake.FakeLucca;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A connector with two customers in its tenants file, as the operators' views meet them: acme, whose Lucca
 * takes its key, and initech, whose key its Lucca rejects, so that initech's hires wait for a right one.
 */
final class TwoTenants implements AutoCloseable {

    static final String ACME_TOKEN = "acme-webhook-token-0001";
    static final String INITECH_TOKEN = "initech-webhook-token-0003";
    /** acme's HR team's own admin token: it opens acme's hires only. */
    static final String ACME_ADMIN_TOKEN = "acme-hr-admin-token-00001";
    static final String ACME_KEY = "0d8c7a61-0000-4000-8000-00000000acme";
    static final String INITECH_KEY = "0d8c7a61-0000-4000-8000-0000initech";
    /** The key initech's file gives, which its Lucca does not know. */
    static final String INITECH_WRONG_KEY = "0d8c7a61-0000-4000-8000-000000000bad";
    static final int ACME_COMPANY = 4242;
    static final int INITECH_COMPANY = 88;
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeLucca acme;
    final FakeLucca initech;
    final ConnectorProcess connector;

    private TwoTenants(FakeLucca acme, FakeLucca initech, ConnectorProcess connector) {
        this.acme = acme;
        this.initech = initech;
        this.connector = connector;
    }

    /** Starts both Luccas and the connector, its files under {@code temp}. */
    static TwoTenants start(Path temp) throws Exception {
        Files.createDirectories(temp);
        FakeLucca acme = FakeLucca.start(ACME_KEY);
        FakeLucca initech = FakeLucca.start(INITECH_KEY);
        Path tenantsFile = temp.resolve("tenants.yaml");
        Files.writeString(tenantsFile, """
                tenants:
                  - id: acme
                    flatchrCompanyIds: [%d]
                    webhookToken: ${env:ACME_WEBHOOK_TOKEN}
                    adminToken: ${env:ACME_ADMIN_TOKEN}
                    # The fake Lucca sets no limit: a budget that the tests never reach.
                    lucca: { baseUrl: %s, apiKey: "${env:ACME_LUCCA_API_KEY}", rateLimit: { requests: 1000, windowSeconds: 60 } }
                  - id: initech
                    flatchrCompanyIds: [%d]
                    webhookToken: ${env:INITECH_WEBHOOK_TOKEN}
                    # Tests retry a rejected key every 300 ms, production every minute: more budget for that.
                    lucca: { baseUrl: %s, apiKey: "${env:INITECH_LUCCA_API_KEY}", rateLimit: { requests: 1000, windowSeconds: 60 } }
                """.formatted(ACME_COMPANY, acme.baseUrl(), INITECH_COMPANY, initech.baseUrl()));
        ConnectorProcess connector = ConnectorProcess.start(temp, Map.of(
                "TENANTS_FILE", tenantsFile.toString(),
                // No single-tenant settings: only the file's tenants exist.
                "FLATCHR_WEBHOOK_TOKEN", "",
                "ACME_WEBHOOK_TOKEN", ACME_TOKEN,
                "ACME_ADMIN_TOKEN", ACME_ADMIN_TOKEN,
                "ACME_LUCCA_API_KEY", ACME_KEY,
                "INITECH_WEBHOOK_TOKEN", INITECH_TOKEN,
                "INITECH_LUCCA_API_KEY", INITECH_WRONG_KEY));
        return new TwoTenants(acme, initech, connector);
    }

    /** Posts a hire of acme's to acme's URL; it goes on to Lucca. */
    String acmeHire(String applicantId) throws Exception {
        return connector.acceptFor("acme", FlatchrEvents.hire(applicantId, ACME_COMPANY), ACME_TOKEN);
    }

    /** Posts a hire of initech's to initech's URL; it stays queued while Lucca rejects the key. */
    String initechHire(String applicantId) throws Exception {
        return connector.acceptFor("initech", FlatchrEvents.hire(applicantId, INITECH_COMPANY), INITECH_TOKEN);
    }

    /** Waits until the admin API says what Lucca made of each tenant's key: only a tried key has a state. */
    void awaitCredentials(String acmeState, String initechState) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> credentials("acme").equals(acmeState) && credentials("initech").equals(initechState));
    }

    private String credentials(String tenant) throws Exception {
        JsonNode tenants = JSON.readTree(connector.get("/admin/api/tenants", "Bearer " + ConnectorProcess.ADMIN_TOKEN)
                .body()).path("tenants");
        for (JsonNode each : tenants) {
            if (tenant.equals(each.path("id").asText())) {
                return each.path("credentials").asText();
            }
        }
        return "absent";
    }

    @Override
    public void close() throws Exception {
        connector.close();
        acme.close();
        initech.close();
    }
}
