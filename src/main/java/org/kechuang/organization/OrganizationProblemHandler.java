package org.kechuang.organization;

import java.util.List;
import java.util.Locale;
import org.kechuang.platform.web.FieldProblem;
import org.kechuang.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem documents that carry more than one error: a profile with several bad fields, an import with bad rows.
 * Ordered before the platform's handler, which renders every other refusal.
 */
@RestControllerAdvice(assignableTypes = {OrganizationApi.class, StationApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganizationProblemHandler {

    private final Problems problems;

    OrganizationProblemHandler(Problems problems) {
        this.problems = problems;
    }

    /** One bad row of an import file, as the {@code errors} member of the problem document lists it. */
    record RowProblem(int row, String field, String key, String message) {}

    @ExceptionHandler(OrganizationRejected.class)
    ResponseEntity<ProblemDetail> rejected(OrganizationRejected rejected, Locale locale) {
        List<FieldProblem> errors = rejected.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.key(), problems.message(v.key(), v.argArray(), locale)))
                .toList();
        return respond(problems.invalid(errors, locale));
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> importRejected(ImportRejected rejected, Locale locale) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, rejected.key(), null, rejected.args(), locale);
        problem.setProperty(
                "errors",
                rejected.errors().stream()
                        .map(e -> new RowProblem(
                                e.row(),
                                e.field(),
                                e.key(),
                                problems.message(e.key(), e.args().toArray(), locale)))
                        .toList());
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
