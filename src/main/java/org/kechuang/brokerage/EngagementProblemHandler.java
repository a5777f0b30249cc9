package org.kechuang.brokerage;

import java.util.List;
import java.util.Locale;
import org.kechuang.platform.web.FieldProblem;
import org.kechuang.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals that carry more than a key: every missing field of a move, or what changed under a stale edit. */
@RestControllerAdvice(
        assignableTypes = {EngagementApi.class, CoverageApi.class, DiagnosisApi.class, EngagementMessageApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngagementProblemHandler {

    private final Problems problems;

    EngagementProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(EngagementRefused.class)
    ResponseEntity<ProblemDetail> refused(EngagementRefused refused, Locale locale) {
        List<FieldProblem> errors = refused.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.key(), problems.message(v.key(), v.args(), locale)))
                .toList();
        return respond(problems.invalid(errors, locale));
    }

    @ExceptionHandler(EngagementStale.class)
    ResponseEntity<ProblemDetail> stale(EngagementStale stale, Locale locale) {
        ProblemDetail problem = problems.of(stale, locale);
        problem.setProperty("currentVersion", stale.currentVersion());
        problem.setProperty("changes", stale.changes());
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
