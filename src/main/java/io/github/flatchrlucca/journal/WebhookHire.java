package io.github.flatchrlucca.journal;

/**
 * A hire Flatchr's webhook sent whose application Flatchr's API has not named yet (no search or write-back found it
 * by its e-mail and vacancy): what a search reads to tell whether an application it is about to record may be that
 * hire under a corrected e-mail ({@link Journal#webhookHiresWithoutApplicant}).
 *
 * @param payload the event as recorded (or as last queued again)
 */
public record WebhookHire(String hireId, String payload) {

    /** Without the candidate's personal data: a record can end up in a log line, a trace or a test's report. */
    @Override
    public String toString() {
        return "WebhookHire[hireId=" + hireId + "]";
    }
}
