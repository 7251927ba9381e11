package io.github.flatchrlucca.lucca;

/**
 * Lucca lists more people than the people directories may hold ({@link PeopleBudget}): its directory is dropped,
 * and a read of it fails as one Lucca could not answer, tried again later (a create's refusal is then understood at
 * the next attempt, which looks its hire up in Lucca). Names no one.
 */
public final class PeopleOverBudget extends RuntimeException {

    public PeopleOverBudget(long budget) {
        super("Lucca lists more people than the people directories may hold (" + budget + " in all): each hire is "
                + "looked up in Lucca", null, false, false);
    }
}
