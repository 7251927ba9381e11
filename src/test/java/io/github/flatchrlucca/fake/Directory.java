package io.github.flatchrlucca.fake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Users and their work contracts. One lock guards both, because a create with {@code contract=true} and
 * its duplicate check must be atomic, and a contract change moves its owner's dates.
 */
final class Directory {

    /** The work-contract template Lucca applies when a user is created with {@code contract=true}. */
    static final int DEFAULT_CONTRACT_TYPE_ID = 1;

    // Disjoint id ranges: a client that sends a user id where a contract id belongs gets a 404, not a lucky hit.
    private int lastUserId = 1000;
    private int lastContractId = 5000;

    private final Map<Integer, User> users = new TreeMap<>();
    private final Map<Integer, WorkContract> contracts = new TreeMap<>();
    private final LuccaClock clock;
    // Lucca documents the login as unique, not the mail: a fake that refused a second user of one mail would hide
    // the duplicate a connector made (its refused create would then find the first one). Off unless a test asks.
    private boolean mailsUnique;

    Directory(LuccaClock clock) {
        this.clock = clock;
    }

    /**
     * Stores a new user under a fresh id, with a work contract if asked.
     *
     * @throws IllegalArgumentException when another user already has the login, or the mail once
     *                                  {@link #refuseDuplicateMails} was asked
     */
    synchronized User add(User draft, boolean withContract) {
        rejectDuplicates(draft);
        User user = draft.stored(++lastUserId, clock.localNow());
        users.put(user.id(), user);
        if (withContract) {
            openContract(user);
        }
        return user;
    }

    /** From now on a user whose mail another one has (ignoring case) is refused, as the login always is. */
    synchronized void refuseDuplicateMails() {
        mailsUnique = true;
    }

    synchronized List<User> users() {
        return List.copyOf(users.values());
    }

    synchronized List<WorkContract> contracts() {
        return List.copyOf(contracts.values());
    }

    /**
     * A new contract for an existing person (a rehire), under a fresh id.
     *
     * @throws LuccaError when there is no such person, or the contract overlaps one of theirs, as Lucca refuses it
     */
    synchronized WorkContract addContract(WorkContract draft) {
        if (!users.containsKey(draft.ownerId())) {
            throw LuccaError.badRequest("ownerId " + draft.ownerId() + " is no user");
        }
        for (WorkContract other : contracts.values()) {
            if (other.ownerId() == draft.ownerId() && overlap(other, draft)) {
                throw LuccaError.badRequest("the contract overlaps work contract " + other.id() + " of this user");
            }
        }
        WorkContract contract = new WorkContract(++lastContractId, draft.ownerId(), draft.typeId(), draft.startsOn(),
                draft.endsOn(), draft.establishmentId(), draft.externalId());
        contracts.put(contract.id(), contract);
        followContracts(contract.ownerId());
        return contract;
    }

    /** Dates are YYYY-MM-DD: their text compares as the days do; no end is open-ended. */
    private static boolean overlap(WorkContract a, WorkContract b) {
        return (a.endsOn() == null || a.endsOn().compareTo(b.startsOn()) >= 0)
                && (b.endsOn() == null || b.endsOn().compareTo(a.startsOn()) >= 0);
    }

    /** Applies a change to a contract; empty when there is no such contract. */
    synchronized Optional<WorkContract> changeContract(int id, UnaryOperator<WorkContract> change) {
        WorkContract current = contracts.get(id);
        if (current == null) {
            return Optional.empty();
        }
        WorkContract changed = change.apply(current);
        contracts.put(id, changed);
        followContracts(changed.ownerId());
        return Optional.of(changed);
    }

    private void rejectDuplicates(User draft) {
        for (User other : users.values()) {
            if (sameText(other.login(), draft.login())) {
                throw new IllegalArgumentException("login " + draft.login() + " is already used by user " + other.id());
            }
            if (mailsUnique && sameText(other.mail(), draft.mail())) {
                throw new IllegalArgumentException("mail " + draft.mail() + " is already used by user " + other.id());
            }
        }
    }

    private static boolean sameText(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    private void openContract(User user) {
        WorkContract contract = new WorkContract(++lastContractId, user.id(), DEFAULT_CONTRACT_TYPE_ID,
                dateOf(user.dtContractStart()), dateOf(user.dtContractEnd()), user.legalEntityId(), null);
        contracts.put(contract.id(), contract);
    }

    /**
     * In Lucca the v3 user's contract dates are a view of the work contracts: the start of the first one,
     * and the end of the last one (none while a contract is open-ended). A contract's change is the user's:
     * their {@code modifiedAt} moves.
     */
    private void followContracts(int ownerId) {
        List<WorkContract> owned = new ArrayList<>(contracts.values());
        owned.removeIf(contract -> contract.ownerId() != ownerId);
        owned.sort(Comparator.comparing(WorkContract::startsOn));
        WorkContract last = owned.get(owned.size() - 1);
        String end = owned.stream().anyMatch(contract -> contract.endsOn() == null) ? null : last.endsOn();
        users.computeIfPresent(ownerId, (id, user) ->
                user.withContractDates(dateTimeOf(owned.get(0).startsOn()), dateTimeOf(end), clock.localNow()));
    }

    private static String dateOf(String dateTime) {
        return dateTime == null ? null : Dates.fromDateTime(dateTime, "date").toString();
    }

    private static String dateTimeOf(String date) {
        return date == null ? null : Dates.dateTime(Dates.date(date, "date"));
    }
}
