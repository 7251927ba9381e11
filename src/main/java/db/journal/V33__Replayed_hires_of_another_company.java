package db.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.flatchrlucca.http.Problem;
import io.github.flatchrlucca.intake.FlatchrEventClassifier;
import io.github.flatchrlucca.intake.HireVerdict;
import io.github.flatchrlucca.journal.ApplicationKey;
import io.github.flatchrlucca.journal.MigrationPages;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the hires of another Flatchr company that an operator replayed before the replay made such a hire the
 * tenant's own the keys the intake gives that company's webhook today ({@link FlatchrEventClassifier#tenantsHire}):
 * kept marked ({@code tenant:other-company:...}), such a hire was delivered, never written back, and the same webhook
 * sent again was recorded as a second hire. The replay of a REJECTED hire was made only once the tenant named the
 * company, so a marked hire in a status only a replay gives (queued, or finished by a delivery: delivered, dead,
 * already in Lucca, dry run, or cancelled after a Lucca call or after a replay, whose history says RECEIVED) is the
 * tenant's, although a migration cannot read the tenants file. But a CANCELLED hire was replayed with no check of the
 * tenant's companies: one whose history has a cancel before its first replay may be another customer's candidate,
 * which the tenant's token would then see, and is left marked, as it was. So is a marked hire cancelled with no replay
 * (a rejected one is closed that way), left to the replay, which checks. Left as it is, too: a hire whose event retention erased, and one
 * whose key another hire holds (the application's hire, recorded since the company ids were corrected; counted in the
 * log). Its outcome is not written back now: a finished hire's outcome is long known and may be long dealt with, and a
 * late line in Flatchr would surprise more than it helps; a queued one is written back when it finishes, as any
 * other. Java, not SQL: the keys are read from the JSON event and digested.
 */
public class V33__Replayed_hires_of_another_company extends BaseJavaMigration {

    /** Hires read at a time, by the order of their id (as V32: PostgreSQL's driver reads a query's rows at once). */
    public static final int PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(V33__Replayed_hires_of_another_company.class);

    /** The hire's keys today, and its id. */
    private record OwnKeys(String hireId, String dedupeKey, String plainDedupeKey, String matchKey) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int[] kept = {0}; // a count the page's steps add to
        try (PreparedStatement select = connection.prepareStatement("SELECT hire_id, tenant, payload FROM hire WHERE "
                + "hire_id > ? AND POSITION(tenant || ':other-company:' IN dedupe_key) = 1 AND erased_at IS NULL AND "
                + "payload IS NOT NULL AND (status IN ('RECEIVED', 'RETRYING', 'DELIVERED', 'DEAD', "
                + "'ALREADY_IN_LUCCA', 'DRY_RUN') OR status = 'CANCELLED' AND (lucca_user_id IS NOT NULL OR "
                + "create_attempted_at IS NOT NULL OR EXISTS (SELECT 1 FROM hire_event replayed WHERE "
                + "replayed.hire_id = hire.hire_id AND replayed.status = 'RECEIVED'))) "
                // a cancel before the first replay: that replay was not checked (see above)
                + "AND NOT EXISTS (SELECT 1 FROM hire_event closed WHERE closed.hire_id = hire.hire_id AND "
                + "closed.status = 'CANCELLED' AND closed.event_id < COALESCE((SELECT MIN(replay.event_id) FROM "
                + "hire_event replay WHERE replay.hire_id = hire.hire_id AND replay.status = 'RECEIVED'), "
                + "closed.event_id + 1)) ORDER BY hire_id FETCH FIRST " + PAGE + " ROWS ONLY");
             // one at a time, each seeing the ones before: two of them may be one application, whose first keeps it
             PreparedStatement update = connection.prepareStatement("UPDATE hire SET dedupe_key = ?, "
                     + "plain_dedupe_key = ?, match_key = ? WHERE hire_id = ? AND NOT EXISTS (SELECT 1 FROM hire other "
                     + "WHERE other.dedupe_key = ? OR other.match_key = ?)");
             PreparedStatement event = connection.prepareStatement("INSERT INTO hire_event (hire_id, at, status, "
                     + "detail) SELECT hire_id, ?, status, ? FROM hire WHERE hire_id = ?")) {
            List<OwnKeys> page = new ArrayList<>();
            MigrationPages.each(select, PAGE, row -> {
                Optional<OwnKeys> keys = ownKeys(row.getString(1), row.getString(2), row.getString(3));
                keys.ifPresentOrElse(page::add, () -> kept[0]++);
            }, () -> {
                for (OwnKeys keys : page) {
                    update.setString(1, keys.dedupeKey());
                    update.setString(2, keys.plainDedupeKey());
                    update.setString(3, keys.matchKey());
                    update.setString(4, keys.hireId());
                    update.setString(5, keys.dedupeKey());
                    update.setString(6, keys.matchKey());
                    if (update.executeUpdate() == 1) {
                        event.setObject(1, now);
                        event.setString(2, "its Flatchr company was one of its tenant's when an operator replayed "
                                + "it: it is the tenant's own hire, known by the keys its webhook gets today");
                        event.setString(3, keys.hireId());
                        event.executeUpdate();
                    } else {
                        kept[0]++;
                    }
                }
                page.clear();
            });
        }
        if (kept[0] > 0) {
            LOG.warn("{} hires of another company replayed by an operator keep the mark of another company's hire: "
                    + "another hire holds the application's key (its hire), or their event is not a hire's", kept[0]);
        }
    }

    /** The keys the intake gives the hire's event as the tenant's own hire; none for an event that is not a hire's. */
    private static Optional<OwnKeys> ownKeys(String hireId, String tenant, String payload) {
        try {
            JsonNode event = JSON.readTree(payload);
            if (event == null || !event.isObject()) {
                return Optional.empty();
            }
            HireVerdict verdict = FlatchrEventClassifier.tenantsHire(event);
            return Optional.of(new OwnKeys(hireId, tenant + ":" + verdict.dedupeKey(),
                    verdict.plainDedupeKey() == null ? null : tenant + ":" + verdict.plainDedupeKey(),
                    ApplicationKey.of(tenant, verdict.matchingApplication())));
        } catch (IOException | Problem notAHire) {
            return Optional.empty();
        }
    }
}
