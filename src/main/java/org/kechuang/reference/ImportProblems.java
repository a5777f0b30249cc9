package org.kechuang.reference;

import java.util.List;
import java.util.Locale;
import org.kechuang.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Turns a refused list into what the caller reads: one line per wrong row, in the caller's language. */
@Component
class ImportProblems {

    /** Enough to fix a file in one pass without sending megabytes back for a file in the wrong layout. */
    static final int LISTED = 200;

    private final Problems problems;

    ImportProblems(Problems problems) {
        this.problems = problems;
    }

    List<RowError> errors(TaxonomyImportRejected rejected, Locale locale) {
        return rejected.problems().stream()
                .limit(LISTED)
                .map(p -> new RowError(
                        p.row(),
                        p.field(),
                        p.key(),
                        problems.message(p.key(), p.args().toArray(), locale)))
                .toList();
    }

    String summary(TaxonomyImportRejected rejected, Locale locale) {
        return problems.message(
                "reference.import.rejected", new Object[] {rejected.problems().size()}, locale);
    }

    ProblemDetail problem(TaxonomyImportRejected rejected, Locale locale) {
        ProblemDetail problem = problems.of(
                HttpStatus.BAD_REQUEST,
                "reference.import.rejected",
                null,
                new Object[] {rejected.problems().size()},
                locale);
        problem.setProperty("errors", errors(rejected, locale));
        problem.setProperty("errorCount", rejected.problems().size());
        return problem;
    }

    /** One wrong row as the API and the operator page show it. */
    record RowError(int row, String field, String key, String message) {}
}
