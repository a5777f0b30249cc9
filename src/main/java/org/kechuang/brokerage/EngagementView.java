package org.kechuang.brokerage;

import java.time.Instant;
import java.util.List;

/**
 * An engagement as its reader may see it. For a reader who may not learn the parties of a confidential engagement,
 * {@code demand} and {@code counterpart} are null.
 *
 * @param next the stages the reader may move it to now
 * @param mayRate the side the reader may rate ({@code demand} / {@code counterpart}), empty when none
 */
record EngagementView(
        long id,
        int version,
        Stage stage,
        boolean confidential,
        boolean overdue,
        Instant stageEnteredAt,
        Instant dueAt,
        Linked demand,
        Counterpart counterpart,
        Person manager,
        Contract contract,
        Rating demandRating,
        Rating counterpartRating,
        List<MeasuredResult> results,
        String resultsNote,
        Stage closedFrom,
        CloseReason closeReason,
        String closeNote,
        List<Stage> next,
        List<String> mayRate,
        Instant createdAt,
        Instant updatedAt) {

    record Linked(long id, String title, String link) {}

    record Counterpart(String type, long id, String name, String link) {}

    record Person(long id, String name) {}
}
