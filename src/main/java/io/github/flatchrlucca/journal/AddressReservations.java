package io.github.flatchrlucca.journal;

import static io.github.flatchrlucca.journal.Jdbc.at;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which hire may make the Lucca account of an address, in each Lucca. The same person hired into two vacancies is
 * two hires with one address: delivered at the same moment by two instances, or by two tenants sharing a Lucca,
 * each would find nobody in a people directory read before the other's create. The first hire to look its person up
 * holds the address; another waits while the holder is being delivered (its create may be on its way), and
 * otherwise takes the address over and asks Lucca itself, since what the holder made, if anything, is there and may
 * postdate its directory. A holder that is not being delivered (finished, stopped, waiting for a retry, for its
 * tenant's return or for a key) has nothing on its way: a look-up in Lucca is as good as its own.
 * <p>
 * A hire holds two addresses ({@link Kind}): its account's, and the candidate's own e-mail. Under a work e-mail
 * pattern, the same candidate hired twice with names written differently ("Zoé Martin", "Zoé Martin-Leroy") makes two
 * account addresses; only their own e-mail, which Lucca keeps as the person's {@code personalEmail}, is common to
 * both.
 */
public final class AddressReservations {

    /** Which of a hire's addresses a reservation holds: a hire holds one of each, and gives up only its own kind. */
    public enum Kind {
        /** The address its Lucca account is made with (the candidate's e-mail, or a work e-mail pattern's). */
        LUCCA_MAIL,
        /** The candidate's own e-mail, which the account is made with as its personal e-mail. */
        PERSONAL_EMAIL
    }

    /** What a hire may do with its address. */
    public enum Outcome {
        /** No other hire of ours is making this account: the people directory may answer. */
        HELD,
        /** Another hire had it and is not being delivered: Lucca must be asked, its account may be there. */
        TAKEN_OVER,
        /** Another hire has it and is being delivered: this one waits for it. */
        BUSY
    }

    /** @param holder the hire that had the address, or holds it ({@link Outcome#BUSY}) */
    public record Hold(Outcome outcome, String holder) {
    }

    /** @param reservedAt as read: a take-over writes only over the reservation it read, not one kept since */
    private record Holder(String hireId, boolean beingDelivered, OffsetDateTime reservedAt) {
    }

    /**
     * The holder is being delivered (its one parameter: now). A queued hire claimed: an attempt holds it, even past its
     * lease, as while it waits long for Lucca's rate limit, and may still send its create (a claim left by an instance
     * that died is taken by another's round as soon as the hire is due, and given back when that attempt ends). A hire
     * stopped (cancelled, withdrawn) while claimed, only until its lease ends: its attempt sends no call after the stop
     * ({@link Journal#stillHolding} refuses it, and renews the lease only for a queued hire), and a call sent before
     * ends within the lease its slot renewed, which outlasts any call (twice LUCCA_TIMEOUT_MS). Past it, whatever its
     * call made is in Lucca, even if the attempt's instance died and nobody ever takes its claim away.
     */
    private static final String BEING_DELIVERED = "h.claimed_by IS NOT NULL AND (h.status IN ('RECEIVED', 'RETRYING') "
            + "OR h.claimed_until >= ?)";

    private final Jdbc jdbc;
    private final Clock clock;

    public AddressReservations(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /**
     * Holds {@code address} in {@code luccaInstance} for the hire, unless another hire being delivered holds it. Not
     * waited for on disk: a reservation lost in a crash is made again by the hire's next attempt, before any create.
     */
    public Hold reserve(Kind kind, String luccaInstance, String address, String hireId) {
        String key = key(kind, luccaInstance, address);
        Optional<Holder> holder = holder(key);
        if (holder.isEmpty()) {
            try {
                jdbc.inTransactionUnsynced("reserve the address", connection -> {
                    giveUpOthers(connection, hireId, kind, key);
                    return Jdbc.update(connection, "INSERT INTO lucca_address_reservation (address_key, kind, hire_id, "
                            + "reserved_at) VALUES (?, ?, ?, ?)", key, kind.name(), hireId, at(clock.instant()));
                });
                return new Hold(Outcome.HELD, hireId);
            } catch (JournalUnavailable e) {
                // another instance's hire reserved it between the read and the insert
                if (!(e.getCause() instanceof SQLException sql && Jdbc.DUPLICATE_KEY.equals(sql.getSQLState()))) {
                    throw e;
                }
                holder = holder(key);
                if (holder.isEmpty()) {
                    throw e;
                }
            }
        }
        Holder other = holder.get();
        if (other.hireId().equals(hireId)) {
            // confirmed by a write, which waits for a take-over being written at the same moment and then misses
            if (jdbc.inTransactionUnsynced("keep the address", connection -> Jdbc.update(connection,
                    "UPDATE lucca_address_reservation SET reserved_at = ? WHERE address_key = ? AND hire_id = ?",
                    at(clock.instant()), key, hireId)) == 1) {
                return new Hold(Outcome.HELD, hireId);
            }
            return new Hold(Outcome.BUSY, holder(key).map(Holder::hireId).orElse(hireId));
        }
        if (other.beingDelivered()) {
            return new Hold(Outcome.BUSY, other.hireId());
        }
        // Nothing on its way (or erased by retention): whatever it made is in Lucca, and the address passes on;
        // unless it was claimed since it was read, or its holder kept it since (a write the statement then misses).
        Instant now = clock.instant();
        int moved = jdbc.inTransactionUnsynced("take the address over", connection -> {
            giveUpOthers(connection, hireId, kind, key);
            return Jdbc.update(connection, "UPDATE lucca_address_reservation SET hire_id = ?, reserved_at = ? WHERE "
                    + "address_key = ? AND hire_id = ? AND reserved_at = ? AND NOT EXISTS (SELECT 1 FROM hire h WHERE "
                    + "h.hire_id = ? AND " + BEING_DELIVERED + ")", hireId, at(now), key, other.hireId(),
                    other.reservedAt(), other.hireId(), at(now));
        });
        return moved == 1 ? new Hold(Outcome.TAKEN_OVER, other.hireId())
                : new Hold(Outcome.BUSY, holder(key).map(Holder::hireId).orElse(other.hireId()));
    }

    /**
     * The addresses of this kind the hire held before (its tenant's work e-mail pattern changed since): two hires each
     * holding the other's address of now would otherwise wait for each other until both die of old age. Its address
     * of the other kind it keeps.
     */
    private static void giveUpOthers(Connection connection, String hireId, Kind kind, String key) throws SQLException {
        Jdbc.update(connection, "DELETE FROM lucca_address_reservation WHERE hire_id = ? AND kind = ? "
                + "AND address_key <> ?", hireId, kind.name(), key);
    }

    private Optional<Holder> holder(String key) {
        List<Holder> holders = jdbc.query("read the address reservation", "SELECT r.hire_id, CASE WHEN "
                + BEING_DELIVERED + " THEN 1 ELSE 0 END, r.reserved_at FROM lucca_address_reservation r "
                + "LEFT JOIN hire h ON h.hire_id = r.hire_id WHERE r.address_key = ?",
                row -> new Holder(row.getString(1), row.getInt(2) == 1, row.getObject(3, OffsetDateTime.class)),
                at(clock.instant()), key);
        return holders.stream().findFirst();
    }

    /**
     * A digest: the address is personal data, and this key outlives nothing of the hire's (retention erases it). The
     * kind is in it (an account's address is digested as it always was), so that a candidate's own e-mail and an
     * account's address that happen to be the same are two reservations, each held by its own kind.
     */
    static String key(Kind kind, String luccaInstance, String address) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(luccaInstance.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            if (kind == Kind.PERSONAL_EMAIL) {
                // an address holds no whitespace (intake refuses it): no account address digests as this
                sha256.update("personalEmail\n".getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest(address.strip().toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
