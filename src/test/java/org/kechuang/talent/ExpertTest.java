package org.kechuang.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.kechuang.shared.PublicationStatus;
import org.springframework.http.HttpStatus;

class ExpertTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    static ExpertContent content(String name) {
        return new ExpertContent(
                name,
                "浙江大学",
                "教授",
                List.of("E05"),
                List.of("智能制造"),
                List.of("数控机床"),
                "330100",
                List.of(),
                false,
                false,
                Availability.AVAILABLE,
                null,
                "13900001111",
                "li@example.com");
    }

    private static Expert imported() {
        return Expert.draft(content("李明"), new Provenance(3L, "import", "e-1", 9L), null, NOW);
    }

    @Test
    void aProfileGoesFromDraftThroughSubmissionToPublication() {
        Expert expert = imported();

        expert.submit(NOW);
        expert.publish(NOW);

        assertThat(expert.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(expert.held()).isFalse();
    }

    @Test
    void refusesToPublishADraftThatWasNeverSubmitted() {
        Expert expert = imported();

        assertThatThrownBy(() -> expert.publish(NOW)).isInstanceOfSatisfying(DomainException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refusal.key()).isEqualTo("expert.transition.illegal");
        });
    }

    @Test
    void anImportedProfileIsUnclaimedWithoutConsentAndIsClaimedOnce() {
        Expert expert = imported();
        assertThat(expert.claimed()).isFalse();
        assertThat(expert.consent()).isNull();
        assertThat(expert.contactConsented()).isFalse();

        expert.claimBy(77L, NOW);

        assertThat(expert.claimedBy(77L)).isTrue();
        assertThatThrownBy(() -> expert.claimBy(78L, NOW))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.key()).isEqualTo("expert.claim.taken"));
        assertThat(expert.claimedBy(78L)).isFalse();
    }

    @Test
    void anExpertsOwnProfileIsClaimedAndConsentsToTheProfileButNotToTheContact() {
        Expert own = Expert.own(content("王芳"), Provenance.enteredOnThePortal(null), 55L, NOW);

        assertThat(own.claimedBy(55L)).isTrue();
        assertThat(own.consent().scope()).isEqualTo(Consent.Scope.PROFILE);
        assertThat(own.consent().basis()).isEqualTo(Consent.Basis.SELF);
        assertThat(own.contactConsented()).isFalse();
    }

    @Test
    void onlyTheClaimingExpertConsentsForThemselfOthersRecordAWrittenConsent() {
        Expert expert = imported();

        assertThatThrownBy(() -> expert.consent(new Consent(Consent.Scope.CONTACT, Consent.Basis.SELF, 77L, NOW)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN));
        expert.consent(new Consent(Consent.Scope.CONTACT, Consent.Basis.WRITTEN, 5L, NOW));
        assertThat(expert.contactConsented()).isTrue();

        expert.claimBy(77L, NOW);
        expert.consent(new Consent(Consent.Scope.PROFILE, Consent.Basis.SELF, 77L, NOW));
        assertThat(expert.contactConsented()).isFalse();
        expert.withdrawConsent(NOW);
        assertThat(expert.consent()).isNull();
        assertThat(expert.statusFields()).doesNotContainKey("consent").containsEntry("accountId", "77");
    }

    @Test
    void aPublishedProfileWhoseEditIsHeldLeavesPublicationUntilReleased() {
        Expert expert = imported();
        expert.submit(NOW);
        expert.publish(NOW);

        expert.withhold("introduction: gambling «星空体育»", NOW);
        assertThat(expert.status()).isEqualTo(PublicationStatus.RETURNED);
        assertThat(expert.held()).isTrue();

        assertThat(expert.release(NOW)).isTrue();
        assertThat(expert.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(expert.release(NOW)).isFalse();
    }

    @Test
    void anArchivedProfileCanNeitherChangeNorBeClaimed() {
        Expert expert = imported();
        expert.archive(NOW);

        assertThatThrownBy(() -> expert.revise(content("李明明"), NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> expert.claimBy(77L, NOW))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refusal -> assertThat(refusal.key()).isEqualTo("expert.archived"));
        assertThatThrownBy(() -> expert.submit(NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void anUnchangedRevisionIsNoChange() {
        Expert expert = imported();

        assertThat(expert.revise(content("李明"), NOW.plusSeconds(5))).isFalse();
        assertThat(expert.updatedAt()).isEqualTo(NOW);
        assertThat(expert.revise(content("李 明"), NOW.plusSeconds(5))).isTrue();
    }
}
