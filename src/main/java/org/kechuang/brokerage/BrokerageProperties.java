package org.kechuang.brokerage;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param deadlines how long an engagement may stay in each open stage before it is overdue (the manager and the
 *     station admin are told); a stage without an entry has no deadline
 * @param overdueCheck how often overdue engagements are looked for
 */
@ConfigurationProperties("kechuang.brokerage")
record BrokerageProperties(Map<Stage, Duration> deadlines, Duration overdueCheck) {

    BrokerageProperties {
        if (deadlines == null || deadlines.isEmpty()) {
            deadlines = new EnumMap<>(Map.of(
                    Stage.PROPOSED, Duration.ofDays(7),
                    Stage.CONTACTED, Duration.ofDays(14),
                    Stage.NEGOTIATING, Duration.ofDays(30),
                    Stage.CONTRACTED, Duration.ofDays(14),
                    Stage.DELIVERING, Duration.ofDays(180)));
        }
        deadlines = Map.copyOf(deadlines);
        if (overdueCheck == null) {
            overdueCheck = Duration.ofMinutes(10);
        }
    }

    java.time.Instant dueAfter(Stage stage, java.time.Instant entered) {
        Duration allowed = deadlines.get(stage);
        return allowed == null ? null : entered.plus(allowed);
    }
}
