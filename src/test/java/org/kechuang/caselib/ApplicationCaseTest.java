package org.kechuang.caselib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;

class ApplicationCaseTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    private static CaseContent content(String title) {
        return new CaseContent(
                title,
                "热变形导致精度下降",
                "热误差建模与实时补偿",
                List.of(new Party(PartyRole.DEMAND_SIDE, null, "宁波某机械有限公司")),
                List.of(new Figure("年节约成本", new BigDecimal("320"), "万元", FigureKind.ECONOMIC)),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    private static ApplicationCase draft() {
        return ApplicationCase.draft(content("热误差补偿案例"), Provenance.enteredOnThePortal(3L), 42L, NOW);
    }

    @Test
    void goesFromDraftThroughSubmissionToPublicationAndIsArchivedForGood() {
        ApplicationCase found = draft();

        found.submit(NOW);
        found.publish(NOW);
        assertThat(found.status()).isEqualTo(PublicationStatus.PUBLISHED);

        found.archive(NOW);
        assertThatThrownBy(() -> found.revise(content("改"), NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> found.submit(NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void aHeldSubmissionIsPublishedWhenReleasedAndReturnedWhenRejected() {
        ApplicationCase released = draft();
        released.submit(NOW);
        released.hold();
        assertThat(released.release(NOW)).isTrue();
        assertThat(released.status()).isEqualTo(PublicationStatus.PUBLISHED);

        ApplicationCase rejected = draft();
        rejected.submit(NOW);
        rejected.hold();
        assertThat(rejected.reject("含推广内容", NOW)).isTrue();
        assertThat(rejected.status()).isEqualTo(PublicationStatus.RETURNED);
        assertThat(rejected.returnReason()).isEqualTo("含推广内容");
    }

    @Test
    void theFigureKindsOfTheContentAreThoseOfItsFigures() {
        assertThat(content("x").figureKinds()).containsExactly(FigureKind.ECONOMIC);
        assertThat(content("x").asFields()).containsEntry("figures", "年节约成本 320 万元");
    }
}
