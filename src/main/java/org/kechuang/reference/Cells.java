package org.kechuang.reference;

import java.util.List;
import org.kechuang.platform.text.Text;

/** Checks of the free-text cells of an uploaded list, shared by every list format. */
final class Cells {

    static final int NAME_LENGTH = 200;
    static final int NAME_EN_LENGTH = 300;
    static final int DESCRIPTION_LENGTH = 2000;

    private Cells() {}

    /**
     * The text as stored: blanks around it removed, the rest as published (full-width brackets in official names stay),
     * {@code null} when blank. Records a problem for a missing required text, an over-long text or markup.
     */
    static String text(String raw, boolean required, int maxLength, int row, String field, List<RowProblem> problems) {
        String text = raw == null ? null : raw.strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                problems.add(RowProblem.of(row, field, "reference.import.required", field));
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            problems.add(RowProblem.of(row, field, "reference.import.too-long", field, maxLength));
            return null;
        }
        if (Text.hasMarkup(text)) {
            problems.add(RowProblem.of(row, field, "reference.import.markup", field));
            return null;
        }
        return text;
    }
}
