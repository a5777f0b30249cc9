package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;

class EngagementTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    private static Engagement proposed() {
        return Engagement.propose(
                1, CounterpartType.ACHIEVEMENT, 2, 10, 5L, 20L, 30L, false, 10, NOW, NOW.plusSeconds(60));
    }

    private static Engagement delivering() {
        Engagement e = proposed();
        e.advance(Stage.CONTACTED, NOW, null);
        e.advance(Stage.NEGOTIATING, NOW, null);
        e.contract(new Contract(ContractType.SERVICE, BigDecimal.TEN, LocalDate.of(2026, 12, 1), null), NOW, null);
        e.advance(Stage.DELIVERING, NOW, null);
        return e;
    }

    private static String illegalMove(Runnable move) {
        try {
            move.run();
        } catch (DomainException refused) {
            return refused.key();
        }
        throw new AssertionError("moved");
    }

    @Test
    void movesOneStageAtATimeOnly() {
        Engagement e = proposed();
        assertThat(illegalMove(() -> e.advance(Stage.NEGOTIATING, NOW, null)))
                .isEqualTo("engagement.transition.illegal");
        assertThat(illegalMove(() -> e.contract(
                        new Contract(ContractType.SERVICE, BigDecimal.ONE, LocalDate.of(2026, 1, 1), null), NOW, null)))
                .isEqualTo("engagement.transition.illegal");
        e.advance(Stage.CONTACTED, NOW, null);
        assertThat(e.stage()).isEqualTo(Stage.CONTACTED);
        assertThat(illegalMove(() -> e.advance(Stage.PROPOSED, NOW, null))).isEqualTo("engagement.transition.illegal");
    }

    @Test
    void evaluationNeedsBothRatingsAndAMeasuredResult() {
        Engagement e = delivering();
        assertThatThrownBy(() -> e.evaluate(List.of(), null, NOW))
                .isInstanceOfSatisfying(
                        EngagementRefused.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::field)
                                .containsExactly("demandRating", "counterpartRating", "results"));
        e.rate(Engagement.Side.DEMAND, new Rating(5, null), NOW);
        e.rate(Engagement.Side.COUNTERPART, new Rating(4, "顺利"), NOW);
        e.evaluate(List.of(new MeasuredResult("良品率", new BigDecimal("99.6"), "%")), null, NOW);
        assertThat(e.stage()).isEqualTo(Stage.EVALUATED);
        assertThat(e.stage().isFinal()).isTrue();
    }

    @Test
    void ratingsAreGivenOnlyWhileDelivering() {
        Engagement e = proposed();
        assertThat(illegalMove(() -> e.rate(Engagement.Side.DEMAND, new Rating(3, null), NOW)))
                .isEqualTo("engagement.rating.stage");
    }

    @Test
    void closingNeedsAReasonAndANoteForOtherAndEndsEverything() {
        Engagement e = proposed();
        assertThatThrownBy(() -> e.close(null, null, NOW)).isInstanceOf(EngagementRefused.class);
        assertThatThrownBy(() -> e.close(CloseReason.OTHER, " ", NOW)).isInstanceOf(EngagementRefused.class);
        e.close(CloseReason.TERMS, null, NOW);
        assertThat(e.closedFrom()).isEqualTo(Stage.PROPOSED);
        assertThat(illegalMove(() -> e.advance(Stage.CONTACTED, NOW, null))).isEqualTo("engagement.transition.illegal");
        assertThat(illegalMove(() -> e.close(CloseReason.TERMS, null, NOW))).isEqualTo("engagement.transition.illegal");
        assertThat(illegalMove(() -> e.handOver(11, NOW))).isEqualTo("engagement.final");
    }

    @Test
    void knowsItsPartiesAndWhenItIsOverdue() {
        Engagement e = proposed();
        assertThat(e.hasParty(10)).isTrue();
        assertThat(e.hasParty(20)).isTrue();
        assertThat(e.hasParty(30)).isTrue();
        assertThat(e.hasParty(40)).isFalse();
        assertThat(e.sideOf(30)).contains(Engagement.Side.COUNTERPART);
        assertThat(e.overdueAt(NOW)).isFalse();
        assertThat(e.overdueAt(NOW.plusSeconds(61))).isTrue();
    }
}
