package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.http.HttpStatus;

class DemandTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static DemandContent content(LocalDate deadline) {
        return new DemandContent(
                "题目",
                "背景",
                null,
                List.of(),
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                deadline,
                false,
                DemandContent.Contact.NONE,
                null);
    }

    private static Demand draft() {
        return Demand.draft(content(LocalDate.of(2026, 12, 31)), Provenance.enteredOnThePortal(3L), 42L, NOW);
    }

    @Test
    void goesFromDraftThroughSubmissionToPublication() {
        Demand demand = draft();

        demand.submit(TODAY, NOW);
        demand.publish(NOW);

        assertThat(demand.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(demand.held()).isFalse();
    }

    @Test
    void refusesToPublishADraftThatWasNeverSubmitted() {
        Demand demand = draft();

        assertThatThrownBy(() -> demand.publish(NOW)).isInstanceOfSatisfying(DomainException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refusal.key()).isEqualTo("demand.transition.illegal");
            assertThat(refusal.args()).containsExactly("DRAFT", "PUBLISHED");
        });
        assertThat(demand.status()).isEqualTo(PublicationStatus.DRAFT);
    }

    @Test
    void refusesToSubmitAfterTheDeadlineAndStaysADraft() {
        Demand demand = Demand.draft(content(LocalDate.of(2026, 5, 31)), Provenance.enteredOnThePortal(3L), 42L, NOW);

        assertThatThrownBy(() -> demand.submit(TODAY, NOW)).isInstanceOf(DemandRejected.class);
        assertThat(demand.status()).isEqualTo(PublicationStatus.DRAFT);
    }

    @Test
    void aReturnedDemandCarriesTheReasonUntilItIsSubmittedAgain() {
        Demand demand = draft();
        demand.submit(TODAY, NOW);
        demand.returnWith("请补充技术指标", NOW);

        assertThat(demand.status()).isEqualTo(PublicationStatus.RETURNED);
        assertThat(demand.returnReason()).isEqualTo("请补充技术指标");

        demand.submit(TODAY, NOW);
        assertThat(demand.returnReason()).isNull();
    }

    @Test
    void aHeldSubmissionIsPublishedWhenReleasedAndReturnedWhenRejected() {
        Demand released = draft();
        released.submit(TODAY, NOW);
        released.hold();
        assertThat(released.release(NOW)).isTrue();
        assertThat(released.status()).isEqualTo(PublicationStatus.PUBLISHED);

        Demand rejected = draft();
        rejected.submit(TODAY, NOW);
        rejected.hold();
        assertThat(rejected.reject("含赌博网站名称", NOW)).isTrue();
        assertThat(rejected.status()).isEqualTo(PublicationStatus.RETURNED);
        assertThat(rejected.returnReason()).isEqualTo("含赌博网站名称");
    }

    @Test
    void aPublishedDemandWhoseEditIsHeldLeavesPublicationUntilReleased() {
        Demand demand = draft();
        demand.submit(TODAY, NOW);
        demand.publish(NOW);

        demand.withhold("description: gambling «星空体育»", NOW);
        assertThat(demand.status()).isEqualTo(PublicationStatus.RETURNED);
        assertThat(demand.held()).isTrue();

        assertThat(demand.release(NOW)).isTrue();
        assertThat(demand.status()).isEqualTo(PublicationStatus.PUBLISHED);
    }

    @Test
    void aReleaseOfADemandThatLeftTheQueueChangesNothing() {
        Demand demand = draft();
        demand.submit(TODAY, NOW);
        demand.returnWith("站点退回", NOW);

        assertThat(demand.release(NOW)).isFalse();
        assertThat(demand.status()).isEqualTo(PublicationStatus.RETURNED);
    }

    @Test
    void anArchivedDemandCanNeitherChangeNorMove() {
        Demand demand = draft();
        demand.archive(NOW);

        assertThatThrownBy(() -> demand.revise(content(null), NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, r -> assertThat(r.key()).isEqualTo("demand.archived"));
        assertThatThrownBy(() -> demand.submit(TODAY, NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void expiresTheDayAfterItsDeadlineAndIsStaleWhenUntouched() {
        Demand demand = draft();

        assertThat(demand.expiredOn(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(demand.expiredOn(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(demand.staleSince(NOW)).isFalse();
        assertThat(demand.staleSince(NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void anUnchangedRevisionIsNoChange() {
        Demand demand = draft();

        assertThat(demand.revise(content(LocalDate.of(2026, 12, 31)), NOW.plusSeconds(60)))
                .isFalse();
        assertThat(demand.updatedAt()).isEqualTo(NOW);
    }
}
