package io.github.flatchrlucca.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the applications Flatchr's API lists under a hire's e-mail and vacancy ({@link SameApplication}) is the
 * hire's, so that it may name the hire by Flatchr's id of it for good. A candidate may have several on one vacancy:
 * last year's, archived; a second job board's. An archived one is passed over while one not archived is listed
 * (Flatchr archives by status 0); of those, one in hired is the hire's; and when two are left, which is the hire's
 * cannot be told, so none is taken: a wrong id would name the hire for good, and let its own application be recorded
 * again as a new hire. With none but archived ones, the one Flatchr changed since the hire came is the hire's, when
 * exactly one was: archived since, as the search of moves takes such an archive for the hire's move out of hired, and
 * the outcome it comes to is written there. One last changed before the hire is last year's: the hire's own is then
 * under another e-mail (corrected since), and that old id would name the hire for good.
 */
public final class HiresApplication {

    /**
     * One application as a list of Flatchr's API shows it.
     *
     * @param applicant Flatchr's API's id of the application
     * @param archived  Flatchr shows it archived (status 0)
     * @param hired     Flatchr shows it in hired; false when its item does not say (older answers list fewer fields)
     * @param changedAt   its last change in Flatchr, or null when its item does not say
     */
    public record Listed(String applicant, boolean archived, boolean hired, Instant changedAt) {
    }

    private HiresApplication() {
    }

    /** As {@link #among(Collection, Instant)} for a hire of no known time: a lone archived application is not taken. */
    public static Optional<String> among(Collection<Listed> listed) {
        return among(listed, Instant.MAX);
    }

    /**
     * Flatchr's id of the hire's application among those of its e-mail and vacancy; empty when none or two fit.
     *
     * @param hiredAt when the hire came (a replay does not change it): an archived application changed before it is
     *                not the hire's
     */
    public static Optional<String> among(Collection<Listed> listed, Instant hiredAt) {
        List<Listed> open = listed.stream().filter(application -> !application.archived()).toList();
        List<Listed> hired = open.stream().filter(Listed::hired).toList();
        // Flatchr's times are whole seconds
        Instant since = hiredAt.truncatedTo(ChronoUnit.SECONDS);
        List<Listed> archivedSince = listed.stream().filter(application -> application.changedAt() != null
                && !application.changedAt().isBefore(since)).toList();
        // the same application listed twice (two searches found it) is still one
        Set<String> fit = (open.isEmpty() ? archivedSince : hired.isEmpty() ? open : hired).stream()
                .map(Listed::applicant).collect(Collectors.toCollection(LinkedHashSet::new));
        return fit.size() == 1 ? Optional.of(fit.iterator().next()) : Optional.empty();
    }
}
