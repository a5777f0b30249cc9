package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageRemindersTest {

    @Test
    void theCounterpartMustAnswerTheContactAndBothSidesAgreeAndRate() {
        assertThat(StageReminders.mustAct(Stage.PROPOSED)).isEmpty();
        assertThat(StageReminders.mustAct(Stage.CONTACTED)).containsExactly(Engagement.Side.COUNTERPART);
        assertThat(StageReminders.mustAct(Stage.NEGOTIATING))
                .containsExactlyInAnyOrder(Engagement.Side.DEMAND, Engagement.Side.COUNTERPART);
        assertThat(StageReminders.mustAct(Stage.CONTRACTED)).containsExactly(Engagement.Side.COUNTERPART);
        assertThat(StageReminders.mustAct(Stage.DELIVERING))
                .containsExactlyInAnyOrder(Engagement.Side.DEMAND, Engagement.Side.COUNTERPART);
        assertThat(StageReminders.mustAct(Stage.CLOSED)).isEmpty();
    }
}
