package org.kechuang.reference;

import java.util.List;

/**
 * What is wrong with one row of an uploaded list: a reason to refuse the list or, as a warning of an accepted one,
 * something corrected on the way in.
 *
 * @param row the spreadsheet row (the header is row 1) or the line of a JSON Lines file
 * @param field the column or JSON member, {@code null} when the row as a whole is unreadable
 * @param key the message-bundle key; a refusal's without its {@code problem.} prefix
 */
record RowProblem(int row, String field, String key, List<Object> args) {

    RowProblem {
        args = List.copyOf(args);
    }

    static RowProblem of(int row, String field, String key, Object... args) {
        return new RowProblem(row, field, key, List.of(args));
    }
}
