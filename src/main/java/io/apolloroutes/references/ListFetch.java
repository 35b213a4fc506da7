package io.apolloroutes.references;

import java.util.ArrayList;
import java.util.List;

/**
 * The reading of one Apollo list, page by page, as the route's loop goes. Apollo pages only the
 * users; the other lists come whole in one answer.
 */
public final class ListFetch {

    static final int PER_PAGE = 100;
    /**
     * Pages read at most (5,000 users). A larger team's list is used as far as it was read: an email
     * must be among those users, an ID that is not is sent as written for Apollo to check.
     */
    static final int MAX_PAGES = 50;

    private final ReferenceKind kind;
    private final List<Referent> referents = new ArrayList<>();
    private int page;
    private int totalPages = 1;

    ListFetch(ReferenceKind kind) {
        this.kind = kind;
    }

    public ReferenceKind kind() {
        return kind;
    }

    /** True while another page has to be asked for (the route's loop condition). */
    public boolean isMore() {
        return page < Math.min(totalPages, MAX_PAGES);
    }

    /** Moves on to the next page. */
    void advance() {
        page++;
    }

    /** The list's path under {@code /api/v1/}. */
    String path() {
        return kind.endpoint();
    }

    /** The query asking for the current page, or null for a list that is not paged. */
    String query() {
        return kind.paged() ? "page=" + page + "&per_page=" + PER_PAGE : null;
    }

    void add(ReferencePage answer) {
        referents.addAll(answer.referents());
        // an empty page ends the list whatever the pagination says, so a miscount cannot loop on; a
        // page without a page count is followed by another as long as it came full
        totalPages = !kind.paged() || answer.empty() ? page
                : answer.pagesSaid() != null ? answer.pagesSaid()
                : answer.entries() >= PER_PAGE ? page + 1 : page;
    }

    ReferenceList toList() {
        return new ReferenceList(kind, referents, page >= totalPages);
    }
}
