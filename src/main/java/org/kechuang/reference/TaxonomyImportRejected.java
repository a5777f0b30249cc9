package org.kechuang.reference;

import java.util.List;

/** An uploaded list refused as a whole because some rows are wrong; nothing of it was stored. */
class TaxonomyImportRejected extends RuntimeException {

    private final transient List<RowProblem> problems;

    TaxonomyImportRejected(List<RowProblem> problems) {
        super(problems.size() + " rows refused, first: " + problems.getFirst());
        this.problems = List.copyOf(problems);
    }

    List<RowProblem> problems() {
        return problems;
    }
}
