package org.kechuang.platform.web;

import java.util.List;

/**
 * The published records an account stands behind in one library (the demands it posted, the achievements it entered,
 * the expert profile it holds), contributed by the library, so that a module can work on a user's own records — the
 * workbench's "recommended for you" — without depending on the libraries.
 */
public interface OwnRecords {

    /** The library, as the type of its search documents: {@code demand}, {@code achievement}, {@code expert}. */
    String type();

    /** Ids of the account's published records, most recently changed first, at most {@code limit}. */
    List<Long> publishedBy(long accountId, int limit);
}
