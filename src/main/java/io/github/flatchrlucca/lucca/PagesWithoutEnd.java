package io.github.flatchrlucca.lucca;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Ends a read of Lucca's pages that would not end by itself: a Lucca (or a proxy before it) that ignores the paging
 * and answers the same full page every time, or pages that say there is a next one and hold nothing, would cost a
 * call per page for ever, out of the rate limit every integration of the customer shares. A page that continues the
 * read must bring someone (or some department) this read has not seen yet, and a read stops at {@link #MAX_PAGES}.
 */
final class PagesWithoutEnd {

    /**
     * A million people at a thousand a page; a hundred thousand departments at a hundred. A read of people stops
     * long before in memory: at the {@link PeopleBudget}.
     */
    static final int MAX_PAGES = 1_000;

    private final String call;
    private final Set<Long> seen = new HashSet<>();
    private int pages;

    PagesWithoutEnd(String call) {
        this.call = call;
    }

    /**
     * A page after which the read goes on, with the ids it holds. Throws {@link LuccaUnavailable} (tried again later,
     * with backoff, like any answer Lucca could not give) when it brings no id unseen in this read, or is one too many.
     */
    void next(Collection<Long> ids) {
        pages++;
        boolean brought = false;
        for (Long id : ids) {
            brought |= seen.add(id);
        }
        if (!brought) {
            throw new LuccaUnavailable(call, 200, "page " + pages + " says more follow, but holds nothing the pages "
                    + "before it did not: the paging is not followed, the read stops");
        }
        if (pages >= MAX_PAGES) {
            throw new LuccaUnavailable(call, 200, "more than " + MAX_PAGES + " pages: the read stops");
        }
    }

    /** How many different ids the read brought, those of its last page (which ends it) included. */
    int seenWith(Collection<Long> lastPage) {
        seen.addAll(lastPage);
        return seen.size();
    }
}
