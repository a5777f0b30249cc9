package org.kechuang.talent;

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

/**
 * The expert profile problems that carry more than one error (a draft with several bad fields) or more than a key (a stale
 * edit names the fields changed since). Ordered before the platform's handler, which renders every other refusal.
 */
@RestControllerAdvice(assignableTypes = ExpertApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExpertProblemHandler {

    private final Problems problems;

    ExpertProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ExpertRejected.class)
    ResponseEntity<ProblemDetail> rejected(ExpertRejected rejected, Locale locale) {
        List<FieldProblem> errors = rejected.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.key(), problems.message(v.key(), v.argArray(), locale)))
                .toList();
        return respond(problems.invalid(errors, locale));
    }

    @ExceptionHandler(ExpertStale.class)
    ResponseEntity<ProblemDetail> stale(ExpertStale stale, Locale locale) {
        ProblemDetail problem = problems.of(stale, locale);
        problem.setProperty("changedFields", stale.changedFields());
        problem.setProperty("currentVersion", stale.currentVersion());
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
