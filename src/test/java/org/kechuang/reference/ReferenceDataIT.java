package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the migrations build in, and the Java API other modules read it through. */
@IntegrationTest
class ReferenceDataIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Industries industries;

    @Autowired
    IndustryChains chains;

    @Test
    void twentySectionsAndNinetySevenDivisionsAreBuiltInEachDivisionUnderASection() {
        assertThat(count("SELECT count(*) FROM reference_industry WHERE level = 0 AND name_en IS NOT NULL"))
                .isEqualTo(20);
        assertThat(count("""
                        SELECT count(*) FROM reference_industry d JOIN reference_industry s ON s.code = d.parent_code
                        WHERE d.level = 1 AND s.level = 0 AND d.name_en IS NOT NULL""")).isEqualTo(97);
    }

    @Test
    void theEightNsfcDepartmentsAndNineStrategicEmergingIndustriesAreBuiltIn() {
        assertThat(jdbc.sql("SELECT code FROM reference_discipline WHERE level = 0 ORDER BY code")
                        .query(String.class)
                        .list())
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H");
        assertThat(jdbc.sql("SELECT code || ' ' || name FROM reference_strategic_industry ORDER BY code")
                        .query(String.class)
                        .list())
                .hasSize(9)
                .startsWith("1 新一代信息技术产业")
                .endsWith("9 相关服务业");
    }

    @Test
    void everyChainHasNodesOnAllThreeStagesEachLinkedToIndustriesOfBuiltInDivisions() {
        List<IndustryChain> all = chains.all();

        assertThat(all)
                .extracting(IndustryChain::code)
                .containsExactly("IC", "NEV", "BIO", "AI", "HEE", "NMAT", "NES", "AGRI");
        for (IndustryChain chain : all) {
            for (ChainStage stage : ChainStage.values()) {
                assertThat(chain.nodes(stage)).as("%s %s", chain.code(), stage).isNotEmpty();
            }
            for (ChainNode node : chain.nodes()) {
                assertThat(node.code()).startsWith(chain.code() + "-");
                assertThat(node.nameEn()).isNotBlank();
                assertThat(node.industryCodes())
                        .isNotEmpty()
                        .allSatisfy(code -> assertThat(industries.find(code.substring(0, 2)))
                                .hasValueSatisfying(
                                        division -> assertThat(division.level()).isEqualTo(IndustryLevel.DIVISION)));
            }
        }
    }

    @Test
    void theIntegratedCircuitChainRunsFromEdaToConsumerElectronics() {
        IndustryChain ic = chains.find("ic").orElseThrow();

        assertThat(ic.nodes(ChainStage.UPSTREAM))
                .extracting(ChainNode::code)
                .containsExactly("IC-UP-EDA", "IC-UP-MAT", "IC-UP-EQP");
        assertThat(ic.nodes(ChainStage.MIDSTREAM)).extracting(ChainNode::name).containsExactly("芯片设计", "晶圆制造", "封装测试");
        assertThat(chains.findNode("IC-MID-FAB"))
                .hasValueSatisfying(node -> assertThat(node.industryCodes()).containsExactly("3973"));
        assertThat(chains.find("XX")).isEmpty();
        assertThat(chains.findNode("IC-UP-NOPE")).isEmpty();
    }

    @Test
    void findsIndustriesByCodeAsUsersTypeThem() {
        assertThat(industries.find("ｃ"))
                .hasValueSatisfying(section -> assertThat(section.name()).isEqualTo("制造业"));
        assertThat(industries.find(" ３９ "))
                .hasValueSatisfying(
                        division -> assertThat(division.parentCode()).isEqualTo("C"));
        assertThat(industries.exists("39")).isTrue();
        assertThat(industries.exists("X9")).isFalse();
        assertThat(industries.exists(null)).isFalse();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
