package io.github.flatchrlucca.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.flatchrlucca.MutableClock;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.signals.WebhookTokenRefusedAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WebhookAuthenticatorTest {

    private static final CamelContext CAMEL = new DefaultCamelContext();

    private static final Tenants TENANTS = TestTenants.inForce(
            TestTenants.tenant(TenantSettings.DEFAULT_ID, "s3cret-0123456789"),
            TestTenants.tenant("acme", "acme-token-0123456789", "4242"),
            TestTenants.tenant("globex", "globex-token-0123456789", "77"));

    private static final WebhookTokenRefusedAlert NOT_TOLD = (tenant, tokenGiven, refusals, since) -> { };
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<Told> told = new ArrayList<>();
    private final WebhookAuthenticator telling = new WebhookAuthenticator(TENANTS,
            (tenant, tokenGiven, refusals, since) -> told.add(new Told(tenant, tokenGiven, refusals, since)), clock);

    /** What the team's chat was told of a tenant's refused webhooks. */
    private record Told(String tenant, boolean tokenGiven, long refusals, Instant since) {
    }

    @Test
    void theTenantTheUrlNamesGoesOnWithTheExchange() {
        Exchange exchange = exchangeWithToken("acme-token-0123456789");
        exchange.getIn().setHeader("tenant", "acme");

        check().process(exchange);

        assertThat(exchange.getVariable("tenant", Tenant.class).id()).isEqualTo("acme");
        assertThat(exchange.getVariable("tenantId")).isEqualTo("acme");
        assertThat(exchange.getIn().getHeaders()).doesNotContainKeys("tenant", "token");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"/webhooks/flatchr, default", "/webhooks/flatchr/acme, acme",
        "/webhooks/flatchrfoo, /webhooks/flatchrfoo", "/webhooks/flatchr/, default", "/webhooks/flatchr/acme/, acme"})
    void theTenantOfAWebhookPathIsTheDefaultOnlyForTheDefaultUrl(String path, String tenant) {
        assertThat(WebhookAuthenticator.tenantOfPath(path)).isEqualTo(tenant);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"/webhooks/flatchr/, s3cret-0123456789, default",
        "/webhooks/flatchr/acme/, acme-token-0123456789, acme"})
    void aUrlPastedWithATrailingSlashIsTheSameUrl(String path, String token, String tenant) {
        Exchange exchange = exchangeWithToken(token);
        exchange.getIn().setHeader(Exchange.HTTP_PATH, path);

        check().process(exchange);

        assertThat(exchange.getVariable("tenantId")).isEqualTo(tenant);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/webhooks/flatchr//", "/webhooks/flatchr//acme",
        "/webhooks/flatchr/acme//", "/webhooks/flatchr/acme/x"})
    void onlyOneTrailingSlashIsTakenForTheUrlWithout(String path) {
        Exchange exchange = exchangeWithToken(path.contains("acme") ? "acme-token-0123456789" : "s3cret-0123456789");
        exchange.getIn().setHeader(Exchange.HTTP_PATH, path);

        assertUnauthorized(exchange);
    }

    @Test
    void withoutATenantInTheUrlItIsTheDefaultTenant() {
        Exchange exchange = exchangeWithToken("s3cret-0123456789");

        check().process(exchange);

        assertThat(exchange.getVariable("tenant", Tenant.class).id()).isEqualTo(TenantSettings.DEFAULT_ID);
    }

    @Test
    void anotherTenantsTokenIsUnauthorized() {
        Exchange exchange = exchangeWithToken("acme-token-0123456789");
        exchange.getIn().setHeader("tenant", "globex");

        assertUnauthorized(exchange);
        assertThat(exchange.getVariable("tenant")).isNull();
        assertThat(exchange.getVariable("tenantId")).isNull();
    }

    @Test
    void anUnknownTenantIsAnsweredAsAWrongTokenIs() {
        Exchange exchange = exchangeWithToken("acme-token-0123456789");
        exchange.getIn().setHeader("tenant", "initech");

        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> check().process(exchange))
                .satisfies(problem -> {
                    assertThat(problem.status()).isEqualTo(401);
                    assertThat(problem.getMessage()).isEqualTo("The token in the webhook URL is missing or wrong.");
                });
    }

    @Test
    void theRightTokenPasses() {
        Exchange exchange = exchangeWithToken("s3cret-0123456789");

        assertThatCode(() -> check().process(exchange)).doesNotThrowAnyException();
    }

    @Test
    void theRightTokenIsRemovedFromTheMessage() {
        Exchange exchange = asPlatformHttpSetsIt("s3cret-0123456789");
        exchange.getIn().setHeader("X-Other", "kept");

        check().process(exchange);

        assertThat(exchange.getIn().getHeaders()).doesNotContainKey("token").containsEntry("X-Other", "kept")
                .containsEntry(Exchange.HTTP_PATH, "/webhooks/flatchr");
        assertThat(exchange.getIn().getHeaders().values()).as("not in the URL nor the query string either")
                .noneMatch(value -> String.valueOf(value).contains("s3cret-0123456789"));
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        assertUnauthorized(exchangeWithToken("guess"));
    }

    @Test
    void aMissingTokenIsUnauthorized() {
        assertUnauthorized(new DefaultExchange(CAMEL));
    }

    @Test
    void aWrongTokenIsRemovedFromTheMessageToo() {
        Exchange exchange = asPlatformHttpSetsIt("guess-0123456789");

        assertThatExceptionOfType(Problem.class).isThrownBy(() -> check().process(exchange));

        assertThat(exchange.getIn().getHeaders()).doesNotContainKey("token");
        assertThat(exchange.getIn().getHeaders().values())
                .noneMatch(value -> String.valueOf(value).contains("guess-0123456789"));
    }

    @Test
    void theRefusalDoesNotRepeatTheTokenGiven() {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> check().process(exchangeWithToken("guess-123")))
                .satisfies(problem -> assertThat(problem.document().values()).noneMatch(
                        value -> String.valueOf(value).contains("guess-123") || String.valueOf(value).contains("s3cret-0123456789")));
    }

    @Test
    void refusalsAreLoggedAtMostOnceAMinuteForEachTenantWithHowManyThereWere() {
        WebhookAuthenticator check = new WebhookAuthenticator(TENANTS, NOT_TOLD, clock);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(WebhookAuthenticator.class);
        logger.addAppender(log);
        try {
            refuse(check, "initech", "acme-token-0123456789");
            refuse(check, "acme", "guess");
            refuse(check, "hooli", "guess");
            clock.advance(Duration.ofSeconds(59));
            refuse(check, "acme", null);
            refuse(check, "globex", "acme-token-0123456789");
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "refused 1 webhook call(s) to no configured tenant since the last such line (at most one a minute), "
                            + "the latest: tenant 'initech', which the configuration does not list",
                    "refused 1 webhook call(s) to tenant 'acme' since the last such line (at most one a minute), the "
                            + "latest: a wrong token",
                    "refused 1 webhook call(s) to tenant 'globex' since the last such line (at most one a minute), the "
                            + "latest: a wrong token");

            clock.advance(Duration.ofSeconds(1));
            refuse(check, "<script>", "guess");
            refuse(check, "acme", null);

            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).endsWith(
                    "refused 2 webhook call(s) to no configured tenant since the last such line (at most one a minute), "
                            + "the latest: tenant (malformed), which the configuration does not list",
                    "refused 2 webhook call(s) to tenant 'acme' since the last such line (at most one a minute), the "
                            + "latest: no token");
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("guess") || line.contains("token-0123456789"));
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aWrongTokenToATenantsUrlIsToldAtOnceThenAtMostOnceAnHourWithHowManySinceTheLastTime() {
        refuse(telling, "acme", "guess");
        assertThat(told).as("the first after a start, at once: a token just changed").containsExactly(
                new Told("acme", true, 1, START));

        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 100; i++) {
            refuse(telling, "acme", "guess-" + i);
        }
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        refuse(telling, "acme", "guess");
        assertThat(told).as("not again within the hour, however many").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        refuse(telling, "acme", null);
        assertThat(told).containsExactly(new Told("acme", true, 1, START),
                new Told("acme", false, 102, START.plus(Duration.ofMinutes(5))));
    }

    @Test
    void refusalsAfterAMessageAreToldOnceTheirHourIsOverWithoutWaitingForAnother() {
        refuse(telling, "acme", "guess");
        refuse(telling, "globex", "guess");
        clock.advance(Duration.ofMinutes(5));
        refuse(telling, "acme", "guess");
        refuse(telling, "acme", "guess");
        refuse(telling, "acme", null);
        clock.advance(Duration.ofMinutes(54));
        telling.tellDueRefusals();
        assertThat(told).as("not within the hour").containsExactly(
                new Told("acme", true, 1, START), new Told("globex", true, 1, START));

        clock.advance(Duration.ofMinutes(1));
        telling.tellDueRefusals();
        assertThat(told).as("the hour over, the three told by the check, the latest's token with them; globex has "
                + "nothing untold").containsExactly(new Told("acme", true, 1, START), new Told("globex", true, 1, START),
                new Told("acme", false, 3, START.plus(Duration.ofMinutes(5))));

        telling.tellDueRefusals();
        clock.advance(Duration.ofDays(3));
        telling.tellDueRefusals();
        assertThat(told).as("each told once").hasSize(3);
    }

    @Test
    void theHourAfterARefusalToldByTheCheckStartsWhenItIsTold() {
        refuse(telling, "acme", "guess");
        clock.advance(Duration.ofMinutes(5));
        refuse(telling, "acme", "guess");
        clock.advance(Duration.ofMinutes(56)); // the check came a minute after the hour
        telling.tellDueRefusals();
        Instant toldAt = clock.instant();

        clock.advance(Duration.ofMinutes(1));
        refuse(telling, "acme", null);
        clock.advance(Duration.ofMinutes(58).plusSeconds(59));
        telling.tellDueRefusals();
        assertThat(told).as("not within the hour after the check told").hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        telling.tellDueRefusals();
        assertThat(told).containsExactly(new Told("acme", true, 1, START),
                new Told("acme", true, 1, START.plus(Duration.ofMinutes(5))),
                new Told("acme", false, 1, toldAt.plus(Duration.ofMinutes(1))));
    }

    @Test
    void eachTenantIsToldApartAndAMissingTokenAsNone() {
        refuse(telling, "acme", "guess");
        refuse(telling, "globex", null);
        refuse(telling, TenantSettings.DEFAULT_ID, "acme-token-0123456789");

        assertThat(told).containsExactly(new Told("acme", true, 1, START), new Told("globex", false, 1, START),
                new Told(TenantSettings.DEFAULT_ID, true, 1, START));
    }

    @Test
    void anEmptyTokenIsToldAsNone() {
        refuse(telling, "acme", ""); // "?token=": a URL pasted with its token left out, not a token changed

        assertThat(told).containsExactly(new Told("acme", false, 1, START));
    }

    @Test
    void aUrlNamingNoConfiguredTenantIsNeverTold() {
        refuse(telling, "initech", "acme-token-0123456789");
        refuse(telling, "<script>", null);
        refuse(telling, "/webhooks/flatchrfoo", "s3cret-0123456789");
        clock.advance(Duration.ofHours(2));
        refuse(telling, "initech", "guess");

        assertThat(told).isEmpty();
    }

    @Test
    void theRightTokenIsNeitherToldNorCounted() {
        telling.authenticate("acme", "acme-token-0123456789");
        refuse(telling, "acme", "guess");
        clock.advance(Duration.ofHours(1));
        telling.authenticate("acme", "acme-token-0123456789");
        refuse(telling, "acme", "guess");

        assertThat(told).containsExactly(new Told("acme", true, 1, START),
                new Told("acme", true, 1, START.plus(Duration.ofHours(1))));
    }

    private static void refuse(WebhookAuthenticator check, String tenant, String token) {
        assertThatExceptionOfType(Problem.class).isThrownBy(() -> check.authenticate(tenant, token))
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(401));
    }

    private void assertUnauthorized(Exchange exchange) {
        assertThatExceptionOfType(Problem.class)
                .isThrownBy(() -> check().process(exchange))
                .satisfies(problem -> assertThat(problem.status()).isEqualTo(401));
    }

    private static WebhookAuthenticator check() {
        return new WebhookAuthenticator(TENANTS, NOT_TOLD, Clock.systemUTC());
    }

    /** The headers platform-http sets for a call of the default tenant's URL with this token. */
    private static Exchange asPlatformHttpSetsIt(String token) {
        Exchange exchange = exchangeWithToken(token);
        exchange.getIn().setHeader(Exchange.HTTP_PATH, "/webhooks/flatchr");
        exchange.getIn().setHeader(Exchange.HTTP_URI, "/webhooks/flatchr?token=" + token);
        exchange.getIn().setHeader(Exchange.HTTP_URL, "https://hooks.example/webhooks/flatchr?token=" + token);
        exchange.getIn().setHeader(Exchange.HTTP_QUERY, "token=" + token);
        exchange.getIn().setHeader(Exchange.HTTP_RAW_QUERY, "token=" + token);
        return exchange;
    }

    private static Exchange exchangeWithToken(String token) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader("token", token);
        return exchange;
    }
}
