package org.kechuang.brokerage;

import java.util.List;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/**
 * Someone else changed the engagement since the caller read it (optimistic locking): nothing of the caller's move is
 * stored, and the caller is told what changed in between.
 */
class EngagementStale extends DomainException {

    private final transient List<RecordHistory.Entry> changes;
    private final int currentVersion;

    EngagementStale(long id, int currentVersion, List<RecordHistory.Entry> changes) {
        super(HttpStatus.CONFLICT, "engagement.stale", "version", id);
        this.currentVersion = currentVersion;
        this.changes = List.copyOf(changes);
    }

    List<RecordHistory.Entry> changes() {
        return changes;
    }

    int currentVersion() {
        return currentVersion;
    }
}
