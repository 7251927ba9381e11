package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.JournalReader;
import io.github.flatchrlucca.journal.MoveOut;
import io.github.flatchrlucca.journal.JournalUnavailable;
import io.github.flatchrlucca.http.KeyState;
import io.github.flatchrlucca.signals.BackInHiredAlert;
import io.github.flatchrlucca.signals.DaysNotSearchedAlert;
import io.github.flatchrlucca.signals.DeliveryAlerts;
import io.github.flatchrlucca.signals.RejectedHireAlert;
import io.github.flatchrlucca.signals.SkippedApplicationAlert;
import io.github.flatchrlucca.signals.WebhookTokenRefusedAlert;
import io.github.flatchrlucca.tenants.TenantRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tells the team's chat (Slack or Mattermost incoming webhook) what needs a person: a dead hire, a rejected
 * API key, a queue that stopped moving. Each message says what happened and links to the hire on the status
 * page, never with the candidate's e-mail or phone, and each is sent at most once per hire and state by this instance:
 * what happens to a hire (dead, moved out) happens on one instance, but what each watches for itself (the queue's age,
 * a skipped application, which its searches remember) is remembered in its memory only, so every instance tells it,
 * and again after a restart.
 * Hires that die together (one cause for a whole tenant: a refusing Lucca, a wrong mapping), or are rejected together
 * as they come (a wrong FLATCHR_COMPANY_ID refuses every one), are told one by one for the first
 * {@link #TOLD_ONE_BY_ONE} of a {@link #BURST}, the others as a count once it is over, the dead and the rejected
 * counted apart: a backlog dying at once must not flood the channel, nor run into the chat's own rate limit, whose
 * refusals, tried again a few times only (routeConfiguration alert-failures), would lose the alerts that matter.
 */
public final class Alerts implements DeliveryAlerts, RejectedHireAlert, SkippedApplicationAlert, DaysNotSearchedAlert,
        BackInHiredAlert, WebhookTokenRefusedAlert {

    private final Consumer<String> send;
    private final String statusPage;
    private final JournalReader reader;
    private final QueueWait queueWait;
    private final Clock clock;
    // Each tenant's last wait told: the hire and when its wait began. A hire told late, then dead and replayed (or moved
    // back into hired), waits anew: by its id alone, its new wait would never be told while it stays the oldest.
    private final Map<String, SlowWait> lastSlowWait = new HashMap<>();
    private final Map<BurstOf, Burst> bursts = new HashMap<>();

    /** How long after a tenant's first dead (or rejected) hire the next ones belong to the same burst. */
    static final Duration BURST = Duration.ofMinutes(1);
    /** How many of a burst's hires are told one by one, each with its link. */
    static final int TOLD_ONE_BY_ONE = 5;

    /**
     * What a burst is of: one tenant's hires dead in delivery, rejected as they came, or held as a webhook's hire's
     * namesakes: each told apart, as what a person does about them differs.
     */
    private record BurstOf(String tenant, Kind kind) {
    }

    private enum Kind { DEAD, REJECTED, NAMESAKE, REHIRE, ENDS_SOONER }

    /** One wait of a queued hire: from when it last entered the queue, or its hold's end ({@link QueueWait#since}). */
    private record SlowWait(String hireId, java.time.Instant since) {
    }

    /** Hires since {@code since}: {@code told} of them told, {@code more} counted, the last cause. */
    private record Burst(java.time.Instant since, int told, int more, String lastWhy) {
    }

    /**
     * @param send posts one message without waiting; it must never block delivery or throw. It is given each text as the
     *             chat is to read it ({@link ChatText})
     */
    public Alerts(Consumer<String> send, String publicBaseUrl, JournalReader reader, Duration queueAgeLimit,
                  Clock clock) {
        this.send = alert -> send.accept(ChatText.of(alert));
        this.statusPage = publicBaseUrl + "/admin/";
        this.reader = reader;
        this.queueWait = new QueueWait(queueAgeLimit, clock);
        this.clock = clock;
    }

    @Override
    public synchronized void hireDead(String tenant, String hireId, String why) {
        if (toldOneByOne(new BurstOf(tenant, Kind.DEAD), why)) {
            send.accept(":red_circle: Hire " + hireId + " of tenant " + tenant + " is dead and will not reach Lucca by "
                    + "itself: " + why + ". Fix the cause, then replay it: " + link(hireId));
        }
    }

    /**
     * A hire refused as it came and recorded as rejected: Flatchr shows its recruiters no webhook it was refused, and
     * sends none again, so without this nobody would know until the new employee is missing from Lucca.
     */
    @Override
    public synchronized void hireRejected(String tenant, String hireId, String why) {
        if (toldOneByOne(new BurstOf(tenant, Kind.REJECTED), why)) {
            send.accept(":no_entry: Hire " + hireId + " of tenant " + tenant + " was rejected as it came and will not "
                    + "reach Lucca by itself: " + why + ". Flatchr shows no refused webhook: complete the candidate "
                    + "in Flatchr and drag them into hired again, or, if the tenant's Flatchr company ids are what is "
                    + "wrong, correct them and replay it: " + link(hireId));
        }
    }

    /**
     * A hire a search found, of the names and vacancy of a webhook's hire under another e-mail: rejected until a
     * person decides whether the recruiter corrected the e-mail (one person, in Lucca already) or it is a namesake.
     */
    @Override
    public synchronized void namesakeHeld(String tenant, String hireId, String why) {
        if (toldOneByOne(new BurstOf(tenant, Kind.NAMESAKE), why)) {
            send.accept(":no_entry: Hire " + hireId + " of tenant " + tenant + ", found by a search of Flatchr's API, "
                    + "waits for a person and will not reach Lucca by itself: " + why + ": " + link(hireId));
        }
    }

    /**
     * A returning employee the tenant chose to decide on itself (LUCCA_REHIRE=report): the status page and Flatchr's
     * write-back show it, but nobody who decides reads them unasked, and the employee has no contract meanwhile.
     */
    @Override
    public synchronized void rehireReported(String tenant, String hireId, long luccaUserId) {
        if (toldOneByOne(new BurstOf(tenant, Kind.REHIRE), "Lucca user #" + luccaUserId)) {
            send.accept(":information_source: Hire " + hireId + " of tenant " + tenant + " is a former employee, Lucca "
                    + "user #" + luccaUserId + ": nothing was written in Lucca (LUCCA_REHIRE=report). Decide: give them "
                    + "their new contract in Lucca by hand, or nothing if they are not coming back: " + link(hireId));
        }
    }

    /**
     * An employee whose contract ends before the hire's would: "already in Lucca" reads as done, and only the hire's
     * warning says that they leave Lucca on that day, the new contract never made.
     */
    @Override
    public synchronized void contractEndsSooner(String tenant, String hireId, long luccaUserId, String lastDay) {
        if (toldOneByOne(new BurstOf(tenant, Kind.ENDS_SOONER), "Lucca user #" + luccaUserId)) {
            send.accept(":information_source: Hire " + hireId + " of tenant " + tenant + " is already in Lucca, user #"
                    + luccaUserId + ", whose contract ends on " + lastDay + ", before this hire's: no new contract was "
                    + "made. Give them theirs in Lucca by hand, or they leave it on that day: " + link(hireId));
        }
    }

    /** Whether a hire of the burst is told by itself, or only counted, its burst being told enough already. */
    private boolean toldOneByOne(BurstOf of, String why) {
        Burst burst = bursts.get(of);
        if (burst != null && isOpen(burst) && burst.told() >= TOLD_ONE_BY_ONE) {
            bursts.put(of, new Burst(burst.since(), burst.told(), burst.more() + 1, why));
            return false;
        }
        if (burst != null && isOpen(burst)) {
            bursts.put(of, new Burst(burst.since(), burst.told() + 1, 0, why));
        } else {
            summarise(of, burst);
            bursts.put(of, new Burst(clock.instant(), 1, 0, why));
        }
        return true;
    }

    /**
     * The timer's: each tenant's burst of dead hires, and of rejected ones, once over, told as a count (none when
     * no more than were told one by one).
     */
    public synchronized void summariseBursts() {
        bursts.entrySet().removeIf(entry -> {
            if (isOpen(entry.getValue())) {
                return false;
            }
            summarise(entry.getKey(), entry.getValue());
            return true;
        });
    }

    private boolean isOpen(Burst burst) {
        return clock.instant().isBefore(burst.since().plus(BURST));
    }

    private void summarise(BurstOf of, Burst burst) {
        if (burst == null || burst.more() == 0) {
            return;
        }
        switch (of.kind()) {
            case REJECTED -> send.accept(":no_entry: " + burst.more() + " more hire(s) of tenant " + of.tenant()
                    + " were rejected within " + BURST.toMinutes() + " minute(s) of the ones above (the last: "
                    + burst.lastWhy() + "). Complete them in Flatchr and drag them into hired again, or, if the "
                    + "tenant's Flatchr company ids are what is wrong, correct them and replay them from the status "
                    + "page: " + statusPage);
            case NAMESAKE -> send.accept(":no_entry: " + burst.more() + " more hire(s) of tenant " + of.tenant()
                    + " found by a search of Flatchr's API wait for a person, within " + BURST.toMinutes()
                    + " minute(s) of the ones above (the last: " + burst.lastWhy() + "). Each has the names and "
                    + "vacancy of a webhook's hire under another e-mail: cancel it if the e-mail was corrected in "
                    + "Flatchr, replay it if it is another person, from the status page: " + statusPage);
            case REHIRE -> send.accept(":information_source: " + burst.more() + " more hire(s) of tenant "
                    + of.tenant() + " are former employees, within " + BURST.toMinutes() + " minute(s) of the ones "
                    + "above (the last: " + burst.lastWhy() + "): nothing was written in Lucca (LUCCA_REHIRE=report); "
                    + "give each their new contract in Lucca by hand, from the status page: " + statusPage);
            case ENDS_SOONER -> send.accept(":information_source: " + burst.more() + " more hire(s) of tenant "
                    + of.tenant() + " are employees whose contract in Lucca ends before the hire's, within "
                    + BURST.toMinutes() + " minute(s) of the ones above (the last: " + burst.lastWhy() + "): no new "
                    + "contract was made; give each theirs in Lucca by hand, from the status page: " + statusPage);
            case DEAD -> send.accept(":red_circle: " + burst.more() + " more hire(s) of tenant " + of.tenant()
                    + " died within " + BURST.toMinutes() + " minute(s) of the ones above (the last: "
                    + burst.lastWhy() + "). Fix the cause, then replay them from the status page: " + statusPage);
        }
    }

    /**
     * A search of Flatchr's API found an application no hire can be recorded from: it is not in the journal, and
     * would reach Lucca only by hand. The search tells each application once, however often it finds it again.
     */
    @Override
    public void applicationSkipped(String tenant, String flatchrApplicant, String why) {
        send.accept(":warning: A search of tenant " + tenant + "'s Flatchr found application " + flatchrApplicant
                + ", which no hire can be recorded from (" + why + "): it will not reach Lucca by itself. Look at "
                + "it in Flatchr, and create its user in Lucca by hand if it is a hire. " + statusPage);
    }

    /**
     * A tenant's first search of Flatchr's API leaves days out (no search succeeded since the first try, which looks
     * further back than a year): their hires are found by a backfill only. Told once per tenant: the journal keeps the days, and the instance that recorded
     * them is the one that tells.
     */
    @Override
    public void daysNotSearched(String tenant, LocalDate from, LocalDate before) {
        send.accept(":warning: No search of tenant " + tenant + "'s Flatchr has succeeded since the first was tried, "
                + "and a search looks back a year at most: the hires made from " + from + " to " + before.minusDays(1) + " (a day "
                + "more each day until one succeeds) are in no search, and will not reach Lucca by themselves if "
                + "their webhook never came. Once searches succeed, backfill them (POST /admin/api/reconcile?tenant="
                + tenant + "&since=" + from + ", or from the status page; each search covers its since to today, so "
                + "a large company moves since back a few weeks at a time, down to " + from + "). "
                + statusPage);
    }

    /**
     * Webhooks to a configured tenant's URL refused for their token: Flatchr shows no refused call and sends none
     * again, so each hire sent meanwhile is lost but to a search of Flatchr's API. Never the token nor the URL with it:
     * the person who fixes it has both.
     */
    @Override
    public void tokenRefused(String tenant, boolean tokenGiven, long refusals, Instant since) {
        send.accept(":no_entry: Webhooks to tenant " + tenant + "'s URL were refused " + refusals + " time(s) since "
                + since.truncatedTo(ChronoUnit.SECONDS) + ", the latest with "
                + (tokenGiven ? "a wrong token" : "no token")
                + ": if its webhook token was changed, update the URL in Flatchr (Administration > Marketplace > "
                + "Webhooks). Flatchr does not send a refused hire again: a search of Flatchr's API finds it if the "
                + "tenant has an API key, otherwise create its user in Lucca by hand. Refusals are told here at most once "
                + "an hour (those after this message are told an hour after it, whether more follow or not), each "
                + "minute's in the log. "
                + statusPage);
    }

    /**
     * The candidate was moved out of hired in Flatchr after their hire reached Lucca (an account made, or that may have
     * been; a rehire's contract made) or after HR was asked to give them their contract by hand: the mark says which.
     */
    public void movedOutAfterLucca(String tenant, MoveOut moveOut) {
        send.accept(":warning: Hire " + moveOut.hireId() + " of tenant " + tenant + " was " + moveOut.decisionNeeded()
                + "; decide what to do in Lucca (the connector changes nothing there), then clear the mark with a note: "
                + link(moveOut.hireId()));
    }

    @Override
    public void backInHiredAfterDecisionAsked(String tenant, String hireId) {
        send.accept(":information_source: Hire " + hireId + " of tenant " + tenant + " is back in hired in Flatchr, "
                + "after its move out asked what to do in Lucca: if its account or contract was ended or deleted "
                + "since, the candidate hired has none now; check it in Lucca. " + link(hireId));
    }

    @Override
    public void decisionNoLongerNeeded(String tenant, String hireId) {
        send.accept(":information_source: Hire " + hireId + " of tenant " + tenant + " no longer needs a decision: Lucca "
                + "made nothing of its create (stopped before it was sent, or refused by Lucca), so no account was made "
                + "and nobody need look for one. "
                + link(hireId));
    }

    @Override
    public void defaultDepartmentUnlisted(String tenant, String problem) {
        send.accept(":warning: Tenant " + tenant + ": " + problem + ", so Lucca would refuse every new user placed "
                + "there: its hires that match no department by name stop, dead, with nothing sent to Lucca. Set it to a "
                + "department Lucca lists (or unset it, for Lucca's own default), then replay them. " + statusPage);
    }

    @Override
    public void defaultDepartmentListed(String tenant, String setting) {
        send.accept(":white_check_mark: Tenant " + tenant + ": " + setting + " is among Lucca's departments; its "
                + "hires that fall back to it go to Lucca again (replay those that died meanwhile). " + statusPage);
    }

    public void credentialsChanged(String tenant, KeyState.State state) {
        if (state == KeyState.State.REJECTED) {
            send.accept(":warning: Lucca rejects the API key of tenant " + tenant + ". Its hires are kept and will be "
                    + "delivered once the key is valid and has its rights. " + statusPage);
        } else if (state == KeyState.State.OK) {
            send.accept(":white_check_mark: Lucca accepts the API key of tenant " + tenant + " again; delivery goes on.");
        }
    }

    /** A tenant's delivery route could not be made (its hires wait), its tries ended, or it is made after that. */
    public void deliveryRouteChanged(String tenant, TenantRoutes.State state) {
        switch (state) {
            case FAILED -> send.accept(":warning: The delivery route of tenant " + tenant + " could not be made (the "
                    + "log says why): its hires are kept and wait; it is tried again at the next checks. " + statusPage);
            case GIVEN_UP -> send.accept(":x: The delivery route of tenant " + tenant + " still cannot be made and is "
                    + "no longer tried: its hires wait until a change of the tenants file or a restart makes it. "
                    + statusPage);
            case RUNNING -> send.accept(":white_check_mark: The delivery route of tenant " + tenant + " is made; "
                    + "delivery goes on.");
        }
    }

    /** Flatchr's API now rejects (or accepts again) a tenant's key: its searches and write-backs wait meanwhile. */
    public void flatchrKeyChanged(String tenant, KeyState.State state) {
        if (state == KeyState.State.REJECTED) {
            send.accept(":warning: Flatchr's API rejects the API key of tenant " + tenant + " (Flatchr's keys expire a "
                    + "year after they were made): missed hires are not searched for until a valid key is set. "
                    + "Webhooks are still received and delivered. " + statusPage);
        } else if (state == KeyState.State.OK) {
            send.accept(":white_check_mark: Flatchr's API accepts the API key of tenant " + tenant + " again.");
        }
    }

    /** A changed tenants file was refused: the previous configuration stays in force until it is fixed. */
    public void tenantsRefused(String why) {
        send.accept(":warning: The tenants file was changed but refused, the previous configuration stays in force: "
                + why);
    }

    /**
     * A tenant's oldest queued hire waits longer than the limit: said once for that wait of that hire by this instance
     * (each instance's timer looks, and remembers in its memory only: docs/operations.md says so).
     */
    public synchronized void checkQueueAge() {
        List<HireView> oldest;
        try {
            oldest = reader.oldestQueuedOfEachTenant();
        } catch (JournalUnavailable e) {
            return; // the journal being down is already said by the log and the readiness check
        }
        // every hire tied for a tenant's oldest is listed: one of them is looked at, or tied hires would each replace
        // the wait told of the other, and both be told again at every look
        Set<String> tenantsLooked = new HashSet<>();
        oldest.stream().filter(hire -> tenantsLooked.add(hire.tenant())).forEach(this::checkAge);
    }

    private void checkAge(HireView oldest) {
        Duration age = queueWait.of(oldest);
        SlowWait wait = new SlowWait(oldest.hireId(), queueWait.since(oldest));
        if (queueWait.tooLong(age) && !Objects.equals(lastSlowWait.get(oldest.tenant()), wait)) {
            lastSlowWait.put(oldest.tenant(), wait);
            send.accept(":hourglass: Hire " + oldest.hireId() + " of tenant " + oldest.tenant() + " has waited "
                    + age.toMinutes() + " minute(s) for Lucca (" + lastError(oldest) + "). " + link(oldest.hireId()));
        }
    }

    private String link(String hireId) {
        return statusPage + "#hire=" + hireId;
    }

    private static String lastError(HireView hire) {
        return hire.lastError() == null ? "not tried yet" : "last: " + hire.lastError();
    }
}
