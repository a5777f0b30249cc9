package org.kechuang.imports;

import java.time.Instant;

/** A batch as stored: one uploaded file of one type for one station, and how far it got. */
record ImportBatch(
        long id,
        long stationId,
        String type,
        String fileName,
        FileFormat format,
        BatchStatus status,
        int total,
        int accepted,
        int rejected,
        int inserted,
        int updated,
        int unchanged,
        String failureReason,
        Long createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** Rows decided so far, accepted or refused. */
    public int done() {
        return accepted + rejected;
    }

    public int percent() {
        if (status == BatchStatus.COMPLETED || total == 0) {
            return status == BatchStatus.COMPLETED ? 100 : 0;
        }
        return (int) Math.min(100, (long) done() * 100 / total);
    }
}
