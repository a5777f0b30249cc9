package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The moderation module on its own (with the platform and identity it depends on): a decision publishes the event
 * the held record's library listens to, and a refused decision publishes nothing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class ModerationEventsIT {

    static final long OPERATOR = 4242;

    @Autowired
    ContentScreen screen;

    @Autowired
    ModerationQueue queue;

    @Autowired
    ModerationDesk desk;

    long held(long record) {
        assertThat(screen.screen("case", record, 5L, Map.of("problem", "老虎机在线")).held())
                .isTrue();
        return queue.pendingFor("case", record).orElseThrow().itemId();
    }

    static long unique() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }

    @Test
    void releasingPublishesContentReleasedForTheRecord(Scenario scenario) {
        long record = unique();
        long item = held(record);

        scenario.stimulate(() -> desk.release(item, OPERATOR))
                .andWaitForEventOfType(ContentReleased.class)
                .matchingMappedValue(ContentReleased::recordId, record)
                .toArriveAndVerify(event -> assertThat(event).isEqualTo(new ContentReleased("case", record, OPERATOR)));
    }

    @Test
    void rejectingPublishesContentRejectedWithTheReason(Scenario scenario) {
        long record = unique();
        long item = held(record);

        scenario.stimulate(() -> desk.reject(item, " 含赌博内容 ", OPERATOR))
                .andWaitForEventOfType(ContentRejected.class)
                .matchingMappedValue(ContentRejected::recordId, record)
                .toArriveAndVerify(
                        event -> assertThat(event).isEqualTo(new ContentRejected("case", record, OPERATOR, "含赌博内容")));
    }

    @Test
    void aRefusedDecisionPublishesNothing(AssertablePublishedEvents events) {
        long record = unique();
        long item = held(record);
        desk.release(item, OPERATOR);

        assertThatThrownBy(() -> desk.reject(item, "晚了", OPERATOR)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> desk.reject(item, " ", OPERATOR)).isInstanceOf(DomainException.class);

        assertThat(events.ofType(ContentRejected.class).matching(ContentRejected::recordId, record))
                .isEmpty();
        assertThat(events.ofType(ContentReleased.class).matching(ContentReleased::recordId, record))
                .hasSize(1);
    }
}
