package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegionsIT {

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMigrationLoadsEveryVendoredDivisionWithAnExistingParent() {
        assertThat(count("level = 1")).isEqualTo(34);
        assertThat(count("level = 2")).isEqualTo(333);
        assertThat(count("level = 3")).isEqualTo(2974);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM reference_region r
                        WHERE r.level > 1 AND NOT EXISTS (
                          SELECT 1 FROM reference_region p WHERE p.code = r.parent_code AND p.level < r.level)""").query(Long.class).single()).isZero();
    }

    @Test
    void findsARegionByItsCodeEvenWhenTypedFullWidth() {
        assertThat(regions.find("３２０１０２")).contains(new Region("320102", "玄武区", 3, "320100"));
        assertThat(regions.find("999999")).isEmpty();
        assertThat(regions.find(" ")).isEmpty();
    }

    @Test
    void thePathRunsFromTheProvinceDown() {
        assertThat(regions.path("320102")).extracting(Region::name).containsExactly("江苏省", "南京市", "玄武区");
        assertThat(regions.path("110101")).extracting(Region::code).containsExactly("110000", "110101");
        assertThat(regions.path("999999")).isEmpty();
    }

    @Test
    void listsProvincesAndChildrenInCodeOrder() {
        assertThat(regions.provinces()).hasSize(34).first().isEqualTo(new Region("110000", "北京市", 1, null));
        assertThat(regions.children("110000")).hasSize(16).allMatch(r -> r.level() == 3);
        assertThat(regions.children("320000")).extracting(Region::name).startsWith("南京市", "无锡市");
        assertThat(regions.children("441900")).isEmpty();
    }

    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM reference_region WHERE " + condition)
                .query(Long.class)
                .single();
    }
}
