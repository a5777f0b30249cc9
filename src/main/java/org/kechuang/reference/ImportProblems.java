package org.kechuang.reference;

import java.util.List;
import java.util.Locale;
import org.kechuang.platform.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Turns an import's outcome into what the caller reads, in the caller's language: for a refused list one line per
 * wrong row, for an accepted one the counts and one line per corrected row.
 */
@Component
class ImportProblems {

    /** Enough to fix a file in one pass without sending megabytes back for a file in the wrong layout. */
    static final int LISTED = 200;

    private final Problems problems;
    private final MessageSource messages;

    ImportProblems(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    List<RowMessage> errors(TaxonomyImportRejected rejected, Locale locale) {
        return rejected.problems().stream()
                .limit(LISTED)
                .map(p -> new RowMessage(
                        p.row(),
                        p.field(),
                        p.key(),
                        problems.message(p.key(), p.args().toArray(), locale)))
                .toList();
    }

    /** Warnings are not problems: their messages are plain bundle keys, without the {@code problem.} prefix. */
    Outcome outcome(ImportReport report, Locale locale) {
        return new Outcome(
                report.total(),
                report.inserted(),
                report.updated(),
                report.unchanged(),
                report.warnings().stream()
                        .limit(LISTED)
                        .map(w -> new RowMessage(
                                w.row(),
                                w.field(),
                                w.key(),
                                messages.getMessage(w.key(), w.args().toArray(), w.key(), locale)))
                        .toList(),
                report.warnings().size());
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

    /** One wrong or corrected row as the API and the operator page show it. */
    record RowMessage(int row, String field, String key, String message) {}

    /**
     * An accepted import as the API answers it and the operator page shows it.
     *
     * @param warnings the first {@value #LISTED} corrected rows
     * @param warningCount all corrected rows
     */
    record Outcome(int total, int inserted, int updated, int unchanged, List<RowMessage> warnings, int warningCount) {}
}
