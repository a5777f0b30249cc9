package org.kechuang.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kechuang.platform.text.Text;

/**
 * What a cell may hold, whatever the record type: no spreadsheet formula (a cell starting with {@code =}, or with
 * {@code +}, {@code -} or {@code @} followed by a function call, a DDE pipe or a cell reference, runs when an export is
 * opened in Excel), no HTML markup or script address, no control characters, no more than the length limit. Codes are
 * NFKC-normalized, so full-width digits and letters read as half-width ones.
 */
final class CellRules {

    private static final Pattern FORMULA_AFTER_SIGN =
            Pattern.compile("^[+\\-@].*([A-Za-z_][A-Za-z0-9_.]*\\s*\\(|\\||![$]?[A-Za-z]{1,3}[$]?\\d)", Pattern.DOTALL);
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;；,，、\\r\\n]+");

    private final int maxLength;

    CellRules(int maxLength) {
        this.maxLength = maxLength;
    }

    /** The cleaned value of a cell ({@code null} when blank), or the reasons it is refused added to {@code errors}. */
    String clean(String field, String raw, ImportColumn.Kind kind, List<ImportFieldError> errors) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > maxLength) {
            errors.add(ImportFieldError.of(field, "imports.cell.too-long", maxLength, raw.length()));
            return null;
        }
        String value = kind == ImportColumn.Kind.TEXT
                ? raw.strip()
                : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (value.isEmpty()) {
            return null;
        }
        int before = errors.size();
        if (isFormula(value)) {
            errors.add(ImportFieldError.of(field, "imports.cell.formula"));
        }
        if (Text.hasMarkup(value)) {
            errors.add(ImportFieldError.of(field, "imports.cell.markup"));
        }
        if (hasControl(value)) {
            errors.add(ImportFieldError.of(field, "imports.cell.control"));
        }
        return errors.size() == before ? value : null;
    }

    /** Control characters other than tab, line feed and carriage return (one pass, no pattern). */
    private static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** The items of a list cell: a JSON array's items, or the cell split at list separators; blank items dropped. */
    List<String> cleanList(String field, Object raw, List<ImportFieldError> errors) {
        List<String> items = new ArrayList<>();
        if (raw instanceof List<?> array) {
            for (Object item : array) {
                String cleaned = clean(field, String.valueOf(item), ImportColumn.Kind.TEXT, errors);
                if (cleaned != null) {
                    items.add(cleaned);
                }
            }
            return items;
        }
        String whole = clean(field, (String) raw, ImportColumn.Kind.TEXT, errors);
        if (whole == null) {
            return items;
        }
        for (String item : LIST_SEPARATORS.split(whole)) {
            String cleaned = item.strip();
            if (!cleaned.isEmpty()) {
                items.add(cleaned);
            }
        }
        return items;
    }

    static boolean isFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '＝') {
            return value.length() > 1;
        }
        return FORMULA_AFTER_SIGN.matcher(value).find();
    }
}
