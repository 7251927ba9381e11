package io.github.flatchrlucca.writeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.HireView;
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
    static final String REHIRE = "rehire:";

    private ResultLine() {
    }

    /** @param zone the tenant's, in which the day of the outcome is written */
    public static String of(HireView hire, ZoneId zone) {
        String day = LocalDate.ofInstant(hire.updatedAt(), zone).toString();
        String line = switch (hire.status()) {
            case DELIVERED -> created(hire);
            case ALREADY_IN_LUCCA -> "Lucca: not created - "
                    + (hire.warnings().stream().anyMatch(warning -> warning.startsWith(REHIRE))
                    ? "a former employee with this e-mail is #" + hire.luccaUserId() + " (rehire)"
                    : "already in Lucca as #" + hire.luccaUserId()) + " (" + day + ")";
            case DEAD -> "Lucca: not created - " + whyDead(hire) + "; see the connector's status page (" + day + ")";
            case REJECTED -> "Lucca: not created - " + recruiterWords(hire.lastError()) + " (" + day + ")";
            case CANCELLED -> stopped(hire, "cancelled by an operator", "the cancel", day);
            case WITHDRAWN -> stopped(hire, "moved out of hired", "the move out of hired", day);
            case DRY_RUN -> "Lucca: not sent - the connector runs without Lucca (" + day + ")";
            case RECEIVED, RETRYING -> throw new IllegalArgumentException("a queued hire has no outcome yet");
        };
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }

    /**
     * A hire stopped on its way: nothing made, the user made before the stop, or perhaps made (the create's answer
     * was lost, and the hire waits for a person to look in Lucca).
     */
    private static String stopped(HireView hire, String why, String stop, String day) {
        if (hire.luccaUserId() != null) {
            return "Lucca: #" + hire.luccaUserId() + " was made before " + stop + "; HR decides (" + day + ")";
        }
        return hire.decisionNeeded() != null
                ? "Lucca: perhaps created before " + stop + " (its answer was lost); HR checks in Lucca (" + day + ")"
                : "Lucca: not created - " + why + " (" + day + ")";
    }

    private static String created(HireView hire) {
        JsonNode request = parsed(hire.luccaRequest());
        if (hire.warnings().stream().anyMatch(warning -> warning.startsWith(REHIRE))) {
            // the request was the new work contract (v4, a plain day) on the former employee
            String startsOn = request.path("startsOn").asText("");
            return "Lucca: rehired #" + hire.luccaUserId() + ", a new contract"
                    + (startsOn.length() < 10 ? "" : " from " + startsOn.substring(0, 10));
        }
        String login = request.path("login").asText("");
        String start = request.path("dtContractStart").asText("");
        return "Lucca: created #" + hire.luccaUserId() + (login.isEmpty() ? "" : " " + login)
                + (start.length() < 10 ? "" : ", starts " + start.substring(0, 10));
    }

    private static String whyDead(HireView hire) {
        Integer status = hire.lastLuccaStatus();
        if (status != null && status >= 400 && status < 500 && status != 401 && status != 403) {
            return "Lucca refused it (" + status + ")";
        }
        if (status != null && (status == 401 || status == 403)) {
            return "Lucca refused the connector's key";
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
