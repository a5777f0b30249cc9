package org.kechuang.organization;

import java.util.List;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** An import refused as a whole, with every bad row and why; nothing of the file was stored. */
class ImportRejected extends DomainException {

    /**
     * @param row the row in the file as a spreadsheet numbers it: the header is row 1
     * @param field the column as the file names it, or the request parameter at fault
     */
    record RowError(int row, String field, String key, List<Object> args) {
        RowError {
            args = List.copyOf(args);
        }
    }

    private final transient List<RowError> errors;

    ImportRejected(List<RowError> errors) {
        super(HttpStatus.BAD_REQUEST, "organization.import.rejected", null, errors.size());
        this.errors = List.copyOf(errors);
    }

    static ImportRejected at(int row, String field, String key, Object... args) {
        return new ImportRejected(List.of(new RowError(row, field, key, List.of(args))));
    }

    List<RowError> errors() {
        return errors;
    }
}
