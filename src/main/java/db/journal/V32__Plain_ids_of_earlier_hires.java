package db.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.journal.MigrationPages;
import io.github.flatchrlucca.mapping.ApplicationId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives the webhook's hires recorded before V31 the key by Flatchr's plain id of the application that V31 keeps beside
 * a key by its encoded id: a move out of hired whose event names the application by the plain id only ({@code
 * data.applicant_id}, or a {@code data.applicant.id} that is the plain one) finds them, as it finds the hires recorded
 * since. The plain id is read from the event the hire was recorded with, as the intake reads it ({@link
 * ApplicationId#plain}), only where it is not the hire's key already. Not for a hire whose event retention erased
 * (nothing left to deliver, nor to read it from), a hire of another company (never the tenant's), nor one a search of
 * Flatchr's API recorded (keyed by the API's own id, and its move outs found by it). Java, not SQL: the id is read from
 * the JSON event, which no SQL both H2 and PostgreSQL speak can do.
 */
public class V32__Plain_ids_of_earlier_hires extends BaseJavaMigration {

    /**
     * Hires read at a time, by the order of their id: a journal of tens of thousands of hires is never held whole in
     * memory (PostgreSQL's driver reads a query's rows all at once, events of up to a megabyte each with them).
     */
    public static final int PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement("SELECT hire_id, dedupe_key, payload FROM hire "
                + "WHERE hire_id > ? AND origin = 'webhook' AND plain_dedupe_key IS NULL AND erased_at IS NULL AND "
                + "payload IS NOT NULL AND dedupe_key NOT LIKE '%:other-company:%' ORDER BY hire_id FETCH FIRST " + PAGE
                + " ROWS ONLY");
             PreparedStatement update = connection.prepareStatement("UPDATE hire SET plain_dedupe_key = ? WHERE "
                     + "hire_id = ?")) {
            int[] found = {0};
            MigrationPages.each(select, PAGE, row -> {
                Optional<String> plainKey = plainKey(row.getString(2), row.getString(3));
                if (plainKey.isPresent()) {
                    update.setString(1, plainKey.get());
                    update.setString(2, row.getString(1));
                    update.addBatch();
                    found[0]++;
                }
            }, () -> {
                if (found[0] > 0) {
                    update.executeBatch();
                    found[0] = 0;
                }
            });
        }
    }

    /**
     * The hire's key with the plain id in place of the id it is keyed by ({@code tenant:company:id}, as the intake
     * makes it); none when the event names no other, or when the key does not end with the id the event is keyed by
     * (a key made some other way, left as it is).
     */
    private static Optional<String> plainKey(String dedupeKey, String payload) {
        JsonNode data = data(payload);
        if (data == null) {
            return Optional.empty();
        }
        Optional<String> keyedBy = ApplicationId.of(data).map(id -> ":" + id).filter(dedupeKey::endsWith);
        return keyedBy.flatMap(id -> ApplicationId.plain(data).map(plain ->
                dedupeKey.substring(0, dedupeKey.length() - id.length()) + ":" + plain));
    }

    /** The event's {@code data}; null for a payload that is not a JSON object (it keeps no plain id). */
    private static JsonNode data(String payload) {
        try {
            JsonNode event = JSON.readTree(payload);
            return event != null && event.isObject() ? event.path("data") : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
