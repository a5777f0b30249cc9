package org.kechuang.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The one place where the API turns refusals into RFC 9457 problem documents in the caller's language. Modules' own
 * advices for their specific refusals (several field errors at once, …) run first (they are ordered {@code HIGHEST_PRECEDENCE}); this one
 * comes right after them, before anything at the default order.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(ApiProblemHandler.ORDER)
class ApiProblemHandler {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final Problems problems;
    private final MessageSource messages;

    ApiProblemHandler(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, Locale locale) {
        return respond(problems.of(e, locale));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, Locale locale) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldProblem(error, locale))
                .toList();
        if (errors.isEmpty()) {
            return respond(problems.of(HttpStatus.BAD_REQUEST, "invalid-request", null, new Object[0], locale));
        }
        return respond(problems.invalid(errors, locale));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : null;
        return respond(problems.of(HttpStatus.BAD_REQUEST, "malformed-request", field, new Object[0], locale));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return respond(problems.of(
                HttpStatus.BAD_REQUEST, "required", e.getParameterName(), new Object[] {e.getParameterName()}, locale));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, Locale locale) {
        return respond(problems.of(
                HttpStatus.BAD_REQUEST,
                "required",
                e.getRequestPartName(),
                new Object[] {e.getRequestPartName()},
                locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "file", new Object[0], locale));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return respond(
                problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", null, new Object[0], locale));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, Locale locale) {
        return respond(problems.of(
                HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", null, new Object[] {e.getMethod()}, locale));
    }

    private FieldProblem fieldProblem(FieldError error, Locale locale) {
        String key = "validation." + error.getCode();
        return new FieldProblem(error.getField(), key, messages.getMessage(error, locale));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
