package io.github.flatchrlucca.bench;

import io.github.flatchrlucca.e2e.FlatchrEvents;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct hires, as many as a run asks for: a webhook sent twice is a duplicate, not a durable insert,
 * so each one gets its own applicant, e-mail and last name (hence its own Lucca login).
 */
final class HireEvents {

    private static final String APPLICANT = "APPLICANT";
    private static final String SURNAME = "SURNAME";
    // Built once: formatting a JSON tree per request would load the load generator, not the server.
    private static final String TEMPLATE = FlatchrEvents.hire(APPLICANT, "Camille", SURNAME,
            "camille." + APPLICANT + "@example.org").toString();

    private final AtomicLong sent = new AtomicLong();

    /** One webhook sent by the load generator: the applicant it is about and its body. */
    record Webhook(String applicantId, String body) {
    }

    Webhook next() {
        long number = sent.incrementAndGet();
        String applicant = "bench-" + number;
        return new Webhook(applicant, TEMPLATE.replace(APPLICANT, applicant).replace(SURNAME, "Morel " + letters(number)));
    }

    /** The e-mail a hire's Lucca user is created with, to find it among the fake Lucca's requests. */
    static String mailOf(String applicantId) {
        return "camille." + applicantId + "@example.org";
    }

    /**
     * The number in letters (1 = b, 26 = ba): a login ends in digits only when Lucca already has the
     * same one, so names that carry digits would make the logins of different hires collide.
     */
    private static String letters(long number) {
        StringBuilder letters = new StringBuilder();
        long rest = number;
        do {
            letters.insert(0, (char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return letters.toString();
    }
}
