package org.kechuang.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the user can act on: a stable {@code key} (also the message-bundle key {@code problem.<key>}), the
 * offending field if there is one, and the arguments of the localized message. Rendered as RFC 9457
 * {@code application/problem+json} for the API and as an inline message on forms.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final String field;
    private final transient List<Object> args;

    public DomainException(HttpStatus status, String key, String field, Object... args) {
        super(key + (field == null ? "" : " (" + field + ")"));
        this.status = status;
        this.key = key;
        this.field = field;
        // a Long argument is a record's number: shown as typed (#1140), never with digit grouping (#1,140)
        this.args = java.util.Arrays.stream(args)
                .map(arg -> arg instanceof Long number ? number.toString() : arg)
                .toList();
    }

    public static DomainException invalid(String field, String key, Object... args) {
        return new DomainException(HttpStatus.BAD_REQUEST, key, field, args);
    }

    public static DomainException conflict(String field, String key, Object... args) {
        return new DomainException(HttpStatus.CONFLICT, key, field, args);
    }

    public static DomainException notFound(String key, Object... args) {
        return new DomainException(HttpStatus.NOT_FOUND, key, null, args);
    }

    public static DomainException forbidden(String key, Object... args) {
        return new DomainException(HttpStatus.FORBIDDEN, key, null, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String key() {
        return key;
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args.toArray();
    }
}
