package org.kechuang.brokerage;

import java.util.Locale;
import org.kechuang.platform.web.DomainException;

/**
 * The steps of the brokerage funnel (漏斗), each counting demands: posted, matched (at least one engagement), and
 * those with an engagement that reached contact, a contract, an evaluation. An engagement closed from a stage counts
 * as having reached that stage.
 */
enum FunnelStep {
    /** 需求: published demands, and demands with an engagement whatever their status now. */
    DEMANDS(null),
    /** 已匹配: at least one engagement. */
    MATCHED(Stage.PROPOSED),
    /** 已联系 */
    CONTACTED(Stage.CONTACTED),
    /** 已签约 */
    CONTRACTED(Stage.CONTRACTED),
    /** 已评价 */
    EVALUATED(Stage.EVALUATED);

    private final Stage stage;

    FunnelStep(Stage stage) {
        this.stage = stage;
    }

    /** Whether the engagement stands at this step or beyond, or was closed from there or beyond. */
    boolean reachedBy(Engagement e) {
        if (stage == null) {
            return true;
        }
        Stage reached = e.stage() == Stage.CLOSED ? e.closedFrom() : e.stage();
        return reached != null && reached.ordinal() >= stage.ordinal();
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String messageKey() {
        return "outcome.funnel.step." + code();
    }

    static FunnelStep parse(String typed) {
        if (typed != null) {
            for (FunnelStep step : values()) {
                if (step.code().equalsIgnoreCase(typed.strip())) {
                    return step;
                }
            }
        }
        throw DomainException.invalid("step", "outcome.funnel.step.invalid", String.valueOf(typed));
    }
}
