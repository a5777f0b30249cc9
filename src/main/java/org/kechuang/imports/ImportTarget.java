package org.kechuang.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * A record type the import pipeline can load (organizations, demands, achievements, experts, cases), contributed as a
 * bean by the module that owns the records. The pipeline reads the file, maps headers to the {@link #columns()},
 * cleans every cell (trims, full-width → half-width for {@link ImportColumn.Kind#CODE} columns, refuses formulas,
 * markup and overlong cells, refuses a source id repeated inside the file) and then, row by row, asks the target to
 * {@link #validate} and {@link #apply} it.
 *
 * <p>Every row carries a source id (column {@value ImportRow#SOURCE_ID}, required, added by the pipeline): together
 * with the station it is the record's identity across re-imports, so importing the same file twice changes nothing
 * and a chunk applied again after a crash stores nothing twice.
 */
public interface ImportTarget {

    /** The type named in {@code POST /api/v1/imports?type=…}: {@code organization}, {@code demand}, … */
    String type();

    /**
     * The columns of the type in template order, without the source id column (the pipeline adds it first). Headers
     * and aliases are matched loosely: case, full/half width, traditional/simplified, blanks, {@code _} and {@code -}
     * do not matter.
     */
    List<ImportColumn> columns();

    /** Further header names the file may give the source id column (e.g. {@code 代码} for a list of societies). */
    default List<String> sourceIdAliases() {
        return List.of();
    }

    /** Message-bundle key of the type's name as the import page shows it. */
    default String labelKey() {
        return "imports.type." + type();
    }

    /**
     * Checks a row without touching stored data beyond lookups (reference codes, …): every broken rule, not just the
     * first. Required columns are already checked by the pipeline. An empty list means {@link #apply} may be called.
     */
    List<ImportFieldError> validate(ImportRow row);

    /**
     * Stores a valid row as the record of the station with the row's source id: inserts it, or updates the record the
     * station imported before under that source id, or leaves it alone when nothing changed. Runs inside the chunk's
     * transaction. The record's provenance is {@code new Provenance(stationId, <source system>, row.sourceId(),
     * batchId)}.
     *
     * @throws org.kechuang.platform.web.DomainException to refuse the row for a reason only stored data reveals (a name
     *     another record holds, …); it becomes the row's error and nothing of the row may have been written
     */
    Outcome apply(long stationId, ImportRow row, long batchId);

    /**
     * Stores several valid rows at once, in order; the same contract as {@link #apply} for each. A target may override
     * it with a bulk statement. When it throws, the pipeline rolls the chunk back and applies the rows one by one.
     */
    default List<Outcome> applyAll(long stationId, List<ImportRow> rows, long batchId) {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            outcomes.add(apply(stationId, row, batchId));
        }
        return outcomes;
    }

    /**
     * Checks a row as {@link #validate} does and keeps what the check made of it, so that {@link #applyChecked} need not
     * check the row again. The default keeps nothing.
     */
    default Checked check(ImportRow row) {
        return new Checked(row, validate(row), null);
    }

    /**
     * Stores rows that passed {@link #check} without errors, with the same contract as {@link #applyAll}; a target
     * whose check keeps the checked form stores that instead of checking each row a second time. The default calls
     * {@link #applyAll}.
     */
    default List<Outcome> applyChecked(long stationId, List<Checked> rows, long batchId) {
        List<ImportRow> plain = new ArrayList<>(rows.size());
        rows.forEach(row -> plain.add(row.row()));
        return applyAll(stationId, plain, batchId);
    }

    /**
     * A row after {@link #check}.
     *
     * @param errors every broken rule, empty when the row may be stored
     * @param value what the target made of a valid row, for its own {@link #applyChecked}; {@code null} when it keeps
     *     nothing
     */
    record Checked(ImportRow row, List<ImportFieldError> errors, Object value) {

        public Checked {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** What applying a row did to the stored record. */
    enum Outcome {
        INSERTED,
        UPDATED,
        UNCHANGED
    }
}
