package org.kechuang.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.kechuang.platform.web.DomainException;

/**
 * A held submission in the queue. It is decided once: an operator releases it or rejects it with a reason; a decided
 * item refuses a second decision.
 */
record ModerationItem(
        long id,
        String recordType,
        long recordId,
        Long stationId,
        List<SubmittedField> fields,
        List<Match> findings,
        Status status,
        Instant heldAt,
        Long decidedBy,
        Instant decidedAt,
        String reason) {

    enum Status {
        PENDING,
        RELEASED,
        REJECTED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status ofCode(String code) {
            for (Status status : values()) {
                if (status.code().equals(code)) {
                    return status;
                }
            }
            throw DomainException.invalid("status", "moderation.status.unknown", code);
        }
    }

    /** One text field of the submission as it was screened. */
    record SubmittedField(String name, String value) {}

    ModerationItem {
        fields = List.copyOf(fields);
        findings = List.copyOf(findings);
    }

    ModerationItem release(long operatorId, Instant at) {
        requirePending();
        return decided(Status.RELEASED, operatorId, at, null);
    }

    ModerationItem reject(long operatorId, String why, Instant at) {
        requirePending();
        return decided(Status.REJECTED, operatorId, at, why);
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw DomainException.conflict(null, "moderation.item.decided", id, status.code());
        }
    }

    private ModerationItem decided(Status decision, long operatorId, Instant at, String why) {
        return new ModerationItem(
                id, recordType, recordId, stationId, fields, findings, decision, heldAt, operatorId, at, why);
    }
}
