package org.kechuang.brokerage;

import java.util.Optional;

/**
 * The stages of an engagement (对接), in order. An engagement moves one stage forward at a time, or is closed with a
 * reason from any stage before it is evaluated.
 */
public enum Stage {
    /** 已推荐: the manager proposed the counterpart for the demand. */
    PROPOSED,
    /** 已联系: the parties were put in touch. */
    CONTACTED,
    /** 洽谈中: they negotiate. */
    NEGOTIATING,
    /** 已签约: a contract is signed (type, value, date, optionally the technology-contract registration number). */
    CONTRACTED,
    /** 实施中: the contract is being delivered. */
    DELIVERING,
    /** 已评价: both sides rated the outcome, the measured results are recorded. */
    EVALUATED,
    /** 已关闭: ended without (or before) an evaluated outcome, with a reason code. */
    CLOSED;

    /** The stage after this one, none for the last ones. */
    public Optional<Stage> next() {
        return switch (this) {
            case PROPOSED -> Optional.of(CONTACTED);
            case CONTACTED -> Optional.of(NEGOTIATING);
            case NEGOTIATING -> Optional.of(CONTRACTED);
            case CONTRACTED -> Optional.of(DELIVERING);
            case DELIVERING -> Optional.of(EVALUATED);
            case EVALUATED, CLOSED -> Optional.empty();
        };
    }

    /** Nothing moves an engagement out of this stage. */
    public boolean isFinal() {
        return this == EVALUATED || this == CLOSED;
    }

    /** The legal moves: one stage forward, or closing an engagement that is not final. */
    boolean canMoveTo(Stage target) {
        if (isFinal()) {
            return false;
        }
        return target == CLOSED || next().filter(target::equals).isPresent();
    }

    String messageKey() {
        return "engagement.stage." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
