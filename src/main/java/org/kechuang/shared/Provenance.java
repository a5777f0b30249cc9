package org.kechuang.shared;

/**
 * Where a record came from: every record of the libraries keeps it, through edits, imports and merges.
 *
 * @param stationId the station that supplied the record ({@code null} for records entered by operators)
 * @param sourceSystem the system the record was taken from (a station's own database, {@code portal} for forms)
 * @param sourceId the record's id in that system; with the station it identifies the record across re-imports
 * @param importBatchId the import that brought it, {@code null} when entered through a form or the API
 */
public record Provenance(Long stationId, String sourceSystem, String sourceId, Long importBatchId) {

    public static Provenance enteredOnThePortal(Long stationId) {
        return new Provenance(stationId, "portal", null, null);
    }
}
