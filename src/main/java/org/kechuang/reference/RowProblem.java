package org.kechuang.reference;

import java.util.List;

/**
 * Why one row of an uploaded list is refused.
 *
 * @param row the spreadsheet row (the header is row 1) or the line of a JSON Lines file
 * @param field the column or JSON member, {@code null} when the row as a whole is unreadable
 * @param key the message-bundle key without its {@code problem.} prefix
 */
record RowProblem(int row, String field, String key, List<Object> args) {

    RowProblem {
        args = List.copyOf(args);
    }

    static RowProblem of(int row, String field, String key, Object... args) {
        return new RowProblem(row, field, key, List.of(args));
    }
}
