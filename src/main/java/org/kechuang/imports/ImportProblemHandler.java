package org.kechuang.imports;

import java.util.List;
import java.util.Locale;
import org.kechuang.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused file as a problem document: the reason, and for a bad header every column at fault with its row, field,
 * key and message, in the shape of a batch's row errors.
 */
@RestControllerAdvice(assignableTypes = ImportApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblemHandler {

    private final Problems problems;

    ImportProblemHandler(Problems problems) {
        this.problems = problems;
    }

    record RowProblem(int row, String field, String key, String message) {}

    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused refused, Locale locale) {
        ProblemDetail problem = problems.of(refused, locale);
        List<RowProblem> errors = refused.errors().isEmpty()
                ? List.of(new RowProblem(0, "file", refused.key(), problem.getDetail()))
                : refused.errors().stream()
                        .map(e -> new RowProblem(
                                e.row(),
                                e.error().field(),
                                e.error().key(),
                                problems.message(
                                        e.error().key(), e.error().args().toArray(), locale)))
                        .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
