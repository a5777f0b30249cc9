package org.kechuang.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaturityLevelTest {

    @Test
    void namesTheNineStagesFromPrinciplesToOperation() {
        assertThat(MaturityLevel.values()).hasSize(9);
        assertThat(MaturityLevel.TRL_1.chineseName()).isEqualTo("基本原理提出");
        assertThat(MaturityLevel.TRL_9.chineseName()).isEqualTo("实际系统完成并成功运行");
        assertThat(MaturityLevel.TRL_9.englishName()).isEqualTo("Actual system proven through successful operation");
        for (MaturityLevel level : MaturityLevel.values()) {
            assertThat(level.name()).isEqualTo("TRL_" + level.level());
        }
    }

    @Test
    void readsTheLevelAsPeopleWriteIt() {
        assertThat(MaturityLevel.parse("6")).contains(MaturityLevel.TRL_6);
        assertThat(MaturityLevel.parse("TRL6")).contains(MaturityLevel.TRL_6);
        assertThat(MaturityLevel.parse("trl 7")).contains(MaturityLevel.TRL_7);
        assertThat(MaturityLevel.parse("TRL_3")).contains(MaturityLevel.TRL_3);
        assertThat(MaturityLevel.parse("实际系统完成并成功运行")).contains(MaturityLevel.TRL_9);
    }

    @Test
    void refusesLevelsOutsideOneToNine() {
        assertThat(MaturityLevel.parse("0")).isEmpty();
        assertThat(MaturityLevel.parse("10")).isEmpty();
        assertThat(MaturityLevel.parse("高")).isEmpty();
        assertThat(MaturityLevel.of(0)).isEmpty();
    }
}
