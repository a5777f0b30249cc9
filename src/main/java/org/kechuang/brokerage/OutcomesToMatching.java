package org.kechuang.brokerage;

import org.kechuang.matching.Matching;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Deal outcomes flow back into matching: an evaluated engagement is a won pair (its counterpart then rises for similar
 * demands, with the reason naming the solved demand to those who may see it), a closed one a lost pair with its close
 * reason (it sinks for this demand). A confidential engagement tells matching nothing: a reason would name a pair its
 * parties asked to keep to themselves.
 */
@Component
class OutcomesToMatching {

    private final Matching matching;

    OutcomesToMatching(Matching matching) {
        this.matching = matching;
    }

    @ApplicationModuleListener
    void on(EngagementMoved moved) {
        if (moved.confidential()) {
            return;
        }
        if (moved.to() == Stage.EVALUATED) {
            matching.recordOutcome(
                    moved.demandId(),
                    moved.counterpartType().code(),
                    moved.counterpartId(),
                    Matching.Outcome.WON,
                    null);
        } else if (moved.to() == Stage.CLOSED) {
            matching.recordOutcome(
                    moved.demandId(),
                    moved.counterpartType().code(),
                    moved.counterpartId(),
                    Matching.Outcome.LOST,
                    moved.closeReason() == null ? null : moved.closeReason().name());
        }
    }
}
