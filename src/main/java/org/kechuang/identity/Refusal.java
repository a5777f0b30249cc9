package org.kechuang.identity;

import java.util.List;

/**
 * Why one form field was refused: the message-bundle key ({@code problem.<key>}) and its arguments.
 *
 * @param field the form field, as named in the form and in problem documents
 */
record Refusal(String field, String key, List<Object> args) {

    Refusal {
        args = List.copyOf(args);
    }

    static Refusal of(String field, String key, Object... args) {
        return new Refusal(field, key, List.of(args));
    }
}
