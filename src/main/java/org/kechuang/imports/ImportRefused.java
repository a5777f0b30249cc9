package org.kechuang.imports;

import java.util.List;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/**
 * A file refused as a whole before anything of it is stored: it cannot be read (encoding, format, a damaged workbook),
 * its header names unknown or repeated columns or lacks a required one, or it holds no data row. The errors name the
 * rows and columns at fault (row 1 is the header).
 */
class ImportRefused extends DomainException {

    private final transient List<RowError> errors;

    ImportRefused(String key, List<RowError> errors, Object... args) {
        super(HttpStatus.BAD_REQUEST, key, "file", args);
        this.errors = List.copyOf(errors);
    }

    static ImportRefused of(String key, Object... args) {
        return new ImportRefused(key, List.of(), args);
    }

    static ImportRefused header(List<ImportFieldError> errors) {
        return new ImportRefused(
                "imports.header.invalid",
                errors.stream().map(e -> new RowError(1, e)).toList(),
                errors.size());
    }

    List<RowError> errors() {
        return errors;
    }

    /** One reason with the row it was found in. */
    record RowError(int row, ImportFieldError error) {}
}
