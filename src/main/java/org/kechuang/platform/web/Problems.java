package org.kechuang.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds every problem document of the API in one shape: {@code type} derived from the stable key, {@code title} and
 * {@code detail} in the request's language, {@code key}, {@code field} and {@code errors}.
 */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public String message(String key, Object[] args, Locale locale) {
        return messages.getMessage("problem." + key, args, key, locale);
    }

    public ProblemDetail of(HttpStatusCode status, String key, String field, Object[] args, Locale locale) {
        String detail = message(key, args, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://kechuang.org/problems/" + key));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(messages.getMessage(
                "problem.title." + status.value(), null, known == null ? "Error" : known.getReasonPhrase(), locale));
        problem.setProperty("key", key);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(new FieldProblem(field, key, detail)));
        }
        return problem;
    }

    public ProblemDetail of(DomainException e, Locale locale) {
        return of(e.status(), e.key(), e.field(), e.args(), locale);
    }

    public ProblemDetail invalid(List<FieldProblem> errors, Locale locale) {
        FieldProblem first = errors.getFirst();
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, first.key(), first.field(), new Object[0], locale);
        problem.setDetail(first.message());
        problem.setProperty("errors", errors);
        return problem;
    }
}
