package io.github.flatchrlucca.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.fake.FakeLucca;
import io.github.flatchrlucca.fake.Reply;
import io.github.flatchrlucca.fake.flatchr.ApplicationSeed;
import io.github.flatchrlucca.fake.flatchr.Candidate;
import io.github.flatchrlucca.fake.flatchr.Column;
import io.github.flatchrlucca.fake.flatchr.FakeFlatchr;
import io.github.flatchrlucca.fake.flatchr.Tag;
import io.github.flatchrlucca.fake.flatchr.Vacancy;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page at /admin/ in a real browser, Debian's headless Chromium, against the real jar: what an
 * operator sees and what the buttons do, on a single-tenant connector and on one with two customers.
 * Screenshots are kept in target/ for a person to look at.
 */
class StatusPageIT {

    // Debian's own packages (./test.sh installs them): nothing is downloaded, the machine has no internet.
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "7c41e9d2-2222-4000-8000-00000000beef";
    private static final String MARKUP = "<img src=x onerror=alert(1)>";
    private static final String FLATCHR_KEY = "flatchr-api-key-for-the-page-01";
    private static final String FLATCHR_COMPANY = "Pg4kQ7mN2xR8vT1w";
    private static final String VACANCY = "Vk3mP0qA9sLx2BcD";

    @TempDir
    static Path temp;
    static FakeLucca lucca;
    static ConnectorProcess connector;
    static String deliveredHire;
    static String deadHire;
    static String markupHire;
    static TwoTenants tenants;
    static String acmeHire;
    static String initechHire;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The status page is tested in Debian's headless Chromium: apt-get install chromium "
                        + "chromium-driver (./test.sh installs them)")
                .isTrue();
        lucca = FakeLucca.start(API_KEY);
        connector = ConnectorProcess.start(temp, Map.of("LUCCA_BASE_URL", lucca.baseUrl(), "LUCCA_API_KEY", API_KEY));
        deliveredHire = accepted("page-delivered", "Éloïse", "Müller-Straße");
        connector.awaitStatus(deliveredHire, "delivered");
        lucca.failNext("POST", "/api/v3/users", 400, 1);
        deadHire = accepted("page-dead", "Jean", "Refusé");
        connector.awaitStatus(deadHire, "dead");
        markupHire = accepted("page-markup", MARKUP, "Martin");
        connector.awaitStatus(markupHire, "delivered");

        tenants = TwoTenants.start(temp.resolve("two-tenants"));
        acmeHire = tenants.acmeHire("page-acme");
        tenants.connector.awaitStatus(acmeHire, "delivered");
        initechHire = tenants.initechHire("page-initech");
        tenants.awaitCredentials("ok", "rejected");
    }

    @AfterAll
    static void stop() throws Exception {
        connector.close();
        lucca.close();
        tenants.close();
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        ChromeOptions options = new ChromeOptions();
        // An explicit browser and driver, so that Selenium Manager never looks for (or fetches) its own.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // The page redraws itself every few seconds: a condition is checked again on fresh elements.
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anOperatorSeesADeliveredAndADeadHireAndReplaysTheDeadOne() throws Exception {
        signIn(ConnectorProcess.ADMIN_TOKEN);

        wait.until(d -> "delivered".equals(statusOf(deliveredHire)) && "dead".equals(statusOf(deadHire)));
        assertThat(row(deliveredHire).getText()).contains("Éloïse Müller-Straße", "Delivered");
        assertThat(row(deadHire).getText()).contains("Jean Refusé", "Dead", "400");
        assertThat(actions(deliveredHire)).as("a delivered hire cannot be replayed").isEmpty();
        assertThat(actions(deadHire)).as("replayed, or closed").containsExactly("replay", "cancel");
        assertThat(count("dead")).isEqualTo("1");
        // One customer: the tenants table names it, and no tenant column nor choice takes room.
        assertThat(tenantRow("default").getText()).contains(lucca.baseUrl(), "Accepted");
        assertThat(tenantRow("default").getDomAttribute("class")).as("dead hires: it needs a look").contains("trouble");
        assertThat(browser.findElement(By.id("tenant-filter")).isDisplayed()).isFalse();
        assertThat(row(deadHire).findElement(By.cssSelector("td.tenant")).isDisplayed()).isFalse();
        // No Flatchr API key: no search of it to start, nothing said of outcomes written there.
        assertThat(browser.findElement(By.id("flatchr-search")).isDisplayed()).isFalse();
        assertThat(row(deliveredHire).findElements(By.cssSelector(".writeback, .origin"))).isEmpty();
        screenshot("status-page.png");

        // The token is asked for once: the page reloaded in the same tab is still signed in.
        browser.navigate().refresh();
        wait.until(d -> "dead".equals(statusOf(deadHire)));
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();

        row(deadHire).findElement(By.cssSelector("button[data-action='replay']")).click();

        wait.until(textToBePresentInElementLocated(By.id("notice"), "Jean Refusé is queued for Lucca again."));
        wait.until(d -> "delivered".equals(statusOf(deadHire)));
        assertThat(actions(deadHire)).isEmpty();
        assertThat(lucca.users()).filteredOn(user -> "jean.page-dead@example.org".equals(user.mail())).hasSize(1);

        row(deadHire).findElement(By.cssSelector("td.candidate button")).click();
        WebElement drawer = wait.until(visibilityOfElementLocated(By.id("detail")));
        assertThat(drawer.findElement(By.id("detail-title")).getText()).contains("Jean Refusé", "Delivered");
        List<String> history = drawer.findElements(By.cssSelector(".history .badge")).stream()
                .map(badge -> badge.getDomAttribute("data-status")).toList();
        assertThat(history).contains("dead", "delivered");
        screenshot("status-page-detail.png");

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as("browser console errors")
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogEntry::getMessage).isEmpty();
    }

    @Test
    void aHireMovedOutOfHiredAfterItsAccountWasMadeIsMarkedUntilAPersonNotesTheirDecision() throws Exception {
        ObjectNode event = FlatchrEvents.hire("page-decision", "Hugo", "Moved", "hugo.page-decision@example.org");
        String hireId = connector.accept(event);
        connector.awaitStatus(hireId, "delivered");
        assertThat(connector.postWebhook(FlatchrEvents.movedOut(event, "Refusé").toString()).statusCode())
                .isEqualTo(200);
        signIn(ConnectorProcess.ADMIN_TOKEN);

        WebElement mark = wait.until(d -> row(hireId) == null ? null
                : row(hireId).findElements(By.cssSelector(".decision[data-decision='needed']")).stream().findFirst()
                .orElse(null));
        assertThat(mark.getText()).isEqualTo("needs a decision");
        assertThat(statusOf(hireId)).as("what Lucca holds").isEqualTo("delivered");
        // found from the overview: its tenant needs a look, and a count of its own lists it, whatever its status
        wait.until(d -> "1".equals(count("needs-decision")));
        assertThat(tenantRow("default").findElement(By.cssSelector("td[data-count='needs-decision']")).getText())
                .isEqualTo("1");
        assertThat(tenantRow("default").getDomAttribute("class")).contains("trouble");
        browser.findElement(By.cssSelector(".count[data-status='needs-decision']")).click();
        wait.until(d -> row(deliveredHire) == null && row(hireId) != null);
        assertThat(browser.findElements(By.cssSelector("#hire-rows tr"))).hasSize(1);
        row(hireId).findElement(By.cssSelector("td.candidate button")).click();
        WebElement drawer = wait.until(visibilityOfElementLocated(By.id("detail")));
        assertThat(drawer.getText()).contains("after the Lucca account was made", "The connector changed nothing in Lucca");
        drawer.findElement(By.cssSelector("button[data-action='decision']")).click();
        wait.until(textToBePresentInElementLocated(By.id("notice"), "Say what was decided"));
        drawer.findElement(By.id("decision-note")).sendKeys("Contract ended in Lucca by HR");
        drawer.findElement(By.cssSelector("button[data-action='decision']")).click();

        wait.until(textToBePresentInElementLocated(By.id("notice"), "The decision on Hugo Moved is noted"));
        wait.until(d -> row(hireId) == null && "0".equals(count("needs-decision")));
        assertThat(browser.findElement(By.id("empty")).getText()).isEqualTo("No hire waits for a decision.");
        assertThat(connector.hire(hireId).path("history").toString())
                .contains("decided: Contract ended in Lucca by HR");
    }

    /**
     * A note typed on one mark ("the account may exist") is not taken for a decision on the mark a redraw put under
     * it ("Lucca made the account", its create's late answer): the decision is refused as made on a mark changed
     * since, the mark of now stays until the person confirms on it.
     */
    @Test
    void aNoteTypedOnAMarkThatChangedSinceIsNotTakenForADecisionOnTheNewOne(@TempDir Path own) throws Exception {
        try (FakeLucca ownLucca = FakeLucca.start(API_KEY);
             ConnectorProcess slow = ConnectorProcess.start(own, Map.of("LUCCA_BASE_URL", ownLucca.baseUrl(),
                     "LUCCA_API_KEY", API_KEY, "LUCCA_TIMEOUT_MS", "120000", "DELIVERY_LEASE_SECONDS", "300"))) {
            Runnable lateAnswer = ownLucca.holdAnswerOfNextCreate();
            ObjectNode event = FlatchrEvents.hire("page-late-answer", "Léa", "Tardive", "lea.page-late@example.org");
            String hireId = slow.accept(event);
            // its create on its way, the candidate is moved out of hired: the account may exist
            wait.until(d -> ownLucca.count("POST", "/api/v3/users") == 1);
            assertThat(slow.postWebhook(FlatchrEvents.movedOut(event, "Refusé").toString()).statusCode())
                    .isEqualTo(200);
            signIn(slow, "/admin/#hire=" + hireId, ConnectorProcess.ADMIN_TOKEN);
            wait.until(textToBePresentInElementLocated(By.id("detail"), "answer to its create was unknown"));
            browser.findElement(By.id("decision-note")).sendKeys("Looked in Lucca: no account, nothing to undo");

            // Lucca's answer: it made the account, and the drawer is drawn again with the mark of now
            lateAnswer.run();
            wait.until(textToBePresentInElementLocated(By.id("detail"), "after the Lucca account was made"));
            assertThat(browser.findElement(By.id("decision-note")).getDomProperty("value")).as("what was typed")
                    .isEqualTo("Looked in Lucca: no account, nothing to undo");
            browser.findElement(By.cssSelector("#detail button[data-action='decision']")).click();

            wait.until(textToBePresentInElementLocated(By.id("notice"), "mark changed since it was read"));
            assertThat(slow.hire(hireId).path("needsDecision").asText()).contains("after the Lucca account was made");
            // told, the person confirms on the mark now shown
            browser.findElement(By.cssSelector("#detail button[data-action='decision']")).click();
            wait.until(textToBePresentInElementLocated(By.id("notice"), "The decision on Léa Tardive is noted"));
            assertThat(slow.hire(hireId).path("needsDecision").isNull()).isTrue();
        }
    }

    @Test
    void aWrongTokenShowsTheSignInAgainWithAnErrorAndNoData() throws Exception {
        signIn("not-the-admin-token");

        WebElement error = wait.until(visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(error.getText()).contains("refused");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#hire-rows tr"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Müller-Straße", deliveredHire);
        screenshot("status-page-sign-in.png");

        // A token that stops working mid-session (ADMIN_TOKEN changed) sends the operator back the same way.
        browser.executeScript("sessionStorage.setItem('flatchr-lucca.admin-token', 'an-old-token')");
        browser.navigate().refresh();
        wait.until(visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(browser.executeScript("return sessionStorage.getItem('flatchr-lucca.admin-token')")).isNull();
    }

    @Test
    void aCandidateNameWithMarkupIsShownAsText() {
        signIn(ConnectorProcess.ADMIN_TOKEN);

        WebElement name = wait.until(d -> row(markupHire)).findElement(By.cssSelector("td.candidate"));
        assertThat(name.getText()).isEqualTo(MARKUP + " Martin");
        name.findElement(By.tagName("button")).click();
        WebElement drawer = wait.until(visibilityOfElementLocated(By.id("detail")));
        assertThat(drawer.findElement(By.id("detail-title")).getText()).contains(MARKUP);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aTenantsTokenSeesAnotherCompanysCandidateSaidSoThoughItsEventIsTooLargeForTheList() throws Exception {
        // initech's company's hire, over the list's 64 KiB, pasted into acme's URL: refused, and kept rejected
        ObjectNode event = (ObjectNode) JSON.readTree(FlatchrEvents.hireOfBytes("page-other-company", 70 * 1024));
        event.put("company_id", TwoTenants.INITECH_COMPANY);
        HttpResponse<String> refused = tenants.connector.postTenantWebhook("acme", event, TwoTenants.ACME_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(403);
        String hireId = JSON.readTree(refused.body()).path("hireId").asText();
        try {
            signIn(tenants.connector, "/admin/", TwoTenants.ACME_ADMIN_TOKEN);

            WebElement name = wait.until(d -> row(hireId)).findElement(By.cssSelector("td.candidate"));
            assertThat(name.getText()).as("not 'Open to see the name': acme's token, opening it, sees none")
                    .isEqualTo("Another company's candidate");
        } finally {
            // closed, so that acme has no rejected hire waiting for a person in the tests of its tenants table
            assertThat(tenants.connector.postAdmin("/admin/api/hires/" + hireId + "/cancel", "").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theMappingPreviewShowsWhatAPastedPayloadWouldSend() throws Exception {
        signIn(ConnectorProcess.ADMIN_TOKEN);
        wait.until(d -> row(deliveredHire));

        preview(FlatchrEvents.hire("page-preview", "Zoé", "Lefèvre", "zoe@example.org").toString());

        WebElement result = wait.until(visibilityOfElementLocated(By.cssSelector("#preview-result .preview-request")));
        assertThat(result.getText()).contains("POST", "/api/v3/users?contract=true", "create-user", "\"Lefèvre\"");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("preview-title")));
        screenshot("status-page-preview.png");

        preview("{\"event\":\"new_message\",\"company_id\":4242,\"data\":{}}");
        wait.until(textToBePresentInElementLocated(By.id("preview-result"), "Nothing would be sent to Lucca"));
    }

    @Test
    void aLinkToAHireFromAnAlertOpensItOnceSignedIn() {
        signIn("/admin/#hire=" + deliveredHire, ConnectorProcess.ADMIN_TOKEN);

        WebElement drawer = wait.until(visibilityOfElementLocated(By.id("detail")));
        wait.until(textToBePresentInElementLocated(By.id("detail-title"), "Éloïse Müller-Straße"));
        drawer.findElement(By.id("detail-close")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/admin/");
    }

    @Test
    void theTenantsTableMarksTheCustomerWhoseKeyLuccaRejects() throws Exception {
        signIn(tenants.connector, "/admin/", ConnectorProcess.ADMIN_TOKEN);

        wait.until(d -> "rejected".equals(keyOf("initech")) && "ok".equals(keyOf("acme")));
        assertThat(tenantRow("initech").getText()).contains(tenants.initech.baseUrl(), "Rejected");
        assertThat(tenantRow("initech").getDomAttribute("class")).contains("trouble");
        assertThat(tenantRow("initech").findElement(By.cssSelector("td[data-count='queued']")).getText())
                .isEqualTo("1");
        assertThat(tenantRow("acme").getText()).contains(tenants.acme.baseUrl(), "Accepted");
        assertThat(tenantRow("acme").getDomAttribute("class")).as("acme is fine").isNull();
        assertThat(browser.findElement(By.id("tenants-summary")).getText()).isEqualTo("Needs a look: initech");
        screenshot("status-page-tenants.png");
    }

    @Test
    void choosingATenantNarrowsTheHiresAndTheCountsToItsOwn() throws Exception {
        signIn(tenants.connector, "/admin/", ConnectorProcess.ADMIN_TOKEN);
        wait.until(d -> row(acmeHire) != null && row(initechHire) != null);
        assertThat(tenantOf(acmeHire)).isEqualTo("acme");
        assertThat(tenantOf(initechHire)).isEqualTo("initech");
        assertThat(count("delivered")).isEqualTo("1");

        new Select(browser.findElement(By.id("tenant-filter"))).selectByValue("initech");

        wait.until(d -> row(acmeHire) == null && row(initechHire) != null && "0".equals(count("delivered")));
        assertThat(Integer.parseInt(count("received")) + Integer.parseInt(count("retrying"))).isEqualTo(1);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/#tenant=initech");
        screenshot("status-page-one-tenant.png");

        // The choice is in the address: the page reloaded shows the same tenant from its first drawing.
        browser.navigate().refresh();
        wait.until(d -> row(initechHire) != null);
        assertThat(row(acmeHire)).isNull();
        assertThat(new Select(browser.findElement(By.id("tenant-filter"))).getFirstSelectedOption().getText())
                .isEqualTo("initech");

        row(initechHire).findElement(By.cssSelector("td.candidate button")).click();
        WebElement drawer = wait.until(visibilityOfElementLocated(By.id("detail")));
        assertThat(drawer.findElement(By.xpath(".//dt[.='Tenant']/following-sibling::dd[1]")).getText())
                .isEqualTo("initech");
        assertThat(browser.getCurrentUrl()).endsWith("#tenant=initech&hire=" + initechHire);
        drawer.findElement(By.id("detail-close")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/admin/#tenant=initech");

        // A row of the tenants table chooses its tenant too.
        tenantRow("acme").findElement(By.cssSelector("td.tenant-id button")).click();
        wait.until(d -> row(acmeHire) != null && row(initechHire) == null);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/#tenant=acme");

        // A link to a tenant no one has (a stale bookmark) shows every tenant, not the same error at each refresh.
        browser.navigate().to(browser.getCurrentUrl().replaceFirst("#.*$", "") + "#tenant=nosuch");
        wait.until(d -> row(acmeHire) != null && row(initechHire) != null);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/");
        assertThat(browser.findElement(By.id("updated")).getText()).doesNotContain("Not updated");
    }

    @Test
    void aPreviewWithSeveralTenantsIsMadeForTheChosenOne() {
        signIn(tenants.connector, "/admin/", ConnectorProcess.ADMIN_TOKEN);
        wait.until(d -> tenantRow("initech"));
        String hire = FlatchrEvents.hire("page-tenant-preview", TwoTenants.ACME_COMPANY).toString();

        preview(hire);

        WebElement error = wait.until(visibilityOfElementLocated(By.cssSelector("#preview-result .form-error")));
        assertThat(error.getText()).contains("Several tenants are configured", "(tenant)");

        new Select(browser.findElement(By.id("tenant-filter"))).selectByValue("acme");
        preview(hire);

        WebElement result = wait.until(visibilityOfElementLocated(By.cssSelector("#preview-result .preview-request")));
        assertThat(result.getText()).contains("POST", "/api/v3/users?contract=true");
        assertThat(browser.findElement(By.id("preview-scope")).getText()).contains("acme");
    }

    @Test
    void aHeldHireSaysUntilWhenAndIsDeliveredNowFromItsRow(@TempDir Path own) throws Exception {
        try (FakeLucca ownLucca = FakeLucca.start(API_KEY);
             ConnectorProcess holding = ConnectorProcess.start(own, Map.of("LUCCA_BASE_URL", ownLucca.baseUrl(),
                     "LUCCA_API_KEY", API_KEY, "HIRE_HOLD_SECONDS", "3600"))) {
            String hireId = holding.accept(FlatchrEvents.hire("page-held", "Inès", "Attente",
                    "ines.page-held@example.org"));
            signIn(holding, "/admin/", ConnectorProcess.ADMIN_TOKEN);

            WebElement held = wait.until(d -> row(hireId) == null ? null
                    : row(hireId).findElements(By.cssSelector("[data-held-until]")).stream().findFirst().orElse(null));
            assertThat(held.getText()).startsWith("held until");
            assertThat(actions(hireId)).containsExactly("cancel", "deliver-now");

            row(hireId).findElement(By.cssSelector("button[data-action='deliver-now']")).click();

            wait.until(textToBePresentInElementLocated(By.id("notice"), "Inès Attente is being sent to Lucca now."));
            wait.until(d -> "delivered".equals(statusOf(hireId)));
            assertThat(row(hireId).findElements(By.cssSelector("[data-held-until]"))).isEmpty();
            assertThat(ownLucca.users()).filteredOn(user -> "ines.page-held@example.org".equals(user.mail())).hasSize(1);
        }
    }

    @Test
    void aPageLeftPastTheEndOfAListThatShrankStepsBackToTheLastPageWithHires(@TempDir Path own) throws Exception {
        try (FakeLucca ownLucca = FakeLucca.start(API_KEY);
             ConnectorProcess holding = ConnectorProcess.start(own, Map.of("LUCCA_BASE_URL", ownLucca.baseUrl(),
                     "LUCCA_API_KEY", API_KEY, "HIRE_HOLD_SECONDS", "3600"))) {
            // a page and one more, all held: received until an operator acts
            for (int i = 0; i <= 50; i++) {
                holding.accept(FlatchrEvents.hire("page-past-" + i, "Page", "Numéro" + i, "page.past-" + i
                        + "@example.org"));
            }
            signIn(holding, "/admin/", ConnectorProcess.ADMIN_TOKEN);
            wait.until(d -> "51".equals(count("received")));
            browser.findElement(By.cssSelector(".count[data-status='received']")).click();
            wait.until(textToBePresentInElementLocated(By.id("page-info"), "1–50 of 51"));
            browser.findElement(By.id("next-page")).click();
            wait.until(textToBePresentInElementLocated(By.id("page-info"), "51–51 of 51"));
            String last = browser.findElement(By.cssSelector("#hire-rows tr")).getDomAttribute("data-hire-id");

            row(last).findElement(By.cssSelector("button[data-action='cancel']")).click();

            // one page is all there is now: the pager is hidden, its text is still there
            wait.until(d -> "1–50 of 50".equals(d.findElement(By.id("page-info")).getDomProperty("textContent")));
            assertThat(browser.findElements(By.cssSelector("#hire-rows tr"))).hasSize(50);
            assertThat(row(last)).as("cancelled: no longer received").isNull();
            assertThat(browser.findElement(By.id("empty")).isDisplayed()).isFalse();
        }
    }

    @Test
    void aTenantWithFlatchrsApiShowsItsLastSearchTheHiresItFoundAndSearchesFromTheForm(@TempDir Path own)
            throws Exception {
        try (FakeLucca ownLucca = FakeLucca.start(API_KEY);
             FakeFlatchr flatchr = FakeFlatchr.start(FLATCHR_KEY, FLATCHR_COMPANY)) {
            flatchr.addColumn(new Column("9", "Recruté", 5, true));
            flatchr.addVacancy(new Vacancy(VACANCY, 5, "Développeuse Java", "DEV-1", 1, "2026-01-05", null, 1, null,
                    List.of()));
            flatchr.addTag(Tag.freeText("Tg8kLm2NpQ4rSt6u", 71, "Lucca"));
            // hired while the connector was not running: its first search finds it
            flatchr.addApplication(ApplicationSeed.of(new Candidate("Jeanne", "Trouvée", "jeanne.page-api@example.org",
                    ""), VACANCY, "Recruté"));
            // hired before it was installed, older than the first search's look-back: only a backfill finds it
            flatchr.addApplication(ApplicationSeed.of(new Candidate("Paul", "Avant", "paul.page-api@example.org", ""),
                    VACANCY, "Recruté").updatedAt(Instant.now().minus(Duration.ofDays(20))));

            try (ConnectorProcess withFlatchr = withFlatchr(own, ownLucca, flatchr, Map.of("FLATCHR_RESULT_TAG",
                    "Lucca"))) {
                signIn(withFlatchr, "/admin/", ConnectorProcess.ADMIN_TOKEN);

                wait.until(d -> "succeeded".equals(lastSearchOf("default")));
                WebElement flatchrCell = tenantRow("default").findElement(By.cssSelector("td.flatchr"));
                assertThat(flatchrCell.findElement(By.cssSelector(".badge")).getDomAttribute("data-flatchr-api"))
                        .isEqualTo("ok");
                assertThat(flatchrCell.getText()).contains("Accepted", "searched ", ": 1 found, 1 recorded; next ");

                String hireId = wait.until(d -> d.findElements(By.cssSelector("#hire-rows tr")).stream().findFirst()
                        .map(row -> row.getDomAttribute("data-hire-id")).orElse(null));
                wait.until(d -> "delivered".equals(statusOf(hireId)) && "written".equals(writeBackOf(hireId)));
                WebElement origin = row(hireId).findElement(By.cssSelector("td.candidate .origin"));
                assertThat(origin.getText()).startsWith("API");
                assertThat(origin.getDomAttribute("title")).contains("its webhook never came");
                assertThat(row(hireId).getText()).contains("Jeanne Trouvée", "Delivered", "in Flatchr: written");
                assertThat(tenantRow("default").getDomAttribute("class")).as("nothing to look at").isNull();

                row(hireId).findElement(By.cssSelector("td.candidate button")).click();
                WebElement drawer = wait.until(visibilityOfElementLocated(By.id("detail")));
                assertThat(fact(drawer, "Came from")).contains("search of Flatchr's API");
                assertThat(fact(drawer, "In Flatchr")).contains("written on the candidate");
                drawer.findElement(By.id("detail-close")).click();

                LocalDate since = LocalDate.now().minusDays(30);
                WebElement sinceInput = browser.findElement(By.id("flatchr-since"));
                typeDay(sinceInput, since);
                assertThat(sinceInput.getDomProperty("value")).isEqualTo(since.toString());
                assertThat(browser.findElement(By.id("flatchr-dry-run")).isSelected()).as("dry run by default")
                        .isTrue();
                browser.findElement(By.id("flatchr-search-button")).click();

                WebElement listed = wait.until(visibilityOfElementLocated(
                        By.cssSelector("#flatchr-search-result .found-list")));
                assertThat(listed.findElements(By.tagName("li"))).singleElement()
                        .satisfies(item -> assertThat(item.getText()).contains("Paul Avant", "Développeuse Java"));
                assertThat(browser.findElement(By.id("flatchr-search-result")).getText())
                        .contains("Dry run", "2 hires in Flatchr", "1 not known yet would be recorded");
                assertThat(JSON.readTree(withFlatchr.get("/admin/api/hires", "Bearer " + ConnectorProcess.ADMIN_TOKEN)
                        .body()).path("total").asInt()).as("a dry run records nothing").isEqualTo(1);
                // the whole page: the tenants table, the search and the hire it found
                browser.manage().window().setSize(new Dimension(1366, 1000));
                wait.until(d -> row(hireId) != null);
                screenshot("status-page-flatchr.png");
                assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as("browser console errors")
                        .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                        .extracting(LogEntry::getMessage).isEmpty();

                // A year on, Flatchr refuses the key: a search from the form fails, the tenant's row asks for a look.
                flatchr.expireKey();
                browser.findElement(By.id("flatchr-dry-run")).click();
                browser.findElement(By.id("flatchr-search-button")).click();
                // the form says it failed, the table why: the key; an operator's search that failed is the operator's
                // to read, and does not stand for the scheduled search's outcome
                wait.until(visibilityOfElementLocated(By.cssSelector("#flatchr-search-result .form-error")));
                wait.until(d -> "rejected".equals(tenantRow("default").findElement(By.cssSelector("td.flatchr .badge"))
                        .getDomAttribute("data-flatchr-api")));
                assertThat(tenantRow("default").getText()).contains("Rejected");
                assertThat(lastSearchOf("default")).isEqualTo("succeeded");
                assertThat(tenantRow("default").getDomAttribute("class")).contains("trouble");
                assertThat(browser.findElement(By.id("tenants-summary")).getText()).isEqualTo("Needs a look: default");
                screenshot("status-page-flatchr-rejected.png");
            }
        }
    }

    /**
     * A backfill whose search of moves out of hired failed (an answer over the cap, Flatchr down) still succeeds with
     * the hires it found: the form says the moves failed, not only "nothing to record", as a candidate moved out in
     * those days is not withdrawn yet and their hire may reach Lucca.
     */
    @Test
    void aBackfillWhoseSearchOfMovesFailedSaysSoBesideTheHiresItFound(@TempDir Path own) throws Exception {
        try (FakeLucca ownLucca = FakeLucca.start(API_KEY);
             FakeFlatchr flatchr = FakeFlatchr.start(FLATCHR_KEY, FLATCHR_COMPANY)) {
            flatchr.addColumn(new Column("9", "Recruté", 5, true));
            flatchr.addVacancy(new Vacancy(VACANCY, 5, "Développeuse Java", "DEV-1", 1, "2026-01-05", null, 1, null,
                    List.of()));
            try (ConnectorProcess withFlatchr = withFlatchr(own, ownLucca, flatchr, Map.of())) {
                signIn(withFlatchr, "/admin/", ConnectorProcess.ADMIN_TOKEN);
                wait.until(d -> "succeeded".equals(lastSearchOf("default")));
                // every change listed in a shape no search reads: the search of moves fails, the hires' search not
                flatchr.answerSearchesOfEveryChangeWith(new Reply(200, "{\"total\": 1}", Map.of()));

                browser.findElement(By.id("flatchr-dry-run")).click();
                browser.findElement(By.id("flatchr-search-button")).click();

                WebElement said = wait.until(visibilityOfElementLocated(
                        By.cssSelector("#flatchr-search-result .form-error")));
                assertThat(browser.findElement(By.id("flatchr-search-result")).getText())
                        .contains("Flatchr shows no hire in that time.");
                assertThat(said.getText()).contains("moves out of hired", "failed", "not withdrawn yet");
            }
        }
    }

    @Test
    void aSearchOfFlatchrOutlastingItsConnectionSaysItMayStillBeRunningAndWhereToSeeIt(@TempDir Path own)
            throws Exception {
        try (FakeLucca ownLucca = FakeLucca.start(API_KEY);
             FakeFlatchr flatchr = FakeFlatchr.start(FLATCHR_KEY, FLATCHR_COMPANY)) {
            flatchr.addColumn(new Column("9", "Recruté", 5, true));
            flatchr.addVacancy(new Vacancy(VACANCY, 5, "Développeuse Java", "DEV-1", 1, "2026-01-05", null, 1, null,
                    List.of()));
            // a connection silent this long is closed, a request being answered too
            try (ConnectorProcess withFlatchr = withFlatchr(own, ownLucca, flatchr, Map.of("HTTP_IDLE_TIMEOUT_SECONDS",
                    "2"))) {
                signIn(withFlatchr, "/admin/", ConnectorProcess.ADMIN_TOKEN);
                wait.until(d -> "succeeded".equals(lastSearchOf("default")));
                // months of a busy company's hires: the search outlasts the connection that asked for it
                flatchr.latency(Duration.ofSeconds(3));

                browser.findElement(By.id("flatchr-dry-run")).click();
                browser.findElement(By.id("flatchr-search-button")).click();

                // Chromium sends a request whose reused connection closed unanswered once more, which finds the first
                // search going on: the page says either, as the connection it took was new or kept from a refresh
                WebElement said = wait.until(visibilityOfElementLocated(
                        By.cssSelector("#flatchr-search-result .form-error")));
                assertThat(said.getText()).containsAnyOf("closed before the search was over; it may still be running",
                        "one asked before whose answer never came").contains("the tenant's last search");
            }
        }
    }

    /**
     * A connector of its own with Flatchr's API: one search at start, none while a test's form runs (a search going on
     * would answer 409), and the settings a test adds.
     */
    private static ConnectorProcess withFlatchr(Path own, FakeLucca lucca, FakeFlatchr flatchr,
                                                Map<String, String> more) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("LUCCA_BASE_URL", lucca.baseUrl(),
                "LUCCA_API_KEY", API_KEY, "FLATCHR_API_KEY", FLATCHR_KEY, "FLATCHR_COMPANY_KEY", FLATCHR_COMPANY,
                "FLATCHR_COMPANY_ID", "4242", "FLATCHR_API_BASE_URL", flatchr.baseUrl(),
                "FLATCHR_RECONCILE_INTERVAL_SECONDS", "3600"));
        settings.putAll(more);
        return ConnectorProcess.start(own, settings);
    }

    private void preview(String payload) {
        WebElement input = browser.findElement(By.id("preview-input"));
        input.clear();
        input.sendKeys(payload);
        browser.findElement(By.id("preview-button")).click();
    }

    private void signIn(String token) {
        signIn("/admin/", token);
    }

    private void signIn(String path, String token) {
        signIn(connector, path, token);
    }

    private void signIn(ConnectorProcess on, String path, String token) {
        browser.get(on.baseUrl() + path);
        wait.until(visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        browser.findElement(By.id("sign-in-button")).click();
    }

    /** The row of a hire, or null while the table does not show it. */
    private WebElement row(String hireId) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#hire-rows tr[data-hire-id='" + hireId + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String statusOf(String hireId) {
        WebElement row = row(hireId);
        return row == null ? null : row.findElement(By.cssSelector(".badge")).getDomAttribute("data-status");
    }

    private String tenantOf(String hireId) {
        return row(hireId).findElement(By.cssSelector("td.tenant")).getText();
    }

    /** The row of a tenant in the tenants table, or null while the table does not show it. */
    private WebElement tenantRow(String tenant) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#tenant-rows tr[data-tenant='" + tenant + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** What the tenants table says Lucca made of the tenant's key, or null while it does not show it. */
    private String keyOf(String tenant) {
        WebElement row = tenantRow(tenant);
        return row == null ? null : row.findElement(By.cssSelector("td.key .badge")).getDomAttribute("data-credentials");
    }

    /** The outcome of the tenant's last search of Flatchr as its row shows it, or null while it shows none. */
    private String lastSearchOf(String tenant) {
        WebElement row = tenantRow(tenant);
        List<WebElement> line = row == null ? List.of() : row.findElements(By.cssSelector("td.flatchr .last-search"));
        return line.isEmpty() ? null : line.get(0).getDomAttribute("data-outcome");
    }

    /** Where the hire's outcome written in Flatchr stands as its row shows it, or null while it shows none. */
    private String writeBackOf(String hireId) {
        WebElement row = row(hireId);
        List<WebElement> line = row == null ? List.of() : row.findElements(By.cssSelector(".writeback"));
        return line.isEmpty() ? null : line.get(0).getDomAttribute("data-write-back");
    }

    /**
     * Types a day into a date field as a person would, its parts in the order the browser's language shows them
     * (headless Chromium on Linux speaks en-US whatever --lang says: month first).
     */
    private void typeDay(WebElement input, LocalDate day) {
        List<?> order = (List<?>) browser.executeScript("return new Intl.DateTimeFormat(navigator.language, "
                + "{day: '2-digit', month: '2-digit', year: 'numeric'}).formatToParts(new Date())"
                + ".map(part => part.type).filter(type => type !== 'literal')");
        StringBuilder keys = new StringBuilder();
        for (Object part : order) {
            keys.append(switch (String.valueOf(part)) {
                case "day" -> "%02d".formatted(day.getDayOfMonth());
                case "month" -> "%02d".formatted(day.getMonthValue());
                default -> "%04d".formatted(day.getYear());
            });
        }
        input.sendKeys(keys);
    }

    private static String fact(WebElement drawer, String name) {
        return drawer.findElement(By.xpath(".//dt[.='" + name + "']/following-sibling::dd[1]")).getText();
    }

    /** The number a status's count shows. */
    private String count(String status) {
        return browser.findElement(By.cssSelector(".count[data-status='" + status + "'] .count-value")).getText();
    }

    private List<String> actions(String hireId) {
        return row(hireId).findElements(By.cssSelector("td.actions button")).stream()
                .map(button -> button.getDomAttribute("data-action")).toList();
    }

    private void screenshot(String name) throws Exception {
        Files.write(Path.of("target", name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String accepted(String applicantId, String firstName, String lastName) throws Exception {
        String email = firstName.toLowerCase().replaceAll("[^a-z]", "") + "." + applicantId + "@example.org";
        return connector.accept(FlatchrEvents.hire(applicantId, firstName, lastName, email));
    }
}
