package db.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.intake.SameApplication;
import io.github.flatchrlucca.journal.ApplicationKey;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives the hires recorded before V8 their e-mail-and-vacancy key, so that a search of Flatchr's API finds them
 * known instead of recording them a second time. Java, not SQL: the key is read from the JSON payload and
 * digested, which no SQL both H2 and PostgreSQL speak can do. Hires whose payload retention erased keep none:
 * they finished long before any search looks back to them. A payload that is not JSON keeps none either.
 */
public class V9__Match_keys_of_earlier_hires extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT hire_id, tenant, payload FROM hire "
                + "WHERE match_key IS NULL AND payload IS NOT NULL AND dedupe_key NOT LIKE '%:other-company:%'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String hireId = rows.getString(1);
                String tenant = rows.getString(2);
                sameApplication(rows.getString(3)).map(same -> ApplicationKey.of(tenant, same))
                        .ifPresent(key -> keys.add(new String[] {key, hireId}));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE hire SET match_key = ? WHERE hire_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM hire other WHERE other.match_key = ?)")) {
            // the first of two records of one application keeps the key; a second one (recorded twice before the
            // key existed) stays without, as it was
            for (String[] key : keys) {
                update.setString(1, key[0]);
                update.setString(2, key[1]);
                update.setString(3, key[0]);
                update.executeUpdate();
            }
        }
    }

    private static Optional<String> sameApplication(String payload) {
        try {
            JsonNode event = JSON.readTree(payload);
            return event == null ? Optional.empty() : SameApplication.ofEvent(event);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
