package io.github.flatchrlucca.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Flatchr webhook bodies shaped as Flatchr's documentation shows them (for the benchmarks too). */
public final class FlatchrEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FlatchrEvents() {
    }

    /** A candidate dragged into the hired column, with every field the mapping reads. */
    public static ObjectNode hire(String applicantId, String firstName, String lastName, String email) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event", "drag_applicant");
        event.put("company_id", 4242);
        ObjectNode data = event.putObject("data");
        ObjectNode candidate = data.putObject("candidate");
        candidate.put("id", 77);
        candidate.put("firstname", firstName);
        candidate.put("lastname", lastName);
        candidate.put("email", email);
        candidate.put("phone", "06 12 34 56 78");
        data.putObject("applicant").put("id", applicantId);
        ObjectNode column = data.putObject("column");
        column.put("id", 9);
        column.put("title", "Recruté");
        column.put("hired", true);
        ObjectNode vacancy = data.putObject("vacancy");
        vacancy.put("id", 5);
        vacancy.put("title", "Développeuse Java");
        vacancy.put("contract_type_id", 1);
        vacancy.put("start_date", "2026-01-05T23:30:00.000Z");
        // a folder tag, as Flatchr sends a vacancy's tags: objects, whose title names the department
        vacancy.putArray("tags").addObject().put("id", "7jKJ0Mpz60pXNgxa").put("tag_id", 1174).put("title", "Service IT")
                .put("type", "vacancies").put("creatable", false).put("values", "").put("multiple", false)
                .put("visible", false);
        return event;
    }

    /** A hire of someone whose e-mail is unique to this applicant, so tests never meet each other in Lucca. */
    public static ObjectNode hire(String applicantId) {
        return hire(applicantId, "Camille", "Morel", "camille." + applicantId + "@example.org");
    }

    /** A hire whose body (its JSON text, UTF-8) is exactly {@code bytes} long, most of it a vacancy's description. */
    public static String hireOfBytes(String applicantId, int bytes) {
        ObjectNode event = hire(applicantId);
        int rest = bytes - event.toString().getBytes(StandardCharsets.UTF_8).length - "\"description\":\"\",".length();
        ((ObjectNode) event.path("data").path("vacancy")).put("description", "x".repeat(rest));
        String body = event.toString();
        if (body.getBytes(StandardCharsets.UTF_8).length != bytes) {
            throw new IllegalStateException("a hire of " + bytes + " bytes came out at " + body.getBytes(StandardCharsets.UTF_8).length);
        }
        return body;
    }

    /** The candidate of a hire dragged on by a recruiter, out of hired into the column of this title. */
    public static ObjectNode movedOut(ObjectNode hire, String columnTitle) {
        ObjectNode event = hire.deepCopy();
        ObjectNode data = (ObjectNode) event.path("data");
        data.putObject("column").put("id", 11).put("title", columnTitle).put("hired", false);
        data.putObject("user").put("firstname", "Marie").put("lastname", "Curie").put("email", "marie.curie@acme.fr");
        return event;
    }

    /** The same hire, of another Flatchr company: each tenant takes only its own companies' hires. */
    public static ObjectNode hire(String applicantId, int companyId) {
        ObjectNode event = hire(applicantId);
        event.put("company_id", companyId);
        return event;
    }
}
