package org.kechuang.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's side of the queue: list held submissions, release or reject them. A decision and its event are
 * stored in one transaction, so the library hears of every decision exactly as it was taken (the event publication
 * registry delivers it even after a restart).
 */
@Service
class ModerationDesk implements ModerationQueue {

    /** Longer than any reason an author needs to read, short enough to show on a page. */
    static final int MAX_REASON_LENGTH = 2000;

    private final ModerationItemStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationDesk(ModerationItemStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PendingReview> pendingFor(String recordType, long recordId) {
        return store.pendingFor(recordType, recordId)
                .map(item -> new PendingReview(
                        item.id(),
                        item.heldAt(),
                        item.findings().stream().map(Match::finding).distinct().toList()));
    }

    @Transactional(readOnly = true)
    ModerationItem get(long id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("moderation.item.not-found", id));
    }

    @Transactional(readOnly = true)
    long count(ModerationItem.Status status) {
        return store.count(status);
    }

    @Transactional(readOnly = true)
    List<ModerationItem> page(ModerationItem.Status status, long offset, int limit) {
        return store.page(status, offset, limit);
    }

    @Transactional
    ModerationItem release(long id, long operatorId) {
        ModerationItem released = get(id).release(operatorId, clock.instant());
        store(released);
        events.publishEvent(new ContentReleased(released.recordType(), released.recordId(), operatorId));
        return released;
    }

    @Transactional
    ModerationItem reject(long id, String reason, long operatorId) {
        ModerationItem item = get(id);
        String why = validReason(reason);
        ModerationItem rejected = item.reject(operatorId, why, clock.instant());
        store(rejected);
        events.publishEvent(new ContentRejected(rejected.recordType(), rejected.recordId(), operatorId, why));
        return rejected;
    }

    /** The reason goes back to the author as plain text: required, bounded, no markup. */
    static String validReason(String reason) {
        String why = Text.cleanOrNull(reason);
        if (why == null) {
            throw DomainException.invalid("reason", "moderation.reason.required");
        }
        if (why.length() > MAX_REASON_LENGTH) {
            throw DomainException.invalid("reason", "moderation.reason.too-long", MAX_REASON_LENGTH);
        }
        if (Text.hasMarkup(why)) {
            throw DomainException.invalid("reason", "moderation.reason.markup");
        }
        return why;
    }

    private void store(ModerationItem decided) {
        if (!store.decide(decided)) {
            // another operator decided between our read and our write
            ModerationItem current = get(decided.id());
            throw DomainException.conflict(
                    null,
                    "moderation.item.decided",
                    current.id(),
                    current.status().code());
        }
    }
}
