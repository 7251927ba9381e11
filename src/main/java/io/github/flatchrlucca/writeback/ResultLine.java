package io.github.flatchrlucca.writeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.delivery.DeliverySteps;
import io.github.flatchrlucca.journal.HireView;
import io.github.flatchrlucca.journal.Journal;
import io.github.flatchrlucca.mapping.HireMapper;
import io.github.flatchrlucca.reconciliation.WebhookNamesakes;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The one short line a recruiter reads on the candidate in Flatchr: what became of the hire in Lucca, in words,
 * with nothing Flatchr does not already hold (Lucca's user id and login, the start day, why it was not created).
 */
public final class ResultLine {

    // Flatchr documents no length for a tag's value: short enough to read at a glance in its candidate view.
    static final int MAX_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    // The intake's field names, as a recruiter knows them.
    private static final Map<String, String> FIELDS = Map.of(
            "data.candidate.firstname", "the first name",
            "data.candidate.lastname", "the last name",
            "data.candidate.email", "the e-mail",
            "data.vacancy.title", "the job title");

    private ResultLine() {
    }

    /** @param zone the tenant's, in which the day of the outcome is written */
    public static String of(HireView hire, ZoneId zone) {
        String day = LocalDate.ofInstant(hire.updatedAt(), zone).toString();
        String line = switch (hire.status()) {
            case DELIVERED -> created(hire, day);
            case ALREADY_IN_LUCCA -> foundInLucca(hire, day);
            case DEAD -> dead(hire, day);
            case REJECTED -> rejected(hire, day);
            case CANCELLED -> heldAsNamesake(hire) && hire.luccaUserId() == null
                    ? "Lucca: not created again - cancelled as the same person as another hire (" + day + ")"
                    : stopped(hire, "cancelled by an operator", "the cancel", day);
            case WITHDRAWN -> stopped(hire, "moved out of hired", "the move out of hired", day);
            case DRY_RUN -> "Lucca: not sent - the connector runs without Lucca (" + day + ")";
            case RECEIVED, RETRYING -> throw new IllegalArgumentException("a queued hire has no outcome yet");
        };
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }

    /**
     * A hire refused for its data. One rejected after a move out with its account made or perhaps made (recorded so
     * before the journal kept such a hire withdrawn) says so as a withdrawn one does: "not created" would have HR make a
     * twin by hand.
     */
    private static String rejected(HireView hire, String day) {
        if (hire.luccaUserId() != null || hire.decisionNeeded() != null) {
            return stopped(hire, "moved out of hired", "the move out of hired", day);
        }
        // the reason names another hire and tells an operator what to do: the recruiter is told what HR decides
        return heldAsNamesake(hire)
                ? "Lucca: not created - the same names and vacancy as another hire, under another e-mail (corrected?); "
                + "HR decides (" + day + ")"
                : "Lucca: not created - " + recruiterWords(hire.lastError()) + " (" + day + ")";
    }

    /**
     * Whether a search recorded the hire rejected for the names and vacancy of a webhook's hire under another e-mail
     * (its reason kept until a replay): cancelled so, it is that hire's candidate, whose e-mail was corrected and
     * whose account is the other hire's; "not created" alone would have HR make them by hand.
     */
    private static boolean heldAsNamesake(HireView hire) {
        return WebhookNamesakes.namesakeIn(hire.lastError()).isPresent();
    }

    /**
     * A hire stopped on its way: nothing made, the user made before the stop, or perhaps made (the create's answer
     * was lost, and the hire waits for a person to look in Lucca).
     */
    private static String stopped(HireView hire, String why, String stop, String day) {
        if (hire.luccaUserId() != null) {
            return made(hire, " before " + stop, "", day);
        }
        return hire.decisionNeeded() != null
                ? "Lucca: perhaps created before " + stop + " (its answer was lost); HR checks in Lucca (" + day + ")"
                : "Lucca: not created - " + why + " (" + day + ")";
    }

    /**
     * The user the connector made, with what was left undone when the hire stopped: a person who read "not created"
     * would make the person again by hand, a duplicate.
     */
    private static String made(HireView hire, String left, String more, String day) {
        return "Lucca: #" + hire.luccaUserId() + " was made" + left + "; HR decides" + more + " (" + day + ")";
    }

    /**
     * A hire that will not reach Lucca by itself. Its user may have been made already (its work contract refused, or
     * its tenant's Lucca changed since): then said. So is a create whose answer was lost (a timeout after Lucca made
     * the user, then Lucca unreachable until the retries ended): "not created" would have HR make a twin by hand.
     * A death recorded without Lucca's status is no failure of Lucca's
     * (a namesake, names without Latin letters, a value the journal refused, a wait for another hire's address):
     * its reason, which may name Lucca users, is on the status page only.
     */
    private static String dead(HireView hire, String day) {
        String why = whyDead(hire.lastLuccaStatus());
        if (hire.luccaUserId() != null) {
            return made(hire, ", not its work contract" + (why == null ? "" : " - " + why),
                    ", see the connector's status page", day);
        }
        if (hire.createUnanswered()) {
            return "Lucca: perhaps created (its answer was lost); HR checks in Lucca; see the connector's status page ("
                    + day + ")";
        }
        return why == null ? "Lucca: needs a person; see the connector's status page (" + day + ")"
                : "Lucca: not created - " + why + "; see the connector's status page (" + day + ")";
    }

    /**
     * A hire delivered though stopped while its last call was on its way (the journal records what Lucca holds, and
     * marks it for a person): the stop is said as for a hire stopped a moment after, not "created" alone, which would
     * tell the recruiter nothing of the decision HR must make.
     */
    private static String created(HireView hire, String day) {
        JsonNode request = parsed(hire.luccaRequest());
        String stop = stopBeforeDelivery(hire.decisionNeeded());
        if (hire.warnings().stream().anyMatch(warning -> warning.startsWith(Journal.REHIRE_WARNING))) {
            // the request was the new work contract (v4, a plain day) on the former employee
            String startsOn = request.path("startsOn").asText("");
            String rehired = "Lucca: rehired #" + hire.luccaUserId() + ", a new contract"
                    + (startsOn.length() < 10 ? "" : " from " + startsOn.substring(0, 10) + pastStart(hire));
            return stop == null ? rehired : rehired + ", before " + stop + "; HR decides (" + day + ")";
        }
        if (stop != null) {
            return made(hire, " before " + stop, "", day);
        }
        String login = request.path("login").asText("");
        String start = request.path("dtContractStart").asText("");
        return "Lucca: created #" + hire.luccaUserId() + (login.isEmpty() ? "" : " " + login)
                + (start.length() < 10 ? "" : ", starts " + start.substring(0, 10) + pastStart(hire));
    }

    /**
     * Someone found in Lucca, nothing created. One HR was asked to give the new contract by hand, moved out of hired
     * before the line was written (Flatchr unreachable, the tag set later), says HR decides: "HR gives it" would tell
     * the recruiter who moved them out that a contract is still on its way.
     */
    private static String foundInLucca(HireView hire, String day) {
        boolean movedOut = Journal.MOVED_OUT_AFTER_HR_ASKED.equals(hire.decisionNeeded());
        String who = hire.warnings().stream().anyMatch(warning -> warning.startsWith(Journal.REHIRE_WARNING))
                ? "a former employee with this e-mail is #" + hire.luccaUserId() + " (rehire)"
                : "already in Lucca as #" + hire.luccaUserId() + theirContractEnds(hire, movedOut);
        return "Lucca: not created - " + who
                + (movedOut ? "; moved out of hired after HR was asked for the new contract: HR decides" : "")
                + " (" + day + ")";
    }

    /**
     * Someone already in Lucca whose contract ends before this hire's would: "already in Lucca" alone reads as done, and
     * they would leave Lucca on that day, the new contract never made (unless they were moved out of hired since).
     */
    private static String theirContractEnds(HireView hire, boolean movedOut) {
        return hire.warnings().stream().filter(warning -> warning.startsWith(Journal.CONTRACT_ENDS_SOONER))
                .findFirst()
                .map(warning -> ", their contract ends " + DeliverySteps.lastDayIn(warning)
                        + (movedOut ? "" : ": no new contract made, HR gives it"))
                .orElse("");
    }

    /**
     * The start day was past when the hire was sent to Lucca: the recruiter who dragged the candidate in late (or whose
     * hire waited through an outage) reads that Lucca has them from that day, as the contract says, not from the day of
     * the line.
     */
    private static String pastStart(HireView hire) {
        return hire.warnings().stream().anyMatch(warning -> warning.startsWith(HireMapper.START_DATE_PAST))
                ? " (already past when created)" : "";
    }

    /**
     * The stop a delivered hire's decision mark says came before its delivery finished, or null. The mark of a
     * create whose answer an earlier Lucca lost concerns that Lucca, not the user made in this one. A rehire's contract
     * made after the move out has a mark of its own (the contract to end, not the person): the same stop.
     */
    private static String stopBeforeDelivery(String decisionNeeded) {
        if (Journal.MOVED_OUT_AFTER_LUCCA.equals(decisionNeeded)
                || Journal.MOVED_OUT_AFTER_REHIRE.equals(decisionNeeded)) {
            return "the move out of hired";
        }
        return Journal.CANCELLED_AFTER_LUCCA.equals(decisionNeeded) || Journal.CANCELLED_WITH_ACCOUNT.equals(
                decisionNeeded) ? "the cancel" : null;
    }

    /** Lucca's last answer in words; null when the death was recorded without one. */
    private static String whyDead(Integer status) {
        if (status == null) {
            return null;
        }
        if (status == 401 || status == 403) {
            return "Lucca refused the connector's key";
        }
        if (status == 429) {
            // Lucca's rate limit outlasted RETRY_MAX_AGE_HOURS: nothing about the hire was refused
            return "Lucca could not be reached in time (rate limited)";
        }
        if (status >= 400 && status < 500 && status != 408) {
            return "Lucca refused it (" + status + ")";
        }
        return "Lucca could not be reached in time";
    }

    private static String recruiterWords(String rejection) {
        String words = rejection == null ? "data missing" : rejection;
        for (Map.Entry<String, String> field : FIELDS.entrySet()) {
            words = words.replace(field.getKey(), field.getValue());
        }
        return words;
    }

    private static JsonNode parsed(String json) {
        try {
            return json == null ? JSON.missingNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
