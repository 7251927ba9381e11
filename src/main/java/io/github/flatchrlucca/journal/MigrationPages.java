package io.github.flatchrlucca.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The hires a Java migration of the journal (db/journal) reads, a page at a time, by the order of their id: a journal
 * of tens of thousands of hires is never held whole in memory (PostgreSQL's driver reads a query's rows all at once,
 * events of up to a megabyte each with them; a fetch size makes it read them ten at a time within the page). Here,
 * not beside them: Flyway takes every class under db/journal for a migration.
 */
public final class MigrationPages {

    /** What a migration does with one hire's row. */
    public interface Row {
        void read(ResultSet row) throws SQLException;
    }

    /** What a migration does once a page is read, before the next is asked for (its writes). */
    public interface PageRead {
        void done() throws SQLException;
    }

    private MigrationPages() {
    }

    /**
     * @param select its first parameter the last hire id read (the hires after it), its first column the hire id, in
     *               the order of the hire id, at most {@code size} rows
     */
    public static void each(PreparedStatement select, int size, Row row, PageRead pageRead) throws SQLException {
        select.setFetchSize(10);
        String after = "";
        int read;
        do {
            select.setString(1, after);
            read = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read++;
                    after = rows.getString(1);
                    row.read(rows);
                }
            }
            pageRead.done();
        } while (read == size);
    }
}
