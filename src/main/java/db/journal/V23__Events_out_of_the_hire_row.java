package db.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On the embedded journal, each hire's event moves out of its row into H2's storage of large values: the row keeps a
 * reference. H2 keeps a {@code TEXT} in the row, and every change of a hire (its claim, each renewal before a Lucca
 * call, each outcome) wrote the whole row again, the event with it, and kept a copy of the row before the change in
 * its undo log while any read begun earlier still ran; reading a hire's other columns read its event too. With events
 * of 1 MiB, a delivery under an operator's list of hires filled a 128 MiB heap with such copies (BENCHMARKS.md). A
 * large {@code CLOB} is written once, and read only when asked for. Java, not SQL: PostgreSQL has no {@code CLOB}, and
 * already keeps a large {@code TEXT} out of its row, an update that leaves it as it is not copying it.
 */
public class V23__Events_out_of_the_hire_row extends BaseJavaMigration {

    /**
     * An event up to this many bytes stays in its row (H2's default keeps only 256): nearly all of Flatchr's, a few KiB
     * each, whose intake each large value's storage of its own made a third dearer in CPU (BENCHMARKS.md). A row of this
     * size written again at each change of its hire costs little; a megabyte did.
     */
    static final int IN_THE_ROW = 16_384;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            // first, so that the events of this size already recorded stay where they are too. Kept in the database.
            statement.execute("SET MAX_LENGTH_INPLACE_LOB " + IN_THE_ROW);
            statement.execute("ALTER TABLE hire ALTER COLUMN payload SET DATA TYPE CHARACTER LARGE OBJECT");
        }
    }
}
