package org.kechuang.platform.database;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Bulk writes with PostgreSQL's {@code COPY … FROM STDIN} (text format) on the connection of the caller's
 * transaction, for imports and seeds: one round trip for thousands of rows, no bind parameters. A refused row (a
 * duplicate key, a broken check) fails the whole statement, as a multi-row insert would, and leaves the transaction to
 * be rolled back (or rolled back to a savepoint).
 */
@Component
public class CopyIn {

    private final DataSource dataSource;

    CopyIn(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Copies the rows into the table's columns.
     *
     * @param table the table and its column list, e.g. {@code record_history (record_type, record_id)}
     * @param rows the rows, written with a {@link Rows} (one {@link Rows#end} per row)
     * @return the number of rows copied
     */
    public long copy(String table, Rows rows) {
        if (rows.count == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        org.postgresql.copy.CopyIn operation = null;
        try {
            operation = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
            // a few rows at a time, as UTF-8: no string or byte array of the whole text
            for (StringBuilder part : rows.parts()) {
                byte[] bytes = part.toString().getBytes(StandardCharsets.UTF_8);
                operation.writeToCopy(bytes, 0, bytes.length);
            }
            long copied = operation.endCopy();
            operation = null;
            return copied;
        } catch (SQLException failed) {
            throw translate(table, failed);
        } finally {
            if (operation != null && operation.isActive()) {
                try {
                    operation.cancelCopy();
                } catch (SQLException ignored) {
                    // the statement failed already; the transaction is to be rolled back
                }
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static DataAccessException translate(String table, SQLException failed) {
        String state = failed.getSQLState();
        if ("23505".equals(state)) {
            return new DuplicateKeyException("copy " + table + ": " + failed.getMessage(), failed);
        }
        if (state != null && state.startsWith("23")) {
            return new DataIntegrityViolationException("copy " + table + ": " + failed.getMessage(), failed);
        }
        return new UncategorizedDataAccessException("copy " + table, failed) {};
    }

    /** The rows of one {@code COPY} in PostgreSQL's text format: values tab-separated, {@code \N} for null. */
    public static final class Rows {
        /** A part is closed at the end of the row that takes it past this many characters. */
        private static final int PART = 1 << 16;

        private final List<StringBuilder> parts = new ArrayList<>();
        private StringBuilder text = new StringBuilder(PART + (PART >> 2));
        private boolean first = true;
        private int count;
        private Instant lastInstant;
        private String lastInstantText;

        public Rows text(String value) {
            separate();
            if (value == null) {
                text.append("\\N");
            } else {
                escape(value);
            }
            return this;
        }

        public Rows number(Long value) {
            return raw(value == null ? null : value.toString());
        }

        public Rows number(Integer value) {
            return raw(value == null ? null : value.toString());
        }

        public Rows number(BigDecimal value) {
            return raw(value == null ? null : value.toPlainString());
        }

        public Rows bool(boolean value) {
            return raw(value ? "t" : "f");
        }

        public Rows timestamp(Instant value) {
            if (value != null && !value.equals(lastInstant)) {
                // the rows of a bulk write mostly share their times
                lastInstant = value;
                lastInstantText = value.toString();
            }
            return raw(value == null ? null : lastInstantText);
        }

        /** A {@code text[]} value: never null, empty for no items. */
        public Rows textArray(Collection<String> items) {
            separate();
            text.append('{');
            boolean firstItem = true;
            for (String item : items) {
                if (!firstItem) {
                    text.append(',');
                }
                firstItem = false;
                if (item == null) {
                    text.append("NULL");
                    continue;
                }
                // array element syntax: quoted, with " and \ escaped; then the COPY escaping of the whole
                StringBuilder element = new StringBuilder(item.length() + 2).append('"');
                for (int i = 0; i < item.length(); i++) {
                    char c = item.charAt(i);
                    if (c == '"' || c == '\\') {
                        element.append('\\');
                    }
                    element.append(c);
                }
                escape(element.append('"'));
            }
            text.append('}');
            return this;
        }

        /** Ends the current row. */
        public Rows end() {
            text.append('\n');
            first = true;
            count++;
            if (text.length() >= PART) {
                parts.add(text);
                text = new StringBuilder(PART + (PART >> 2));
            }
            return this;
        }

        /** The text in parts, each ending with a whole row. */
        List<StringBuilder> parts() {
            List<StringBuilder> all = new ArrayList<>(parts);
            if (!text.isEmpty()) {
                all.add(text);
            }
            return all;
        }

        public int count() {
            return count;
        }

        private Rows raw(String value) {
            separate();
            text.append(value == null ? "\\N" : value);
            return this;
        }

        private void separate() {
            if (!first) {
                text.append('\t');
            }
            first = false;
        }

        private void escape(CharSequence value) {
            int from = 0;
            int length = value.length();
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c > '\\' || (c != '\\' && c != '\t' && c != '\n' && c != '\r')) {
                    continue;
                }
                // the plain run before it in one copy
                text.append(value, from, i);
                text.append(
                        switch (c) {
                            case '\\' -> "\\\\";
                            case '\t' -> "\\t";
                            case '\n' -> "\\n";
                            default -> "\\r";
                        });
                from = i + 1;
            }
            text.append(value, from, length);
        }
    }
}
