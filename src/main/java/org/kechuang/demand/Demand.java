package org.kechuang.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;

/**
 * A technical demand (技术需求). Its content changes only through {@link #revise}; its status only through the
 * transitions, which refuse moves the publication lifecycle does not allow. The station and author never change.
 */
class Demand {

    private final Long id;
    private DemandContent content;
    private Provenance provenance;
    private PublicationStatus status;
    private String returnReason;
    /** The technology manager whose questions the return reason holds; null for any other return. */
    private Long questionsBy;
    /** Waiting for an operator in the moderation queue. */
    private boolean held;

    private final Long createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final int version;

    Demand(
            Long id,
            DemandContent content,
            Provenance provenance,
            PublicationStatus status,
            String returnReason,
            Long questionsBy,
            boolean held,
            Long createdBy,
            Instant createdAt,
            Instant updatedAt,
            int version) {
        this.id = id;
        this.content = Objects.requireNonNull(content);
        this.provenance = Objects.requireNonNull(provenance);
        this.status = Objects.requireNonNull(status);
        this.returnReason = returnReason;
        this.questionsBy = questionsBy;
        this.held = held;
        this.createdBy = createdBy;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.version = version;
    }

    /** A new draft; only its author (and the station's curators) see it until it is published. */
    static Demand draft(DemandContent content, Provenance provenance, Long createdBy, Instant now) {
        return new Demand(
                null, content, provenance, PublicationStatus.DRAFT, null, null, false, createdBy, now, now, 0);
    }

    /** Replaces the content; false (and nothing changes) when it is the same. An archived demand is closed. */
    boolean revise(DemandContent revised, Instant now) {
        if (status == PublicationStatus.ARCHIVED) {
            throw DomainException.conflict(null, "demand.archived");
        }
        if (content.equals(revised)) {
            return false;
        }
        content = revised;
        updatedAt = now;
        return true;
    }

    /** Takes the source of a re-import (its batch) without touching the content. */
    void importedBy(Provenance source) {
        provenance = source;
    }

    /** Sends the demand to be screened and published; its deadline must still be ahead. */
    void submit(LocalDate today, Instant now) {
        if (!status.canMoveTo(PublicationStatus.SUBMITTED)) {
            throw illegal(status, PublicationStatus.SUBMITTED);
        }
        DemandRules.requireOpenDeadline(content, today);
        move(PublicationStatus.SUBMITTED, now);
        returnReason = null;
        questionsBy = null;
    }

    /** The content screen found it clear, or an operator released it. */
    void publish(Instant now) {
        move(PublicationStatus.PUBLISHED, now);
        held = false;
    }

    /** The content screen holds it until an operator decides. */
    void hold() {
        if (status != PublicationStatus.SUBMITTED) {
            throw illegal(status, PublicationStatus.SUBMITTED);
        }
        held = true;
    }

    /** Back to the author with the reason: a curator's return or an operator's rejection. */
    void returnWith(String reason, Instant now) {
        move(PublicationStatus.RETURNED, now);
        returnReason = reason;
        questionsBy = null;
        held = false;
    }

    /**
     * A technology manager diagnosing the demand sends it back to its author with questions to answer. Only a demand
     * under way (submitted or published) can be asked about; a held one stays with the operators.
     */
    void returnWithQuestions(String questions, long managerId, Instant now) {
        if ((status != PublicationStatus.SUBMITTED && status != PublicationStatus.PUBLISHED) || held) {
            throw DomainException.conflict("status", "demand.questions.not-open", status.name());
        }
        move(PublicationStatus.RETURNED, now);
        returnReason = questions;
        questionsBy = managerId;
    }

    /** A published demand whose edited text the content screen holds leaves publication until an operator decides. */
    void withhold(String findings, Instant now) {
        move(PublicationStatus.RETURNED, now);
        returnReason = findings;
        questionsBy = null;
        held = true;
    }

    /** An operator released it from the moderation queue; false when there is nothing to release any more. */
    boolean release(Instant now) {
        if (status == PublicationStatus.SUBMITTED) {
            publish(now);
            return true;
        }
        if (status == PublicationStatus.RETURNED && held) {
            move(PublicationStatus.SUBMITTED, now);
            publish(now);
            return true;
        }
        return false;
    }

    /** An operator rejected it from the moderation queue; false when it has left the lifecycle it was held in. */
    boolean reject(String reason, Instant now) {
        if (status == PublicationStatus.SUBMITTED || status == PublicationStatus.PUBLISHED) {
            returnWith(reason, now);
            return true;
        }
        if (status == PublicationStatus.RETURNED && held) {
            returnReason = reason;
            held = false;
            updatedAt = now;
            return true;
        }
        return false;
    }

    void archive(Instant now) {
        move(PublicationStatus.ARCHIVED, now);
        held = false;
    }

    /** Whether the deadline has passed on the given day. */
    boolean expiredOn(LocalDate today) {
        return content.deadline() != null && content.deadline().isBefore(today);
    }

    /** Untouched since before the cutoff. */
    boolean staleSince(Instant cutoff) {
        return updatedAt.isBefore(cutoff);
    }

    private void move(PublicationStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw illegal(status, target);
        }
        status = target;
        updatedAt = now;
    }

    private static DomainException illegal(PublicationStatus from, PublicationStatus to) {
        return DomainException.conflict("status", "demand.transition.illegal", from.name(), to.name());
    }

    /** The lifecycle fields as the history shows them. */
    Map<String, String> statusFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status.name());
        if (returnReason != null) {
            fields.put("returnReason", returnReason);
        }
        if (questionsBy != null) {
            fields.put("questionsBy", questionsBy.toString());
        }
        return fields;
    }

    boolean createdBy(long userId) {
        return createdBy != null && createdBy == userId;
    }

    Long id() {
        return id;
    }

    DemandContent content() {
        return content;
    }

    Provenance provenance() {
        return provenance;
    }

    Long stationId() {
        return provenance.stationId();
    }

    PublicationStatus status() {
        return status;
    }

    String returnReason() {
        return returnReason;
    }

    Long questionsBy() {
        return questionsBy;
    }

    boolean held() {
        return held;
    }

    Long createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    int version() {
        return version;
    }
}
