package org.kechuang.imports;

import java.util.List;
import org.kechuang.platform.web.DomainException;

/**
 * Why a row is refused: the canonical field at fault, the stable key (its message is {@code problem.<key>} in the
 * bundles, rendered in the reader's language when the batch is shown) and the message arguments.
 */
public record ImportFieldError(String field, String key, List<Object> args) {

    public ImportFieldError {
        args = List.copyOf(args);
    }

    public static ImportFieldError of(String field, String key, Object... args) {
        return new ImportFieldError(field, key, List.of(args));
    }

    public static ImportFieldError of(DomainException refusal) {
        return new ImportFieldError(refusal.field(), refusal.key(), List.of(refusal.args()));
    }
}
