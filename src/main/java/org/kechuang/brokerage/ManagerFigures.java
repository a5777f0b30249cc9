package org.kechuang.brokerage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.web.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A technology manager's own figures, counted from their engagements: open, won (evaluated), lost (closed) by reason,
 * and the median days an engagement stayed in each stage, read from the audit trail (every stage entry is an entry
 * there). Only stays that ended count towards a median: a stage still running has no length yet.
 */
@Service
class ManagerFigures {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private final EngagementStore store;
    private final RecordHistory history;
    private final Triage triage;

    ManagerFigures(EngagementStore store, RecordHistory history, Triage triage) {
        this.store = store;
        this.history = history;
        this.triage = triage;
    }

    /**
     * @param median days, to one decimal; null when no stay in the stage has ended
     * @param stays how many stays in the stage ended
     */
    record StageTime(Stage stage, BigDecimal median, int stays) {}

    record Figures(
            long managerId,
            long open,
            long won,
            long lost,
            Map<CloseReason, Long> lostByReason,
            List<StageTime> stages) {}

    /** The manager a user may see the figures of: their own, or for an operator anyone's (then required). */
    long managerFor(CurrentUser user, Long manager) {
        if (user.isOperator()) {
            if (manager == null) {
                throw DomainException.invalid("manager", "outcome.figures.manager.required");
            }
            return triage.requireManager(manager);
        }
        if (!user.has(Role.MANAGER)) {
            throw DomainException.forbidden("outcome.figures.forbidden");
        }
        if (manager != null && manager != user.id()) {
            throw DomainException.forbidden("outcome.figures.manager.forbidden");
        }
        return user.id();
    }

    @Transactional(readOnly = true)
    Figures of(long managerId) {
        long open = 0;
        long won = 0;
        long lost = 0;
        Map<CloseReason, Long> reasons = new EnumMap<>(CloseReason.class);
        Map<Stage, List<Duration>> stays = new EnumMap<>(Stage.class);
        for (Engagement e : store.inScope(managerId, null)) {
            switch (e.stage()) {
                case EVALUATED -> won++;
                case CLOSED -> {
                    lost++;
                    reasons.merge(e.closeReason(), 1L, Long::sum);
                }
                default -> open++;
            }
            stays(history.of(EngagementDesk.RECORD_TYPE, e.id()), stays);
        }
        List<StageTime> times = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (stage.isFinal()) {
                continue;
            }
            List<Duration> durations = stays.getOrDefault(stage, List.of());
            times.add(new StageTime(stage, medianDays(durations), durations.size()));
        }
        return new Figures(managerId, open, won, lost, reasons, times);
    }

    /** Adds the ended stays of one engagement: from each stage entry to the next one. */
    static void stays(List<RecordHistory.Entry> entries, Map<Stage, List<Duration>> stays) {
        Stage current = null;
        Instant since = null;
        for (RecordHistory.Entry entry : entries) {
            for (RecordHistory.Change change : entry.changes()) {
                if (!"stage".equals(change.field()) || change.after() == null) {
                    continue;
                }
                Stage entered = Stage.valueOf(change.after());
                if (current != null) {
                    stays.computeIfAbsent(current, k -> new ArrayList<>()).add(Duration.between(since, entry.at()));
                }
                current = entered;
                since = entry.at();
            }
        }
    }

    static BigDecimal medianDays(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Long> seconds =
                durations.stream().map(Duration::toSeconds).sorted().toList();
        int middle = seconds.size() / 2;
        BigDecimal median = seconds.size() % 2 == 1
                ? BigDecimal.valueOf(seconds.get(middle))
                : BigDecimal.valueOf(seconds.get(middle - 1) + seconds.get(middle))
                        .divide(BigDecimal.TWO);
        return median.divide(SECONDS_PER_DAY, 1, RoundingMode.HALF_UP);
    }
}
