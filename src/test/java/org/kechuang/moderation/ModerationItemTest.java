package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

class ModerationItemTest {

    private static final Instant HELD = Instant.parse("2025-01-01T08:00:00Z");
    private static final Instant DECIDED = Instant.parse("2025-01-02T08:00:00Z");

    private static ModerationItem pending() {
        return new ModerationItem(
                7,
                "demand",
                42,
                3L,
                List.of(new ModerationItem.SubmittedField("title", "百家乐")),
                List.of(new Match("title", Category.GAMBLING, 0, 3, "百家乐", List.of("百家乐"))),
                ModerationItem.Status.PENDING,
                HELD,
                null,
                null,
                null);
    }

    @Test
    void releasingRecordsTheOperatorAndTheTime() {
        ModerationItem released = pending().release(99, DECIDED);

        assertThat(released.status()).isEqualTo(ModerationItem.Status.RELEASED);
        assertThat(released.decidedBy()).isEqualTo(99);
        assertThat(released.decidedAt()).isEqualTo(DECIDED);
        assertThat(released.reason()).isNull();
    }

    @Test
    void rejectingKeepsTheReason() {
        ModerationItem rejected = pending().reject(99, "含赌博网站名称", DECIDED);

        assertThat(rejected.status()).isEqualTo(ModerationItem.Status.REJECTED);
        assertThat(rejected.reason()).isEqualTo("含赌博网站名称");
    }

    @Test
    void refusesToDecideADecidedItemAgain() {
        ModerationItem released = pending().release(99, DECIDED);

        assertThatThrownBy(() -> released.reject(98, "再次", DECIDED))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.key()).isEqualTo("moderation.item.decided");
                    assertThat(e.args()).containsExactly("7", "released");
                });
        assertThatThrownBy(() -> released.release(98, DECIDED)).isInstanceOf(DomainException.class);
    }

    @Test
    void refusesAnUnknownStatusWithAFieldError() {
        assertThatThrownBy(() -> ModerationItem.Status.ofCode("PENDING"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.key()).isEqualTo("moderation.status.unknown");
                });
        assertThat(ModerationItem.Status.ofCode("rejected")).isEqualTo(ModerationItem.Status.REJECTED);
    }

    @Test
    void aRejectionReasonIsRequiredBoundedAndPlainText() {
        assertThat(ModerationDesk.validReason("  含赌博网站名称 ")).isEqualTo("含赌博网站名称");
        assertThat(ModerationDesk.validReason("ＡＢＣ１２３")).isEqualTo("ABC123");
        assertThatThrownBy(() -> ModerationDesk.validReason("   "))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("moderation.reason.required"));
        assertThatThrownBy(() -> ModerationDesk.validReason("x".repeat(ModerationDesk.MAX_REASON_LENGTH + 1)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("moderation.reason.too-long"));
        assertThatThrownBy(() -> ModerationDesk.validReason("<script>alert(1)</script>"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("moderation.reason.markup"));
    }
}
