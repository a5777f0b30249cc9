package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;

class StationTest {

    @Test
    void opensActiveNamedAfterItsOrganizationUnlessNamed() {
        Station station = Station.open(5, "中国数学会", " ", "ＣＭＳ-Station", Instant.EPOCH);
        assertThat(station.name()).isEqualTo("中国数学会");
        assertThat(station.code()).isEqualTo("cms-station");
        assertThat(station.active()).isTrue();
        assertThat(Station.open(5, "中国数学会", "数学会站点", "cms", Instant.EPOCH).name())
                .isEqualTo("数学会站点");
    }

    @Test
    void refusesCodesThatDoNotReadWellInAnAddress() {
        for (String code : new String[] {"a", "-ab", "ab-", "a b", "站点", "a".repeat(41), "a/b"}) {
            assertThatThrownBy(() -> Station.canonicalCode(code))
                    .as(code)
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.key()).isEqualTo("station.code.invalid"));
        }
        assertThatThrownBy(() -> Station.canonicalCode(""))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("station.code.required"));
    }

    @Test
    void suspendsAndResumesButNotTwice() {
        Station station = Station.open(5, "中国数学会", null, "cms", Instant.EPOCH);
        station.suspend();
        assertThat(station.active()).isFalse();
        assertThatThrownBy(station::suspend).isInstanceOf(DomainException.class);
        station.resume();
        assertThat(station.active()).isTrue();
        assertThatThrownBy(station::resume).isInstanceOf(DomainException.class);
    }
}
