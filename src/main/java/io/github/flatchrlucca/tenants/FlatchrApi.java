package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.mapping.AsciiDigits;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One tenant's access to Flatchr's REST API: what lets the connector ask Flatchr for the hires whose webhook never
 * came (reconciliation), and tell the recruiter in Flatchr what became of each hire (write-back to a candidate
 * tag). A tenant without it works from webhooks alone, as before.
 *
 * @param baseUrl            where Flatchr's API answers, without a trailing slash: {@code https://api.flatchr.io},
 *                           or a demo host or proxy
 * @param apiKey             the key made on Flatchr's <i>Settings &gt; Advanced &gt; API</i> page, sent as
 *                           {@code Authorization: Bearer}. A secret: never in {@link #toString()}, a message or a
 *                           log. It <b>expires 365 days after it was made</b> (Flatchr warns its admins 15 days
 *                           before); then every call is refused until a new one is set
 * @param companyKey         the encoded company key shown on the same page, which every API path carries
 *                           ({@code /company/Wy3EOp2NP3p1KMq8/...}): 8 to 64 letters and digits. It is not the
 *                           webhook's numeric {@code company_id}; a tenant needs both
 * @param reconcileInterval  how often Flatchr is asked for hires; {@link Duration#ZERO}: never, and the key only
 *                           serves the write-back
 * @param reconcileLookback  how far back, in whole days (at least one), the first search after install looks;
 *                           later searches start the day before the last successful one
 * @param resultTag          title or id of the candidate tag (a free-text, {@code creatable} one) that receives
 *                           each hire's outcome for the recruiter to see; empty: nothing is written to Flatchr
 */
public record FlatchrApi(
        URI baseUrl,
        String apiKey,
        String companyKey,
        Duration reconcileInterval,
        Duration reconcileLookback,
        Optional<String> resultTag) {

    /** Flatchr's production API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.flatchr.io");
    public static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofSeconds(900);
    public static final Duration DEFAULT_RECONCILE_LOOKBACK = Duration.ofDays(3);
    /**
     * The longest interval a setting may give, in seconds (a week): reconciliation exists to create a missed hire
     * before their first day, and a larger number is more likely milliseconds written as seconds.
     */
    public static final int MAX_RECONCILE_INTERVAL_SECONDS = 7 * 24 * 3600;
    /**
     * The shortest interval but zero (never), in seconds: each run makes a search of every candidate changed, in
     * one answer of up to 8 MiB, which a run every few seconds would ask of Flatchr over and over.
     */
    public static final int MIN_RECONCILE_INTERVAL_SECONDS = 60;
    /** What an interval setting accepts, as its refusal says it. */
    public static final String RECONCILE_INTERVAL_RANGE = "0 (never), or from " + MIN_RECONCILE_INTERVAL_SECONDS
            + " (a minute) to " + MAX_RECONCILE_INTERVAL_SECONDS + " (a week): seconds, not milliseconds";
    /** The longest look-back a setting may give, in days: older hires are for a backfill, with a window of its own. */
    public static final int MAX_RECONCILE_LOOKBACK_DAYS = 365;
    /** How a company key is described to an operator who wrote a wrong one. */
    public static final String COMPANY_KEY_SHAPE = "8 to 64 letters and digits such as Wy3EOp2NP3p1KMq8, shown on "
            + "Flatchr's Settings > Advanced > API page (not the webhook's numeric company_id)";

    private static final Pattern COMPANY_KEY = Pattern.compile("[A-Za-z0-9]{8,64}");

    /** Checks every component: a record that exists is one the connector can call Flatchr with. */
    public FlatchrApi {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(companyKey, "companyKey");
        Objects.requireNonNull(reconcileInterval, "reconcileInterval");
        Objects.requireNonNull(reconcileLookback, "reconcileLookback");
        Objects.requireNonNull(resultTag, "resultTag");
        baseUrl = ServiceUrl.withoutTrailingSlashes(baseUrl);
        if (!ServiceUrl.isHttpWithHost(baseUrl)) {
            throw new IllegalArgumentException("the Flatchr API base URL '" + baseUrl
                    + "' is not an http(s) URL with a host");
        }
        ApiKeys.problem(apiKey).ifPresent(problem -> {
            throw new IllegalArgumentException("the Flatchr API key " + problem);
        });
        companyKeyProblem(companyKey).ifPresent(problem -> {
            throw new IllegalArgumentException("the Flatchr company key " + problem);
        });
        sameKeysProblem(companyKey, apiKey, "the API key").ifPresent(problem -> {
            throw new IllegalArgumentException("the Flatchr company key " + problem);
        });
        if (reconcileInterval.isNegative() || !reconcileInterval.isZero()
                && reconcileInterval.compareTo(Duration.ofSeconds(MIN_RECONCILE_INTERVAL_SECONDS)) < 0) {
            throw new IllegalArgumentException("the reconcile interval " + reconcileInterval.toSeconds()
                    + " s is not " + RECONCILE_INTERVAL_RANGE);
        }
        if (reconcileLookback.toDays() < 1 || !reconcileLookback.equals(Duration.ofDays(reconcileLookback.toDays()))) {
            throw new IllegalArgumentException("the reconcile look-back " + reconcileLookback
                    + " is not a whole number of days, at least one");
        }
        resultTag = resultTag.map(String::strip);
        if (resultTag.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("the result tag is blank; leave it out to write nothing to Flatchr");
        }
    }

    /** Whether Flatchr is searched for hires at every {@link #reconcileInterval()}. */
    public boolean reconciles() {
        return !reconcileInterval.isZero();
    }

    /**
     * The company key given the API key's value, which a copy from Flatchr's page swaps easily: the problem, which
     * never quotes it.
     *
     * @param apiKeyName how the operator writes the API key, named in the problem
     */
    public static Optional<String> sameKeysProblem(String companyKey, String apiKey, String apiKeyName) {
        return companyKey.equals(apiKey)
                ? Optional.of("is " + apiKeyName + " (not shown); expected " + COMPANY_KEY_SHAPE)
                : Optional.empty();
    }

    /**
     * Why {@code written} is not a company key, as the end of a sentence naming the setting; empty when it is.
     * Never quotes it: an API key pasted in the wrong place would be repeated in a log.
     */
    public static Optional<String> companyKeyProblem(String written) {
        if (COMPANY_KEY.matcher(written).matches()) {
            return Optional.empty();
        }
        String what;
        if (AsciiDigits.only(written)) {
            what = "is a number of " + written.length() + " digits";
        } else if (written.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            what = "has " + written.length() + " characters";
        } else {
            what = "has characters other than letters and digits (the value is not shown: it may be a secret "
                    + "pasted in the wrong place)";
        }
        return Optional.of(what + "; expected " + COMPANY_KEY_SHAPE);
    }

    /** Never with the key: settings end up in logs and debuggers. */
    @Override
    public String toString() {
        return "FlatchrApi[baseUrl=" + baseUrl + ", apiKey=***, companyKey=***, reconcileInterval="
                + (reconciles() ? reconcileInterval.getSeconds() + "s" : "never") + ", reconcileLookback="
                + reconcileLookback.toDays() + "d, resultTag=" + resultTag.orElse("none (no write-back)") + "]";
    }

}
