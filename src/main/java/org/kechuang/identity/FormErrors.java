package org.kechuang.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** Refusals as the messages a form shows next to each field: the first refusal per field, in the page language. */
final class FormErrors {

    /** Longer values are not echoed back into the form: a 10 MB field is refused, not shown again. */
    private static final int ECHO_LIMIT = 1000;

    private FormErrors() {}

    static Map<String, String> of(List<Refusal> refusals, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Refusal refusal : refusals) {
            errors.putIfAbsent(
                    refusal.field(),
                    messages.getMessage(
                            "problem." + refusal.key(), refusal.args().toArray(), locale));
        }
        return errors;
    }

    static String echo(String value) {
        return value == null || value.length() > ECHO_LIMIT ? "" : value;
    }
}
