package org.kechuang.brokerage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.kechuang.platform.web.DomainException;

/**
 * An engagement (对接): a demand brought together with a counterpart by a technology manager. The stage changes only
 * through the transition methods, which refuse what the lifecycle does not allow and what a stage requires but is
 * missing: a contract for {@link Stage#CONTRACTED}, both sides' ratings and the measured results for {@link
 * Stage#EVALUATED}, a reason for {@link Stage#CLOSED}. The demand, the counterpart and the parties never change.
 */
class Engagement {

    static final BigDecimal MAX_VALUE = new BigDecimal("9999999999999.99");

    private final Long id;
    private final long demandId;
    private final CounterpartType counterpartType;
    private final long counterpartId;
    private long managerId;
    private final Long stationId;
    private final Long demandPartyId;
    private final Long counterpartPartyId;
    private final boolean confidential;
    private Stage stage;
    private Stage closedFrom;
    private CloseReason closeReason;
    private String closeNote;
    private Contract contract;
    private Rating demandRating;
    private Rating counterpartRating;
    private List<MeasuredResult> results;
    private String resultsNote;
    private Instant stageEnteredAt;
    private Instant stageDueAt;
    private final long createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final int version;

    Engagement(
            Long id,
            long demandId,
            CounterpartType counterpartType,
            long counterpartId,
            long managerId,
            Long stationId,
            Long demandPartyId,
            Long counterpartPartyId,
            boolean confidential,
            Stage stage,
            Stage closedFrom,
            CloseReason closeReason,
            String closeNote,
            Contract contract,
            Rating demandRating,
            Rating counterpartRating,
            List<MeasuredResult> results,
            String resultsNote,
            Instant stageEnteredAt,
            Instant stageDueAt,
            long createdBy,
            Instant createdAt,
            Instant updatedAt,
            int version) {
        this.id = id;
        this.demandId = demandId;
        this.counterpartType = Objects.requireNonNull(counterpartType);
        this.counterpartId = counterpartId;
        this.managerId = managerId;
        this.stationId = stationId;
        this.demandPartyId = demandPartyId;
        this.counterpartPartyId = counterpartPartyId;
        this.confidential = confidential;
        this.stage = Objects.requireNonNull(stage);
        this.closedFrom = closedFrom;
        this.closeReason = closeReason;
        this.closeNote = closeNote;
        this.contract = contract;
        this.demandRating = demandRating;
        this.counterpartRating = counterpartRating;
        this.results = List.copyOf(results);
        this.resultsNote = resultsNote;
        this.stageEnteredAt = Objects.requireNonNull(stageEnteredAt);
        this.stageDueAt = stageDueAt;
        this.createdBy = createdBy;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.version = version;
    }

    /** A new engagement, proposed by (or for) the manager. */
    static Engagement propose(
            long demandId,
            CounterpartType counterpartType,
            long counterpartId,
            long managerId,
            Long stationId,
            Long demandPartyId,
            Long counterpartPartyId,
            boolean confidential,
            long createdBy,
            Instant now,
            Instant due) {
        return new Engagement(
                null,
                demandId,
                counterpartType,
                counterpartId,
                managerId,
                stationId,
                demandPartyId,
                counterpartPartyId,
                confidential,
                Stage.PROPOSED,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                now,
                due,
                createdBy,
                now,
                now,
                0);
    }

    /** One stage forward to a stage that needs nothing but the move: contacted, negotiating, delivering. */
    void advance(Stage target, Instant now, Instant due) {
        requireMove(target);
        if (target == Stage.CONTRACTED || target == Stage.EVALUATED || target == Stage.CLOSED) {
            throw new IllegalArgumentException(target + " has its own transition");
        }
        enter(target, now, due);
    }

    /** Negotiating → contracted, with the signed contract (checked by the caller's {@link ContractRules}). */
    void contract(Contract signed, Instant now, Instant due) {
        requireMove(Stage.CONTRACTED);
        contract = Objects.requireNonNull(signed);
        enter(Stage.CONTRACTED, now, due);
    }

    /** A side's rating of the outcome, given while the contract is delivered; a side may change its rating. */
    void rate(Side side, Rating rating, Instant now) {
        if (stage != Stage.DELIVERING) {
            throw DomainException.conflict("stage", "engagement.rating.stage");
        }
        if (side == Side.DEMAND) {
            demandRating = rating;
        } else {
            counterpartRating = rating;
        }
        updatedAt = now;
    }

    /** Delivering → evaluated: both sides rated it and the measured results are recorded. */
    void evaluate(List<MeasuredResult> measured, String note, Instant now) {
        requireMove(Stage.EVALUATED);
        List<Violation> missing = new ArrayList<>();
        if (demandRating == null) {
            missing.add(new Violation("demandRating", "engagement.evaluation.demand-rating"));
        }
        if (counterpartRating == null) {
            missing.add(new Violation("counterpartRating", "engagement.evaluation.counterpart-rating"));
        }
        if (measured.isEmpty()) {
            missing.add(new Violation("results", "engagement.evaluation.results"));
        }
        if (!missing.isEmpty()) {
            throw new EngagementRefused(missing);
        }
        results = List.copyOf(measured);
        resultsNote = note;
        enter(Stage.EVALUATED, now, null);
    }

    /** Ends the engagement before an evaluated outcome, with the reason. */
    void close(CloseReason reason, String note, Instant now) {
        requireMove(Stage.CLOSED);
        if (reason == null) {
            throw new EngagementRefused(List.of(new Violation("reason", "engagement.close.reason")));
        }
        if (reason == CloseReason.OTHER && (note == null || note.isBlank())) {
            throw new EngagementRefused(List.of(new Violation("note", "engagement.close.note")));
        }
        closedFrom = stage;
        closeReason = reason;
        closeNote = note;
        enter(Stage.CLOSED, now, null);
    }

    /** Another manager takes the engagement over. */
    void handOver(long newManagerId, Instant now) {
        if (stage.isFinal()) {
            throw DomainException.conflict("managerId", "engagement.final", stage.name());
        }
        managerId = newManagerId;
        updatedAt = now;
    }

    private void requireMove(Stage target) {
        if (!stage.canMoveTo(target)) {
            throw DomainException.conflict("to", "engagement.transition.illegal", stage.name(), target.name());
        }
    }

    private void enter(Stage target, Instant now, Instant due) {
        stage = target;
        stageEnteredAt = now;
        stageDueAt = due;
        updatedAt = now;
    }

    /** Whether the stage's deadline has passed. */
    boolean overdueAt(Instant now) {
        return !stage.isFinal() && stageDueAt != null && stageDueAt.isBefore(now);
    }

    /** The account is one of the parties: the demand's side, the counterpart's side or the manager. */
    boolean hasParty(long accountId) {
        return managerId == accountId
                || Objects.equals(demandPartyId, accountId)
                || Objects.equals(counterpartPartyId, accountId);
    }

    /** The side the account stands on, if it is the demand's or the counterpart's party. */
    java.util.Optional<Side> sideOf(long accountId) {
        if (Objects.equals(demandPartyId, accountId)) {
            return java.util.Optional.of(Side.DEMAND);
        }
        if (Objects.equals(counterpartPartyId, accountId)) {
            return java.util.Optional.of(Side.COUNTERPART);
        }
        return java.util.Optional.empty();
    }

    /** The fields as the audit trail shows them. */
    Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("stage", stage.name());
        fields.put("managerId", Long.toString(managerId));
        fields.put("dueAt", stageDueAt == null ? null : stageDueAt.toString());
        if (contract != null) {
            fields.put("contract.type", contract.type().name());
            fields.put("contract.value", contract.value().toPlainString());
            fields.put("contract.signedOn", contract.signedOn().toString());
            fields.put("contract.registrationNumber", contract.registrationNumber());
        }
        if (demandRating != null) {
            fields.put("demandRating", Integer.toString(demandRating.score()));
            fields.put("demandComment", demandRating.comment());
        }
        if (counterpartRating != null) {
            fields.put("counterpartRating", Integer.toString(counterpartRating.score()));
            fields.put("counterpartComment", counterpartRating.comment());
        }
        if (!results.isEmpty()) {
            fields.put(
                    "results",
                    results.stream()
                            .map(r -> r.indicator() + " " + r.value().toPlainString() + " " + r.unit())
                            .collect(Collectors.joining("; ")));
            fields.put("resultsNote", resultsNote);
        }
        if (closeReason != null) {
            fields.put("closeReason", closeReason.name());
            fields.put("closeNote", closeNote);
        }
        return fields;
    }

    enum Side {
        DEMAND,
        COUNTERPART
    }

    Long id() {
        return id;
    }

    long demandId() {
        return demandId;
    }

    CounterpartType counterpartType() {
        return counterpartType;
    }

    long counterpartId() {
        return counterpartId;
    }

    long managerId() {
        return managerId;
    }

    Long stationId() {
        return stationId;
    }

    Long demandPartyId() {
        return demandPartyId;
    }

    Long counterpartPartyId() {
        return counterpartPartyId;
    }

    boolean confidential() {
        return confidential;
    }

    Stage stage() {
        return stage;
    }

    Stage closedFrom() {
        return closedFrom;
    }

    CloseReason closeReason() {
        return closeReason;
    }

    String closeNote() {
        return closeNote;
    }

    Contract contract() {
        return contract;
    }

    Rating demandRating() {
        return demandRating;
    }

    Rating counterpartRating() {
        return counterpartRating;
    }

    List<MeasuredResult> results() {
        return results;
    }

    String resultsNote() {
        return resultsNote;
    }

    Instant stageEnteredAt() {
        return stageEnteredAt;
    }

    Instant stageDueAt() {
        return stageDueAt;
    }

    long createdBy() {
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
